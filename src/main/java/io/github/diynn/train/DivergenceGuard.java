package io.github.diynn.train;

/**
 * The checks, beyond "every parameter and loss stays finite", that stop a run going wrong with a
 * {@link DivergenceException}: an immutable value set by {@link Trainer.Builder#divergenceGuard}.
 *
 * <p><b>Explosion.</b> After every epoch the training loss {@code J_e} is compared with the loss of
 * the starting network {@code J_0}:
 *
 * <pre>  stop with Kind.LOSS_EXPLODED if  J_e &gt; lossGrowthLimit * J_0   (J_0 &gt; 0)</pre>
 *
 * <p>The default limit is {@value #DEFAULT_LOSS_GROWTH_LIMIT}. A run that recovers can rise first
 * (the 2-3-1 network on unscaled Iris at learning rate 0.01 goes from 2879 to 14328 in two epochs and
 * then falls to 232), but a loss a million times the starting one means the steps are growing the
 * error, not shrinking it; waiting for overflow only delays the message by hundreds of epochs and
 * returns weights like 1e17 meanwhile. The starting loss is the reference, not the best one so far,
 * so that a run that has reached a tiny loss may still bounce. With {@code J_0 = 0} there is no scale
 * and the check is off. Runs that start near their optimum (fine-tuning) or are known to rise far
 * before falling can raise the limit or turn it off with {@link Double#POSITIVE_INFINITY}.
 *
 * <p><b>Stall.</b> If the gradient of the data loss is exactly 0 in every step of an epoch while the
 * training loss is above 0 and the largest absolute parameter is at least
 * {@value #STALL_PARAMETER_GROWTH} times the starting network's, one step has saturated every unit
 * (a sigmoid at exactly 0 or 1, a ReLU never active): no gradient step can move the network again,
 * and the rest of the run would only return it unchanged. Training then stops with
 * {@link DivergenceException.Kind#STALLED}. The growth condition keeps a deliberately zero gradient
 * (a test fixture, a network that was built saturated) from being reported as a blow-up.
 *
 * @param lossGrowthLimit the bound on {@code J_e / J_0}, greater than 1, or
 *     {@link Double#POSITIVE_INFINITY} for no explosion check
 * @param stopWhenStalled whether a stalled, blown-up run stops with an exception
 */
public record DivergenceGuard(double lossGrowthLimit, boolean stopWhenStalled) {

    /** The default bound on the training loss over the initial loss. */
    public static final double DEFAULT_LOSS_GROWTH_LIMIT = 1e6;

    /** The growth of the largest absolute parameter that, with a zero gradient, makes a run stalled. */
    public static final double STALL_PARAMETER_GROWTH = 1e3;

    /**
     * Checks the limit.
     *
     * @param lossGrowthLimit the bound on {@code J_e / J_0}, greater than 1 or positive infinity
     * @param stopWhenStalled whether a stalled, blown-up run stops with an exception
     * @throws IllegalArgumentException if {@code lossGrowthLimit} is NaN or not greater than 1
     */
    public DivergenceGuard {
        if (!(lossGrowthLimit > 1.0)) {
            throw new IllegalArgumentException("loss growth limit must be greater than 1 (or Infinity for none), got "
                    + lossGrowthLimit);
        }
    }

    /**
     * Returns the trainer's default: explosion past {@value #DEFAULT_LOSS_GROWTH_LIMIT} times the
     * initial loss and stalls both stop training.
     *
     * @return the default guard
     */
    public static DivergenceGuard standard() {
        return new DivergenceGuard(DEFAULT_LOSS_GROWTH_LIMIT, true);
    }

    /**
     * Returns a guard that only stops on NaN or infinite values, the trainer's behaviour before these
     * checks existed.
     *
     * @return the guard with both checks off
     */
    public static DivergenceGuard off() {
        return new DivergenceGuard(Double.POSITIVE_INFINITY, false);
    }

    /**
     * Returns this guard with another explosion bound.
     *
     * @param limit the bound on {@code J_e / J_0}, greater than 1, or positive infinity for none
     * @return a new guard
     * @throws IllegalArgumentException if {@code limit} is NaN or not greater than 1
     */
    public DivergenceGuard withLossGrowthLimit(double limit) {
        return new DivergenceGuard(limit, stopWhenStalled);
    }

    /**
     * Returns this guard with the stall check on or off.
     *
     * @param stop whether a stalled, blown-up run stops with an exception
     * @return a new guard
     */
    public DivergenceGuard withStopWhenStalled(boolean stop) {
        return new DivergenceGuard(lossGrowthLimit, stop);
    }
}
