package io.github.diynn.core;

import java.util.List;

/**
 * The forward pass on raw row-major arrays, shared by {@link Network#predict(Matrix)} and
 * {@link Backpropagation}. Each entry is computed with the operations of the matrix API in the same
 * order ({@link Matrix#times}, then {@link Matrix#plusRow}, then {@link Activation#apply(Matrix)}),
 * so the bits agree with a pass written with it. Every array is local to one call: nothing is shared
 * between calls or threads.
 */
final class Forward {

    private Forward() {
    }

    /** Returns the last layer's outputs ({@code samples x outputSize}) for a batch of {@code samples} rows. */
    static double[] outputs(List<DenseLayer> layers, double[] inputs, int samples) {
        double[] input = inputs;
        for (DenseLayer layer : layers) {
            int out = layer.outputSize();
            double[] a = preActivation(layer, input, samples);
            layer.activation().forward(a, a, samples, out);
            input = a;
        }
        return input;
    }

    /**
     * Fills {@code z[l]} and {@code a[l]} for every layer, as backpropagation needs them, and returns
     * the widest layer size (inputs included).
     */
    static int keepingEveryLayer(List<DenseLayer> layers, double[] inputs, int samples, double[][] z, double[][] a) {
        int widest = 0;
        double[] input = inputs;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            int out = layer.outputSize();
            widest = Math.max(widest, Math.max(layer.inputSize(), out));
            z[l] = preActivation(layer, input, samples);
            a[l] = new double[samples * out];
            layer.activation().forward(z[l], a[l], samples, out);
            input = a[l];
        }
        return widest;
    }

    /** Returns {@code z = x W + b} of one layer as a new array. */
    private static double[] preActivation(DenseLayer layer, double[] input, int samples) {
        int in = layer.inputSize();
        int out = layer.outputSize();
        double[] z = new double[samples * out];
        Kernels.multiply(input, layer.weights().raw(), 0, z, samples, in, out);
        if (layer.hasBias()) {
            Kernels.addRow(z, layer.bias().raw(), 0, samples, out);
        }
        return z;
    }
}
