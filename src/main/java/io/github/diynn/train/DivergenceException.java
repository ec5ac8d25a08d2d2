package io.github.diynn.train;

/**
 * Thrown when training produces a NaN or infinite parameter or loss, when the loss explodes past the
 * {@link DivergenceGuard}'s bound, or when a blown-up network stalls with a gradient of exactly 0.
 *
 * <p>The message names the epoch, the step, the learning rate and the last finite loss (or says
 * there was none yet), and suggests what to try. The accessors return the same facts for programs,
 * and {@link #kind()} tells which of the three checks stopped training.
 */
public final class DivergenceException extends ArithmeticException {

    /** Which check of the trainer stopped training: a closed set. */
    public enum Kind {
        /** A parameter or a loss became NaN or infinite (or the gradient source rejected the parameters). */
        NOT_FINITE,
        /** The training loss grew past {@link DivergenceGuard#lossGrowthLimit()} times the initial loss. */
        LOSS_EXPLODED,
        /**
         * The gradient was exactly 0 in every step of an epoch while the loss was not 0 and the
         * parameters had blown up: every unit is saturated, so no step can change the network again.
         */
        STALLED
    }

    /** The epoch in which training diverged. */
    private final int epoch;
    /** The step within that epoch. */
    private final int step;
    /** The learning rate in force. */
    private final double learningRate;
    /** The last finite loss, or NaN. */
    private final double lastFiniteLoss;
    /** Which check fired. */
    private final Kind kind;

    /**
     * Creates the exception for {@link Kind#NOT_FINITE}: {@code epoch} from 1 (0: before the first),
     * {@code step} from 1, the learning rate in force, the last finite loss (NaN if none) and what
     * became non-finite. Only the trainer throws it, so the constructors are not API.
     */
    DivergenceException(int epoch, int step, double learningRate, double lastFiniteLoss, String what) {
        this(Kind.NOT_FINITE, epoch, step, learningRate, lastFiniteLoss, what);
    }

    /** Creates the exception for a given check; {@link Kind#STALLED} gets its own verb and advice. */
    DivergenceException(Kind kind, int epoch, int step, double learningRate, double lastFiniteLoss, String what) {
        super("training " + (kind == Kind.STALLED ? "stalled" : "diverged") + " at epoch " + epoch + ", step "
                + step + ": " + what + " (learning rate " + learningRate + ", "
                + (Double.isNaN(lastFiniteLoss) ? "no finite loss yet" : "last finite loss " + lastFiniteLoss)
                + "). Try a lower learning rate (for example " + learningRate / 10
                + "), or scale the inputs and targets (min-max, z-score or by their column maxima) so"
                + " that they are of order 1" + (kind == Kind.STALLED
                        ? "; smaller starting weights (Initializer.XAVIER_NORMAL) saturate less." : "."));
        this.kind = kind;
        this.epoch = epoch;
        this.step = step;
        this.learningRate = learningRate;
        this.lastFiniteLoss = lastFiniteLoss;
    }

    /**
     * Returns which check stopped training.
     *
     * @return the check that fired
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the epoch in which training diverged.
     *
     * @return the epoch, from 1 (0 means the starting network)
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Returns the step within the epoch.
     *
     * @return the step, from 1
     */
    public int step() {
        return step;
    }

    /**
     * Returns the learning rate in force: the rate of {@link #epoch()}, or of epoch 1 when the
     * starting network already failed (epoch 0).
     *
     * @return the learning rate
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns the last finite loss seen before divergence.
     *
     * @return the loss, or NaN if there was none
     */
    public double lastFiniteLoss() {
        return lastFiniteLoss;
    }
}
