package io.github.diynn.train;

/**
 * Thrown when training produces a NaN or infinite parameter or loss.
 *
 * <p>The message names the epoch, the step, the learning rate and the last finite loss (or says
 * there was none yet), and suggests what to try. The accessors return the same facts for programs.
 */
public final class DivergenceException extends ArithmeticException {

    /** The epoch in which training diverged. */
    private final int epoch;
    /** The step within that epoch. */
    private final int step;
    /** The learning rate in force. */
    private final double learningRate;
    /** The last finite loss, or NaN. */
    private final double lastFiniteLoss;

    /**
     * Creates the exception.
     *
     * @param epoch the epoch in which training diverged, from 1 (0: before the first)
     * @param step the step within the epoch, from 1
     * @param learningRate the learning rate in force
     * @param lastFiniteLoss the last finite loss seen, or NaN if none
     * @param what what became non-finite
     */
    public DivergenceException(int epoch, int step, double learningRate, double lastFiniteLoss, String what) {
        super("training diverged at epoch " + epoch + ", step " + step + ": " + what
                + " (learning rate " + learningRate + ", "
                + (Double.isNaN(lastFiniteLoss) ? "no finite loss yet" : "last finite loss " + lastFiniteLoss)
                + "). Try a lower learning rate (for example " + learningRate / 10
                + "), or scale the inputs and targets (min-max, z-score or by their column maxima) so"
                + " that they are of order 1.");
        this.epoch = epoch;
        this.step = step;
        this.learningRate = learningRate;
        this.lastFiniteLoss = lastFiniteLoss;
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
