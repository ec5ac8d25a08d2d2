package io.github.diynn.core;

/**
 * A way to compute the gradient of a loss with respect to all of a network's parameters.
 *
 * <p>The result is {@code dJ/dtheta} in the layout of {@link Network#parameters()}: a trainer
 * subtracts it. Implementations must be stateless or immutable, so one source can serve many
 * threads, and must not modify their arguments. {@link Backpropagation} computes the exact
 * gradient; {@link FiniteDifferences} estimates it numerically, and {@link GradientCheck} compares
 * the two.
 */
@FunctionalInterface
public interface GradientSource {

    /**
     * Returns {@code dJ/dtheta} for the given network, loss and batch.
     *
     * @param network the network at its current parameters
     * @param loss the loss {@code J}
     * @param inputs a {@code samples x inputSize} batch
     * @param targets a {@code samples x outputSize} batch
     * @return a new array of {@link Network#parameterCount()} values
     * @throws IllegalArgumentException if the batch does not fit the network (shapes named)
     */
    double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets);

    /**
     * Returns the exact gradient by backpropagation, {@link Backpropagation#instance()}.
     *
     * @return the backpropagation source
     */
    static GradientSource backpropagation() {
        return Backpropagation.instance();
    }
}
