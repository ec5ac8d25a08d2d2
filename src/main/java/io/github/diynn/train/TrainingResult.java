package io.github.diynn.train;

import io.github.diynn.core.Network;
import java.util.Arrays;

/**
 * The immutable outcome of training: the trained network and the loss history.
 *
 * <p>{@link #losses()} holds the training loss after each epoch run, so entry {@code e - 1} is the
 * loss after epoch {@code e}; {@link #initialLoss()} is the loss before the first. When training had
 * validation data, {@link #validationLosses()} holds the validation loss after each epoch in the
 * same layout, and {@link #initialValidationLoss()} the one before. {@link #network()} holds the
 * parameters of epoch {@link #selectedEpoch()}: the last epoch run, or under early stopping the
 * epoch with the lowest validation loss (0 meaning the starting network). A result is immutable and
 * safe to share between threads.
 */
public final class TrainingResult {

    private final Network network;
    private final double initialLoss;
    private final double[] losses;
    private final double initialValidationLoss;
    private final double[] validationLosses;
    private final int selectedEpoch;
    private final boolean stoppedEarly;

    TrainingResult(Network network, double initialLoss, double[] losses) {
        this(network, initialLoss, losses, Double.NaN, new double[0], losses.length, false);
    }

    TrainingResult(Network network, double initialLoss, double[] losses, double initialValidationLoss,
            double[] validationLosses, int selectedEpoch, boolean stoppedEarly) {
        this.network = network;
        this.initialLoss = initialLoss;
        this.losses = losses.clone();
        this.initialValidationLoss = initialValidationLoss;
        this.validationLosses = validationLosses.clone();
        this.selectedEpoch = selectedEpoch;
        this.stoppedEarly = stoppedEarly;
    }

    /**
     * Returns the trained network.
     *
     * @return the network with the parameters of epoch {@link #selectedEpoch()}
     */
    public Network network() {
        return network;
    }

    /**
     * Returns the training loss of the starting network.
     *
     * @return the loss before training
     */
    public double initialLoss() {
        return initialLoss;
    }

    /**
     * Returns the training loss after each epoch run.
     *
     * @return a new array with one value per epoch
     */
    public double[] losses() {
        return losses.clone();
    }

    /**
     * Returns the training loss after the last epoch run.
     *
     * @return the final loss
     */
    public double finalLoss() {
        return losses.length == 0 ? initialLoss : losses[losses.length - 1];
    }

    /**
     * Tells whether training measured a validation loss.
     *
     * @return true if training had validation data
     */
    public boolean hasValidation() {
        return !Double.isNaN(initialValidationLoss);
    }

    /**
     * Returns the validation loss of the starting network.
     *
     * @return the loss before training, or NaN without validation data
     */
    public double initialValidationLoss() {
        return initialValidationLoss;
    }

    /**
     * Returns the validation loss after each epoch run.
     *
     * @return a new array with one value per epoch, or an empty array without validation data
     */
    public double[] validationLosses() {
        return validationLosses.clone();
    }

    /**
     * Returns the epoch whose parameters {@link #network()} holds.
     *
     * @return the last epoch run, or under early stopping the epoch of the lowest validation loss
     *     (the first such epoch on ties; 0 if no epoch improved on the starting network)
     */
    public int selectedEpoch() {
        return selectedEpoch;
    }

    /**
     * Tells whether early stopping ended training before the planned number of epochs.
     *
     * @return true if training stopped early
     */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * Returns the number of epochs run.
     *
     * @return the length of {@link #losses()}
     */
    public int epochs() {
        return losses.length;
    }

    /**
     * Exact equality of network, selected epoch and every loss.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is an equal result
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof TrainingResult other && network.equals(other.network)
                && Double.compare(initialLoss, other.initialLoss) == 0 && Arrays.equals(losses, other.losses)
                && Double.compare(initialValidationLoss, other.initialValidationLoss) == 0
                && Arrays.equals(validationLosses, other.validationLosses)
                && selectedEpoch == other.selectedEpoch && stoppedEarly == other.stoppedEarly;
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int hash = 31 * network.hashCode() + Double.hashCode(initialLoss);
        hash = 31 * hash + Arrays.hashCode(losses);
        hash = 31 * hash + Double.hashCode(initialValidationLoss);
        hash = 31 * hash + Arrays.hashCode(validationLosses);
        return 31 * (31 * hash + selectedEpoch) + Boolean.hashCode(stoppedEarly);
    }

    /**
     * Describes the result, for example {@code "TrainingResult[2000 epochs, loss 85.6 -> 0.56]"}, with
     * the validation loss and the selected epoch when training had validation data.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        String text = "TrainingResult[" + losses.length + " epochs, loss " + initialLoss + " -> " + finalLoss();
        if (hasValidation()) {
            double selected = selectedEpoch == 0 ? initialValidationLoss : validationLosses[selectedEpoch - 1];
            text += ", validation loss " + initialValidationLoss + " -> " + selected + " at epoch "
                    + selectedEpoch + (stoppedEarly ? ", stopped early" : "");
        }
        return text + "]";
    }
}
