package io.github.diynn.train;

import io.github.diynn.core.Network;
import java.util.Arrays;

/**
 * The immutable outcome of training: the trained network and the loss history.
 *
 * <p>{@link #losses()} holds the loss after each epoch, so entry {@code e - 1} is the loss after
 * epoch {@code e}; {@link #initialLoss()} is the loss before the first.
 */
public final class TrainingResult {

    private final Network network;
    private final double initialLoss;
    private final double[] losses;

    TrainingResult(Network network, double initialLoss, double[] losses) {
        this.network = network;
        this.initialLoss = initialLoss;
        this.losses = losses.clone();
    }

    /**
     * Returns the trained network.
     *
     * @return the network after the last epoch
     */
    public Network network() {
        return network;
    }

    /**
     * Returns the loss of the starting network.
     *
     * @return the loss before training
     */
    public double initialLoss() {
        return initialLoss;
    }

    /**
     * Returns the loss after each epoch.
     *
     * @return a new array with one value per epoch
     */
    public double[] losses() {
        return losses.clone();
    }

    /**
     * Returns the loss after the last epoch.
     *
     * @return the final loss
     */
    public double finalLoss() {
        return losses.length == 0 ? initialLoss : losses[losses.length - 1];
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
     * Exact equality of network and losses.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is an equal result
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof TrainingResult other && network.equals(other.network)
                && Double.compare(initialLoss, other.initialLoss) == 0 && Arrays.equals(losses, other.losses);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * (31 * network.hashCode() + Double.hashCode(initialLoss)) + Arrays.hashCode(losses);
    }

    /**
     * Describes the result, for example {@code "TrainingResult[2000 epochs, loss 85.6 -> 0.56]"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "TrainingResult[" + losses.length + " epochs, loss " + initialLoss + " -> " + finalLoss() + "]";
    }
}
