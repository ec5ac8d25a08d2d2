package io.github.diynn.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Seeded random networks and batches for the gradient tests. */
final class GradientFixtures {

    /** Rows per random batch: small, so that the 50-seed sweeps stay fast. */
    static final int ROWS = 12;

    private GradientFixtures() {
    }

    /** A network of the given sizes (inputs first), hidden layers {@code hidden}, output {@code output}. */
    static Network network(int[] sizes, Activation hidden, Activation output, boolean biases, long seed) {
        Network.Builder builder = Network.builder(sizes[0]);
        for (int l = 1; l < sizes.length; l++) {
            builder.dense(sizes[l], l == sizes.length - 1 ? output : hidden);
        }
        if (!biases) {
            builder.withoutBiases();
        }
        Network network = builder.build(seed);
        if (!biases) {
            return network;
        }
        // Non-zero biases, so that the bias gradients flow through non-trivial values.
        Random random = new Random(seed ^ 0x5DEECE66DL);
        double[] theta = network.parameters();
        for (int i = 0; i < theta.length; i++) {
            if (network.parameterLocation(i).kind() == ParameterLocation.Kind.BIAS) {
                theta[i] = 0.5 * random.nextGaussian();
            }
        }
        return network.withParameters(theta);
    }

    /** Inputs uniform in [0, 1), as after the tutorial's max scaling. */
    /** {@return a copy of {@code theta} with each entry moved by a seeded uniform amount in [-0.5, 0.5)} */
    static double[] shifted(double[] theta, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] out = theta.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] += random.nextDouble(-0.5, 0.5);
        }
        return out;
    }

    static Matrix inputs(int rows, int columns, long seed) {
        Random random = new Random(seed * 31 + 7);
        double[] values = new double[rows * columns];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextDouble();
        }
        return Matrix.of(rows, columns, values);
    }

    /** Regression targets uniform in [0, 1). */
    static Matrix regressionTargets(int rows, int columns, long seed) {
        Random random = new Random(seed * 31 + 11);
        double[] values = new double[rows * columns];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextDouble();
        }
        return Matrix.of(rows, columns, values);
    }

    /** One-hot rows with a seeded class each, or (if {@code soft}) random probability rows. */
    static Matrix classTargets(int rows, int columns, long seed, boolean soft) {
        Random random = new Random(seed * 31 + 13);
        double[] values = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            if (soft) {
                double sum = 0.0;
                for (int j = 0; j < columns; j++) {
                    values[i * columns + j] = random.nextDouble();
                    sum += values[i * columns + j];
                }
                for (int j = 0; j < columns; j++) {
                    values[i * columns + j] /= sum;
                }
            } else {
                values[i * columns + random.nextInt(columns)] = 1.0;
            }
        }
        return Matrix.of(rows, columns, values);
    }

    /** Targets for binary cross-entropy: each entry 0 or 1, or a probability in (0, 1) when soft. */
    static Matrix binaryTargets(int rows, int columns, long seed, boolean soft) {
        SplittableRandom random = new SplittableRandom(seed * 7919 + columns);
        double[] values = new double[rows * columns];
        for (int k = 0; k < values.length; k++) {
            values[k] = soft ? random.nextDouble(0.05, 0.95) : random.nextInt(2);
        }
        return Matrix.of(rows, columns, values);
    }

    /** Ten plain gradient-descent steps {@code theta := theta - rate * g} with the given source. */
    static Network trainTenSteps(Network network, GradientSource source, Loss loss, Matrix inputs, Matrix targets,
            double rate) {
        Network current = network;
        for (int step = 0; step < 10; step++) {
            double[] theta = current.parameters();
            double[] gradient = source.gradient(current, loss, inputs, targets);
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= rate * gradient[i];
            }
            current = current.withParameters(theta);
        }
        return current;
    }

    /**
     * Indices of the rows whose ReLU pre-activations all lie at least {@code margin} from the kink at
     * 0, so that central differences never straddle it.
     */
    static int[] rowsAwayFromKinks(Network network, Matrix inputs, double margin) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < inputs.rows(); i++) {
            Matrix activation = inputs.selectRows(i);
            boolean away = true;
            for (DenseLayer layer : network.layers()) {
                Matrix z = layer.preActivation(activation);
                if (layer.activation() == Activation.RELU || layer.activation() instanceof LeakyRelu) {
                    for (double v : z.row(0)) {
                        away &= Math.abs(v) >= margin;
                    }
                }
                activation = layer.activation().apply(z);
            }
            if (away) {
                kept.add(i);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    static String describe(int[] sizes) {
        return Arrays.toString(sizes).replace(", ", "-").replace("[", "").replace("]", "");
    }
}
