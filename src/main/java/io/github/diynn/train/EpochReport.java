package io.github.diynn.train;

import java.time.Duration;

/**
 * What a {@link TrainingListener} learns after each epoch: an immutable value.
 *
 * @param epoch the epoch just finished, from 1
 * @param epochs the number of epochs planned (training may stop earlier)
 * @param loss the loss on the whole training set after this epoch
 * @param validationLoss the loss on the validation set after this epoch, or NaN when training has
 *     no validation data (see {@link #hasValidation()})
 * @param learningRate the learning rate used in this epoch
 * @param elapsed the wall-clock time since training started
 */
public record EpochReport(int epoch, int epochs, double loss, double validationLoss, double learningRate,
        Duration elapsed) {

    /**
     * Checks the values.
     *
     * @param epoch the epoch just finished, from 1
     * @param epochs the number of epochs planned, at least {@code epoch}
     * @param loss the training loss, finite
     * @param validationLoss the validation loss, finite or NaN
     * @param learningRate the learning rate, finite and greater than 0
     * @param elapsed the time since training started, not negative
     * @throws IllegalArgumentException if a value is out of range (named)
     */
    public EpochReport {
        if (epoch < 1 || epoch > epochs) {
            throw new IllegalArgumentException("epoch " + epoch + " is outside [1, " + epochs + "]");
        }
        if (!Double.isFinite(loss)) {
            throw new IllegalArgumentException("loss " + loss + " is not finite");
        }
        if (Double.isInfinite(validationLoss)) {
            throw new IllegalArgumentException("validation loss " + validationLoss + " is not finite");
        }
        if (!(learningRate > 0.0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate " + learningRate + " is not a finite number > 0");
        }
        if (elapsed == null || elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed time " + elapsed + " is null or negative");
        }
    }

    /**
     * Tells whether a validation loss was measured.
     *
     * @return true unless {@link #validationLoss()} is NaN
     */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }

    /**
     * Returns the fraction of the planned epochs done.
     *
     * @return {@code epoch / epochs}, in {@code (0, 1]}
     */
    public double progress() {
        return epoch / (double) epochs;
    }

    /**
     * Estimates the time left, assuming every remaining epoch takes the mean time so far.
     *
     * @return {@code elapsed * (epochs - epoch) / epoch}
     */
    public Duration remaining() {
        return Duration.ofNanos(Math.round(elapsed.toNanos() * ((epochs - epoch) / (double) epoch)));
    }
}
