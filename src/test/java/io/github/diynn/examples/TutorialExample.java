package io.github.diynn.examples;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Backpropagation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Random;

/**
 * The "DIY neural network" tutorial, end to end, on the bundled Iris data.
 *
 * <p>Run it with {@code mvn -B -q test-compile exec:java}. Every random choice is seeded, so two
 * runs print the same numbers (only the timings change).
 */
public final class TutorialExample {

    /** The seed of every random choice in the example. */
    static final long SEED = 42;

    private TutorialExample() {
    }

    /**
     * Runs the tutorial and prints each step.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the tutorial, printing to {@code out}.
     *
     * @param out where to print
     * @return the figures printed, for tests
     */
    static Figures run(PrintStream out) {
        // In [1]: sepal length and width -> petal length, shuffled with an explicit seed.
        Dataset iris = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width")
                .targets("petal_length")
                .build()
                .loadResource(TutorialExample.class, "/iris.csv")
                .shuffle(SEED);
        Matrix x = iris.inputs();
        Matrix y = iris.targets();
        out.println("Iris: " + x.rows() + " samples; inputs sepal length and width, target petal length");

        // In [2]-[3]: the linear model f(x) = w.x + b with w = [0.2, 0.6], b = -0.3, on the raw data.
        DenseLayer linearUnit = DenseLayer.of(Matrix.columnVector(0.2, 0.6), Matrix.rowVector(-0.3), Activation.IDENTITY);
        Network linear = Network.of(linearUnit);
        double linearCost = linear.loss(Loss.SUM_SQUARED_ERROR, x, y);
        out.printf(Locale.ROOT, "for x=[%.2f, %.2f], predicted = %.2f, actual = %.2f%n",
                x.get(0, 0), x.get(0, 1), linear.predict(x.row(0))[0], y.get(0, 0));
        out.println("linear model cost, w=[0.2, 0.6], b=-0.3: " + significant(linearCost)
                + "  (exactly " + linearCost + "; the tutorial prints 313.0096)");

        // In [4]: linear regression by gradient descent with the analytic partials, on max-scaled data.
        Scaler inputScale = Scaler.fitMax(x);
        Scaler targetScale = Scaler.fitMax(y);
        Matrix xs = inputScale.transform(x);
        Matrix ys = targetScale.transform(y);
        Random random = new Random(SEED);
        Network start = linear.withParameters(new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()});
        out.printf(Locale.ROOT, "initial parameters: w1=%.3f, w2=%.3f, b=%.3f%n", (Object[]) boxed(start.parameters()));
        out.printf(Locale.ROOT, "initial cost = %.3f%n", start.loss(Loss.SUM_SQUARED_ERROR, xs, ys));
        long begin = System.nanoTime();
        TrainingResult regression = Trainer.builder()
                .learningRate(0.001)
                .epochs(2000)
                .gradientSource(TutorialExample::linearPartials)
                .build()
                .train(start, xs, ys);
        long regressionNanos = System.nanoTime() - begin;
        out.printf(Locale.ROOT, "final parameters: w1=%.3f, w2=%.3f, b=%.3f%n",
                (Object[]) boxed(regression.network().parameters()));
        out.printf(Locale.ROOT, "final cost = %.3f  (%.6f)%n", regression.finalLoss(), regression.finalLoss());
        out.printf(Locale.ROOT, "  time: %.1f ms for 2000 iterations%n", regressionNanos / 1e6);

        // In [7]: the sigmoid neuron with the same w and b, on the raw data.
        Network neuron = Network.of(DenseLayer.of(linearUnit.weights(), linearUnit.bias(), Activation.SIGMOID));
        double neuronCost = neuron.loss(Loss.SUM_SQUARED_ERROR, x, y);
        out.println("sigmoid neuron cost, w=[0.2, 0.6], b=-0.3: " + neuronCost
                + "  (the tutorial prints 829.4187739184515)");

        // In [15]: the 2-3-1 network, no biases, trained by forward-difference gradient descent.
        Network net = Network.builder(2)
                .dense(3, Activation.SIGMOID)
                .dense(1, Activation.IDENTITY)
                .withoutBiases()
                .build(SEED);
        out.println(net);
        out.printf(Locale.ROOT, "initial cost = %.3f%n", net.loss(Loss.SUM_SQUARED_ERROR, xs, ys));
        begin = System.nanoTime();
        TrainingResult trained = Trainer.builder()
                .learningRate(0.01)
                .epochs(2000)
                .gradientSource(FiniteDifferences.forward())
                .build()
                .train(net, xs, ys);
        long networkNanos = System.nanoTime() - begin;
        out.printf(Locale.ROOT, "final cost = %.3f  (%.6f)%n", trained.finalLoss(), trained.finalLoss());
        out.printf(Locale.ROOT, "  time: %.1f ms for 2000 epochs of forward differences%n", networkNanos / 1e6);

        // The tutorial's promise: the same network, same seed, trained by backpropagation.
        begin = System.nanoTime();
        TrainingResult backprop = Trainer.builder()
                .learningRate(0.01)
                .epochs(2000)
                .gradientSource(Backpropagation.instance())
                .build()
                .train(net, xs, ys);
        long backpropNanos = System.nanoTime() - begin;
        out.println("the same 2-3-1 from the same seed, both ways:");
        out.printf(Locale.ROOT, "  forward differences: final cost %.6f in %7.1f ms%n", trained.finalLoss(), networkNanos / 1e6);
        out.printf(Locale.ROOT, "  backpropagation:     final cost %.6f in %7.1f ms%n", backprop.finalLoss(), backpropNanos / 1e6);
        out.printf(Locale.ROOT, "  time: backpropagation trained %.1fx faster%n", (double) networkNanos / backpropNanos);
        double[] centimetres = targetScale.inverseTransform(backprop.network().predict(xs.selectRows(0))).row(0);
        out.printf(Locale.ROOT, "for x=[%.2f, %.2f] the trained network predicts a petal length of %.2f cm, actual %.2f%n",
                x.get(0, 0), x.get(0, 1), centimetres[0], y.get(0, 0));
        return new Figures(linearCost, regression, neuronCost, trained, backprop);
    }

    /**
     * The tutorial's partial derivatives of J for f(x) = w1 x1 + w2 x2 + b, as a gradient source.
     *
     * <pre>  dJ/dw_j = -sum_i x_ij (y_i - f(x_i)),   dJ/db = -sum_i (y_i - f(x_i))</pre>
     */
    private static double[] linearPartials(Network network, Loss loss, Matrix inputs, Matrix targets) {
        Matrix residual = targets.minus(network.predict(inputs));
        double[] gradient = new double[network.parameterCount()];
        for (int j = 0; j < inputs.columns(); j++) {
            gradient[j] = -Matrix.rowVector(inputs.column(j)).times(residual).get(0, 0);
        }
        gradient[inputs.columns()] = -residual.sum();
        return gradient;
    }

    /** Rounds to 12 significant digits, the way a reader compares with the tutorial's print. */
    static String significant(double value) {
        return new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The numbers the example prints, for tests. */
    record Figures(double linearCost, TrainingResult regression, double neuronCost, TrainingResult network,
            TrainingResult backprop) {
    }
}
