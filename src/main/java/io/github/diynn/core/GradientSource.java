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

    /**
     * Gives a gradient source, typically a lambda, a name for {@code toString()} and so for the
     * trainer's description and messages, which otherwise call a lambda
     * {@code "a custom GradientSource (lambda)"}.
     *
     * @param name the name, for example {@code "tutorial partials"}; not blank
     * @param source the source computing the gradients
     * @return a source that delegates every call to {@code source} and is described by {@code name}
     * @throws IllegalArgumentException if {@code name} is null or blank, or {@code source} is null
     */
    static GradientSource named(String name, GradientSource source) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a gradient source name must not be blank, got "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        if (source == null) {
            throw new IllegalArgumentException("gradient source named \"" + name + "\" is null");
        }
        return new GradientSource() {
            @Override
            public double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
                return source.gradient(network, loss, inputs, targets);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
