package io.github.diynn.core;

import java.util.List;

/**
 * The forward pass on raw row-major arrays, shared by {@link Network#predict(Matrix)} and
 * {@link BatchEvaluator} (and so backpropagation and the trainer). Each entry is computed with the operations of the matrix API in the same
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
            double[] a = new double[samples * layer.outputSize()];
            layer(layer, layer.weights().raw(), 0, layer.hasBias() ? layer.bias().raw() : null, 0, input, samples, a, a);
            input = a;
        }
        return input;
    }

    /**
     * One layer for the first {@code rows} rows: {@code z = x W + b}, then {@code a = f(z)}, where
     * {@code W} is read from {@code weights} at {@code weightsAt} and {@code b} (when the layer has a
     * bias) from {@code bias} at {@code biasAt}. {@code z} and {@code a} may be the same array.
     */
    static void layer(DenseLayer layer, double[] weights, int weightsAt, double[] bias, int biasAt, double[] input,
            int rows, double[] z, double[] a) {
        int in = layer.inputSize();
        int out = layer.outputSize();
        Kernels.multiply(input, weights, weightsAt, z, rows, in, out);
        if (bias != null) {
            Kernels.addRow(z, bias, biasAt, rows, out);
        }
        layer.activation().forward(z, a, rows, out);
    }
}
