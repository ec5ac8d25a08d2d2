package io.github.diynn.core;

import java.util.Objects;

/**
 * An immutable fully connected layer: {@code a = f(x W + b)}.
 *
 * <p>The weights have shape {@code inputSize x outputSize} (the tutorial's {@code W1} is 2x3), so a
 * batch {@code x} with one sample per row maps to one output row per sample. The bias is optional:
 * the tutorial keeps every bias at 0, which is a layer without one.
 *
 * <p>A layer is immutable, so it is safe to share between threads and {@link #forward(Matrix)} may
 * run on many threads at once.
 */
public final class DenseLayer {

    private final Matrix weights;
    private final Matrix bias;
    private final Activation activation;

    private DenseLayer(Matrix weights, Matrix bias, Activation activation) {
        this.weights = weights;
        this.bias = bias;
        this.activation = activation;
    }

    /**
     * Builds a layer without a bias.
     *
     * @param weights the {@code inputSize x outputSize} weights, at least 1x1
     * @param activation the activation applied to every output
     * @return a new layer
     * @throws IllegalArgumentException if an argument is null or the weights have a zero size
     */
    public static DenseLayer of(Matrix weights, Activation activation) {
        return create(weights, null, activation);
    }

    /**
     * Builds a layer with a bias.
     *
     * @param weights the {@code inputSize x outputSize} weights, at least 1x1
     * @param bias the {@code 1 x outputSize} bias
     * @param activation the activation applied to every output
     * @return a new layer
     * @throws IllegalArgumentException if an argument is null, the weights have a zero size, or the
     *     bias is not {@code 1 x outputSize} (both shapes are named)
     */
    public static DenseLayer of(Matrix weights, Matrix bias, Activation activation) {
        if (bias == null) {
            throw new IllegalArgumentException("bias is null; use DenseLayer.of(weights, activation) for a layer"
                    + " without a bias");
        }
        return create(weights, bias, activation);
    }

    private static DenseLayer create(Matrix weights, Matrix bias, Activation activation) {
        if (weights == null) {
            throw new IllegalArgumentException("layer weights are null");
        }
        if (activation == null) {
            throw new IllegalArgumentException("layer activation is null");
        }
        if (weights.rows() == 0 || weights.columns() == 0) {
            throw new IllegalArgumentException("layer weights must be at least 1x1, got " + weights.shape());
        }
        if (bias != null && (bias.rows() != 1 || bias.columns() != weights.columns())) {
            throw new IllegalArgumentException("bias must be 1x" + weights.columns() + " for " + weights.shape()
                    + " weights, got " + bias.shape());
        }
        return new DenseLayer(weights, bias, activation);
    }

    /**
     * Returns the number of inputs, the weights' row count.
     *
     * @return the input size
     */
    public int inputSize() {
        return weights.rows();
    }

    /**
     * Returns the number of outputs (units), the weights' column count.
     *
     * @return the output size
     */
    public int outputSize() {
        return weights.columns();
    }

    /**
     * Returns the {@code inputSize x outputSize} weights.
     *
     * @return the weights
     */
    public Matrix weights() {
        return weights;
    }

    /**
     * Tells whether the layer has a bias.
     *
     * @return true if the layer adds a bias
     */
    public boolean hasBias() {
        return bias != null;
    }

    /**
     * Returns the {@code 1 x outputSize} bias.
     *
     * @return the bias
     * @throws IllegalStateException if the layer has no bias (see {@link #hasBias()})
     */
    public Matrix bias() {
        if (bias == null) {
            throw new IllegalStateException("this " + weights.shape() + " layer has no bias");
        }
        return bias;
    }

    /**
     * Returns the activation applied to every output.
     *
     * @return the activation
     */
    public Activation activation() {
        return activation;
    }

    /**
     * Returns the number of parameters: the weights, plus the bias if there is one.
     *
     * @return {@code inputSize * outputSize (+ outputSize)}
     */
    public int parameterCount() {
        return inputSize() * outputSize() + (bias == null ? 0 : outputSize());
    }

    /**
     * Returns the pre-activations {@code z = x W + b} of a batch.
     *
     * @param input a {@code samples x inputSize} batch
     * @return a new {@code samples x outputSize} matrix
     * @throws IllegalArgumentException if {@code input} is null or does not have {@code inputSize} columns
     */
    public Matrix preActivation(Matrix input) {
        requireInput(input);
        Matrix z = input.times(weights);
        return bias == null ? z : z.plusRow(bias);
    }

    /**
     * Returns the outputs {@code f(x W + b)} of a batch.
     *
     * @param input a {@code samples x inputSize} batch
     * @return a new {@code samples x outputSize} matrix
     * @throws IllegalArgumentException if {@code input} is null or does not have {@code inputSize} columns
     */
    public Matrix forward(Matrix input) {
        return activation.apply(preActivation(input));
    }

    private void requireInput(Matrix input) {
        if (input == null) {
            throw new IllegalArgumentException("layer input is null");
        }
        if (input.columns() != inputSize()) {
            throw new IllegalArgumentException("layer with " + weights.shape() + " weights needs inputs with "
                    + inputSize() + " columns, got " + input.shape());
        }
    }

    /**
     * Exact equality of weights, bias and activation.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is an equal layer
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof DenseLayer other && weights.equals(other.weights)
                && Objects.equals(bias, other.bias) && activation.equals(other.activation);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(weights, bias, activation);
    }

    /**
     * Describes the layer, for example {@code "Dense 2->3 SIGMOID, no bias"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "Dense " + inputSize() + "->" + outputSize() + " " + activation + (bias == null ? ", no bias" : ", bias");
    }
}
