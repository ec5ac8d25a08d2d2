package io.github.diynn.io;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Fixtures for the io tests: seeded networks, fixed metadata and hand-made files. */
final class TestModels {

    static final Instant CREATED = Instant.parse("2026-11-28T12:00:00Z");

    /** Values that stress number formatting: signed zeros, subnormals, extremes, awkward decimals. */
    static final double[] SPECIAL_VALUES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE),
        0.1, 1.0 / 3.0, 2.0E-3, 1.0E7, 1.0E-7, 1.0E23, 9.007199254740993E15, Math.PI, -1.0, 123456.789
    };

    private TestModels() {
    }

    /** The tutorial's 2-3-1 shape with biases, N(0,1) weights from seed 42, and non-zero biases. */
    static SavedModel small() {
        Network network = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);
        double[] parameters = network.parameters();
        parameters[6] = 0.25;
        parameters[7] = -0.5;
        parameters[12] = 0.125;
        return SavedModel.of(network.withParameters(parameters), ModelMetadata.of(CREATED, "fixture"));
    }

    /** {@link #small()} with a min-max input scaler and a max target scaler, fitted on three Iris rows. */
    static SavedModel scaled() {
        Matrix sepals = Matrix.of(new double[][] {{5.1, 3.5}, {7.9, 2.0}, {4.3, 4.4}});
        return small().withInputScaler(Scaler.fitMinMax(sepals))
                .withTargetScaler(Scaler.fitMax(Matrix.columnVector(1.4, 6.9, 1.5)));
    }

    /** A random network: 1 to 4 layers of 1 to 6 units, random activations, biases and values. */
    static Network randomNetwork(SplittableRandom random) {
        int layerCount = 1 + random.nextInt(4);
        int inputs = 1 + random.nextInt(6);
        // The five parameterless activations, in the order of version 0.1's enum (the random draws depend on it).
        Activation[] activations = {Activation.IDENTITY, Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.SOFTMAX};
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < layerCount; l++) {
            int outputs = 1 + random.nextInt(6);
            Matrix weights = Matrix.of(inputs, outputs, values(random, inputs * outputs));
            Activation activation = activations[random.nextInt(activations.length)];
            layers.add(random.nextBoolean()
                    ? DenseLayer.of(weights, Matrix.rowVector(values(random, outputs)), activation)
                    : DenseLayer.of(weights, activation));
            inputs = outputs;
        }
        return Network.of(layers);
    }

    /** A random scaler of one of the three kinds, with finite offsets and finite positive scales. */
    static Scaler randomScaler(SplittableRandom random, int columns) {
        String[] kinds = {"max", "min-max", "z-score"};
        String kind = kinds[random.nextInt(kinds.length)];
        double[] offsets = kind.equals("max") ? new double[columns] : values(random, columns);
        double[] scales = values(random, columns);
        for (int j = 0; j < columns; j++) {
            scales[j] = scales[j] == 0.0 ? Double.MIN_VALUE : Math.abs(scales[j]);
        }
        return Scaler.of(Scaler.Kind.ofId(kind), offsets, scales);
    }

    /** Finite values: a quarter special, a quarter random bit patterns, half ordinary normals. */
    static double[] values(SplittableRandom random, int count) {
        double[] values = new double[count];
        for (int k = 0; k < count; k++) {
            int pick = random.nextInt(4);
            if (pick == 0) {
                values[k] = SPECIAL_VALUES[random.nextInt(SPECIAL_VALUES.length)];
            } else if (pick == 1) {
                double bits;
                do {
                    bits = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(bits));
                values[k] = bits;
            } else {
                values[k] = random.nextDouble(-3.0, 3.0);
            }
        }
        return values;
    }

    /** A file from a body written by hand (chars as ISO-8859-1 bytes): appends the correct checksum member and the fixed end. */
    static byte[] withChecksum(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        String tail = "\"sha256\": \"" + ModelWriter.hex(ModelWriter.sha256(bytes)) + "\"\n}\n";
        return (body + tail).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The body of a model file (everything before the checksum member) with one text replaced. */
    static String bodyReplacing(SavedModel model, String target, String replacement) {
        String text = new String(ModelFile.toBytes(model), StandardCharsets.US_ASCII);
        String body = text.substring(0, text.lastIndexOf("\"sha256\""));
        if (!body.contains(target)) {
            throw new IllegalArgumentException("fixture body lacks " + target);
        }
        return body.replace(target, replacement);
    }
}
