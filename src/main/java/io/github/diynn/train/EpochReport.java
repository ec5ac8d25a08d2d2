package io.github.diynn.train;

import io.github.diynn.core.Network;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link TrainingListener} learns after each epoch: an immutable value.
 *
 * <p>The numbers are fields; the network of the epoch is given by {@link #network()}, which the
 * trainer supplies on demand so that an engine that keeps its parameters in a flat array need build
 * a {@link Network} only for a listener that asks (to measure accuracy, or to save a checkpoint).
 * Equality compares the numbers only.
 */
public final class EpochReport {

    private final int epoch;
    private final int epochs;
    private final double loss;
    private final double validationLoss;
    private final double learningRate;
    private final Duration elapsed;
    private final Supplier<Network> network;

    /**
     * Creates a report without a network, for tests of listeners and formatters:
     * {@link #network()} then throws.
     *
     * @param epoch the epoch just finished, from 1
     * @param epochs the number of epochs planned, at least {@code epoch}
     * @param loss the training loss, finite
     * @param validationLoss the validation loss, finite or NaN
     * @param learningRate the learning rate, finite and greater than 0
     * @param elapsed the time since training started, not negative
     * @throws IllegalArgumentException if a value is out of range (named)
     */
    public EpochReport(int epoch, int epochs, double loss, double validationLoss, double learningRate,
            Duration elapsed) {
        this(epoch, epochs, loss, validationLoss, learningRate, elapsed, null, false);
    }

    /**
     * Creates a report whose network is given on demand.
     *
     * @param epoch the epoch just finished, from 1
     * @param epochs the number of epochs planned, at least {@code epoch}
     * @param loss the training loss, finite
     * @param validationLoss the validation loss, finite or NaN
     * @param learningRate the learning rate, finite and greater than 0
     * @param elapsed the time since training started, not negative
     * @param network gives the network after this epoch; it must return the same network each call
     * @throws IllegalArgumentException if a value is out of range (named) or {@code network} is null
     */
    public EpochReport(int epoch, int epochs, double loss, double validationLoss, double learningRate,
            Duration elapsed, Supplier<Network> network) {
        this(epoch, epochs, loss, validationLoss, learningRate, elapsed, network, true);
    }

    private EpochReport(int epoch, int epochs, double loss, double validationLoss, double learningRate,
            Duration elapsed, Supplier<Network> network, boolean needsNetwork) {
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
        if (needsNetwork && network == null) {
            throw new IllegalArgumentException("network supplier is null");
        }
        this.epoch = epoch;
        this.epochs = epochs;
        this.loss = loss;
        this.validationLoss = validationLoss;
        this.learningRate = learningRate;
        this.elapsed = elapsed;
        this.network = network;
    }

    /** {@return the epoch just finished, from 1} */
    public int epoch() {
        return epoch;
    }

    /** {@return the number of epochs planned (training may stop earlier)} */
    public int epochs() {
        return epochs;
    }

    /** {@return the loss on the whole training set after this epoch} */
    public double loss() {
        return loss;
    }

    /**
     * Returns the loss on the validation set after this epoch.
     *
     * @return the validation loss, or NaN when training has no validation data (see
     *     {@link #hasValidation()})
     */
    public double validationLoss() {
        return validationLoss;
    }

    /** {@return the learning rate used in this epoch} */
    public double learningRate() {
        return learningRate;
    }

    /** {@return the wall-clock time since training started} */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * Returns the network with the parameters after this epoch, an immutable value a listener may
     * keep, evaluate or save.
     *
     * @return the network of this epoch (not the one early stopping may keep)
     * @throws IllegalStateException if the report was made without a network, by
     *     {@link #EpochReport(int, int, double, double, double, Duration)}
     */
    public Network network() {
        if (network == null) {
            throw new IllegalStateException("the report of epoch " + epoch + " was made without a network");
        }
        Network value = network.get();
        if (value == null) {
            throw new IllegalStateException("the network supplier of epoch " + epoch + " returned null");
        }
        return value;
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

    /**
     * Exact equality of the six numbers (epoch, epochs, both losses, learning rate, elapsed time);
     * the network is not compared.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is a report of the same numbers
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof EpochReport other && epoch == other.epoch && epochs == other.epochs
                && Double.compare(loss, other.loss) == 0 && Double.compare(validationLoss, other.validationLoss) == 0
                && Double.compare(learningRate, other.learningRate) == 0 && elapsed.equals(other.elapsed);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(epoch, epochs, loss, validationLoss, learningRate, elapsed);
    }

    /**
     * Describes the report, in the form a record would.
     *
     * @return for example {@code "EpochReport[epoch=3, epochs=10, loss=0.5, validationLoss=NaN,
     *     learningRate=0.1, elapsed=PT0.01S]"}
     */
    @Override
    public String toString() {
        return "EpochReport[epoch=" + epoch + ", epochs=" + epochs + ", loss=" + loss + ", validationLoss="
                + validationLoss + ", learningRate=" + learningRate + ", elapsed=" + elapsed + "]";
    }
}
