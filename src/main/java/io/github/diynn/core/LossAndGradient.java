package io.github.diynn.core;

import java.util.Arrays;

/**
 * A network's loss on a batch together with its gradient at the same parameters, as returned by
 * {@link GradientSource#lossAndGradient(Network, Loss, Matrix, Matrix)} of
 * {@link GradientSource#backpropagation()}: one forward pass gives both.
 *
 * <p>The loss is bit for bit {@link Network#loss(Loss, Matrix, Matrix)} and the gradient bit for bit
 * {@link GradientSource#gradient(Network, Loss, Matrix, Matrix)}: {@code dJ/dtheta} in the layout
 * of {@link Network#parameters()}, which a trainer subtracts. A value is immutable and safe to share
 * between threads.
 */
public final class LossAndGradient {

    private final double loss;
    private final double[] gradient;

    /** Takes ownership of {@code gradient}, which the caller must not keep. */
    LossAndGradient(double loss, double[] gradient) {
        this.loss = loss;
        this.gradient = gradient;
    }

    /**
     * Returns the loss {@code J} at the network's parameters.
     *
     * @return the loss
     */
    public double loss() {
        return loss;
    }

    /**
     * Returns {@code dJ/dtheta} in the layout of {@link Network#parameters()}.
     *
     * @return a new array of {@link Network#parameterCount()} values
     */
    public double[] gradient() {
        return gradient.clone();
    }

    /** The gradient array itself, for the library's own callers that do not keep it. */
    double[] rawGradient() {
        return gradient;
    }

    /**
     * Exact equality of the loss and every gradient entry ({@link Double#compare} semantics).
     *
     * @param obj the object to compare with
     * @return true if {@code obj} holds the same loss and gradient bits
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof LossAndGradient other && Double.compare(loss, other.loss) == 0
                && Arrays.equals(gradient, other.gradient);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Double.hashCode(loss) + Arrays.hashCode(gradient);
    }

    /**
     * Describes the value, for example {@code "LossAndGradient[loss 0.25, 9 gradient entries]"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "LossAndGradient[loss " + loss + ", " + gradient.length + " gradient entries]";
    }
}
