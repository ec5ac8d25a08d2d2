package io.github.diynn.onnx;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.core.ParameterLocation;
import io.github.diynn.data.Scaler;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded networks, scalers and batches for the ONNX tests. */
final class OnnxFixtures {

    static final Instant CREATED = Instant.parse("2026-12-01T21:00:00Z");

    /** Every activation diynn has, leaky ReLU with a float-exact slope and with one that is not. */
    static final List<Activation> ACTIVATIONS = List.of(Activation.IDENTITY, Activation.SIGMOID, Activation.TANH,
            Activation.RELU, Activation.leakyRelu(), Activation.leakyRelu(0.25), Activation.SOFTMAX);

    private OnnxFixtures() {
    }

    /** A 5-16-8-out network whose hidden layers and output layer use {@code activation}. */
    static Network network(Activation activation, boolean biases, int outputs, long seed) {
        Network.Builder builder = Network.builder(5);
        if (!biases) {
            builder.withoutBiases();
        }
        Activation hidden = activation.equals(Activation.SOFTMAX) ? Activation.TANH : activation;
        Network network = builder.dense(16, hidden).dense(8, hidden).dense(outputs, activation).build(seed);
        if (!biases) {
            return network;
        }
        // The initializer's biases are 0; give them values so that a lost bias shows.
        double[] parameters = network.parameters();
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (int k = 0; k < parameters.length; k++) {
            if (network.parameterLocation(k).kind() == ParameterLocation.Kind.BIAS) {
                parameters[k] = random.nextDouble(-0.5, 0.5);
            }
        }
        return network.withParameters(parameters);
    }

    /** A batch of {@code rows} samples of {@code columns} features, uniform in [-3, 3) plus an offset. */
    static Matrix batch(int rows, int columns, double offset, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * columns];
        for (int k = 0; k < values.length; k++) {
            values[k] = offset + random.nextDouble(-3.0, 3.0);
        }
        return Matrix.of(rows, columns, values);
    }

    /** A scaler of the given kind fitted on a seeded batch around {@code offset}. */
    static Scaler scaler(String kind, int columns, double offset, long seed) {
        Matrix rows = batch(50, columns, offset, seed).scale(7.0);
        return switch (kind) {
            case "max" -> Scaler.fitMax(rows);
            case "min-max" -> Scaler.fitMinMax(rows);
            default -> Scaler.fitZScore(rows);
        };
    }

    /** The batch as ONNX Runtime sees it when fed floats. */
    static Matrix roundedToFloats(Matrix batch) {
        return batch.map(value -> (float) value);
    }

    static SavedModel saved(Network network) {
        return SavedModel.of(network, ModelMetadata.of(CREATED, "fixture: 3 epochs"));
    }
}
