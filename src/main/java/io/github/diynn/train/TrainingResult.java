package io.github.diynn.train;

import io.github.diynn.core.Network;
import java.util.Arrays;
import java.util.Objects;

/**
 * The immutable outcome of training: the trained network and the loss history.
 *
 * <p>{@link #losses()} holds the training loss after each epoch run, so entry {@code e - 1} is the
 * loss after epoch {@code e}; {@link #initialLoss()} is the loss before the first. When training had
 * validation data, {@link #validationLosses()} holds the validation loss after each epoch in the
 * same layout, and {@link #initialValidationLoss()} the one before. {@link #network()} holds the
 * parameters of epoch {@link #selectedEpoch()}: the last epoch run, or under early stopping the
 * epoch with the best monitored validation quantity (0 meaning the starting network): the
 * <em>kept</em> epoch, whose losses {@link #keptLoss()} and {@link #keptValidationLoss()} give.
 * {@link #finalLoss()} is the last epoch's, which under early stopping is not the returned
 * network's. {@link #stopReason()} says why training ended. {@link #learningRates()} and
 * {@link #elapsedNanos()} give each epoch's learning rate and when it ended; {@code io.HistoryCsv}
 * writes the whole history as CSV. A result is immutable and safe to share between threads.
 *
 * <pre>{@code
 * TrainingResult result = Trainer.builder().learningRate(0.5).epochs(20).build().train(network, data);
 * Network trained = result.network();      // the parameters of epoch selectedEpoch(), here 20
 * double before = result.initialLoss();
 * double after = result.finalLoss();       // losses()[epochs() - 1]
 * StopReason why = result.stopReason();    // "completed every planned epoch"
 * }</pre>
 */
public final class TrainingResult {

    private final Network network;
    private final double initialLoss;
    private final double[] losses;
    private final double initialValidationLoss;
    private final double[] validationLosses;
    private final int selectedEpoch;
    private final boolean stoppedEarly;
    private final StopReason stopReason;
    /**
     * The schedule that gave each epoch's rate (a pure function of the epoch, so the rates cost no
     * memory per epoch), or null where not recorded.
     */
    private final LearningRateSchedule schedule;
    /** Nanoseconds from the start of the run to the end of each epoch; -1 where not recorded. */
    private final long[] elapsedNanos;

    TrainingResult(Network network, double initialLoss, double[] losses) {
        this(network, initialLoss, losses, Double.NaN, new double[0], losses.length, false);
    }

    TrainingResult(Network network, double initialLoss, double[] losses, double initialValidationLoss,
            double[] validationLosses, int selectedEpoch, boolean stoppedEarly) {
        this(network, initialLoss, losses, initialValidationLoss, validationLosses, selectedEpoch, stoppedEarly,
                new StopReason.Completed());
    }

    TrainingResult(Network network, double initialLoss, double[] losses, double initialValidationLoss,
            double[] validationLosses, int selectedEpoch, boolean stoppedEarly, StopReason stopReason) {
        this(network, initialLoss, losses.clone(), initialValidationLoss, validationLosses.clone(), selectedEpoch,
                stoppedEarly, stopReason, null, unrecordedTimes(losses.length));
    }

    /**
     * The full form: the schedule the trainer used and one elapsed time per epoch. Takes ownership
     * of the three arrays: the run hands over its own, so the history costs 8 bytes an epoch for the
     * losses (and the validation losses) and 8 for the times, with no copy.
     */
    TrainingResult(Network network, double initialLoss, double[] losses, double initialValidationLoss,
            double[] validationLosses, int selectedEpoch, boolean stoppedEarly, StopReason stopReason,
            LearningRateSchedule schedule, long[] elapsedNanos) {
        if (elapsedNanos.length != losses.length) {
            throw new IllegalArgumentException(losses.length + " epochs need as many times, got "
                    + elapsedNanos.length);
        }
        this.schedule = schedule;
        this.elapsedNanos = elapsedNanos;
        this.network = network;
        this.initialLoss = initialLoss;
        this.losses = losses;
        this.initialValidationLoss = initialValidationLoss;
        this.validationLosses = validationLosses;
        this.selectedEpoch = selectedEpoch;
        this.stoppedEarly = stoppedEarly;
        this.stopReason = stopReason;
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
     * Returns the training loss after the <em>last epoch run</em>. Under early stopping that is not
     * the loss of {@link #network()}, which holds an earlier epoch: see {@link #keptLoss()}.
     *
     * @return the last epoch's loss, or the initial loss if no epoch ran
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
     * Returns the epoch whose parameters {@link #network()} holds; the same as {@link #selectedEpoch()}.
     *
     * @return the kept epoch, 0 for the starting network
     */
    public int keptEpoch() {
        return selectedEpoch;
    }

    /**
     * Returns the training loss of the returned network: the loss after the kept epoch.
     *
     * @return {@code losses()[keptEpoch() - 1]}, or {@link #initialLoss()} when the kept epoch is 0
     */
    public double keptLoss() {
        return selectedEpoch == 0 ? initialLoss : losses[selectedEpoch - 1];
    }

    /**
     * Returns the validation loss of the returned network: the validation loss after the kept epoch.
     *
     * @return {@code validationLosses()[keptEpoch() - 1]}, {@link #initialValidationLoss()} when the
     *     kept epoch is 0, or NaN without validation data
     */
    public double keptValidationLoss() {
        if (!hasValidation()) {
            return Double.NaN;
        }
        return selectedEpoch == 0 ? initialValidationLoss : validationLosses[selectedEpoch - 1];
    }

    /**
     * Returns why training ended.
     *
     * @return {@link StopReason.Completed}, {@link StopReason.NoImprovement} (early stopping) or
     *     {@link StopReason.ListenerRequest} (a listener asked, with its reason)
     */
    public StopReason stopReason() {
        return stopReason;
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
     * Returns the learning rate each epoch's steps used, as the schedule gave it.
     *
     * @return a new array with one value per epoch run ({@code [e - 1]} for epoch {@code e}); NaN
     *     for an epoch whose rate was not recorded (a result not made by a trainer)
     */
    public double[] learningRates() {
        double[] rates = new double[losses.length];
        for (int e = 1; e <= rates.length; e++) {
            rates[e - 1] = schedule == null ? Double.NaN : schedule.rate(e);
        }
        return rates;
    }

    /**
     * Returns when each epoch ended, in nanoseconds since the run started: from the start of
     * {@code train} (before the initial loss) until the epoch's steps, its training loss and its
     * validation loss were done. Cumulative, so epoch {@code e} alone took
     * {@code elapsedNanos()[e - 1] - elapsedNanos()[e - 2]}. The clock is {@link System#nanoTime()},
     * so the times differ from run to run while everything else stays bit for bit the same.
     *
     * @return a new array with one value per epoch run; -1 for an epoch whose time was not recorded
     */
    public long[] elapsedNanos() {
        return elapsedNanos.clone();
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
     * Exact equality of network, selected epoch, every loss, every learning rate and the stop reason.
     * The {@link #elapsedNanos() times} are not compared: they are measurements of the clock, not
     * results of the training, and differ between two runs that are otherwise bit for bit the same.
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
                && selectedEpoch == other.selectedEpoch && stoppedEarly == other.stoppedEarly
                && stopReason.equals(other.stopReason) && Objects.equals(schedule, other.schedule);
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
        hash = 31 * (31 * hash + selectedEpoch) + Boolean.hashCode(stoppedEarly);
        hash = 31 * hash + stopReason.hashCode();
        return 31 * hash + Objects.hashCode(schedule);
    }

    private static long[] unrecordedTimes(int epochs) {
        long[] times = new long[epochs];
        Arrays.fill(times, -1);
        return times;
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
            text += ", validation loss " + initialValidationLoss + " -> " + keptValidationLoss() + " at epoch "
                    + selectedEpoch + (stoppedEarly ? ", stopped early" : "");
        }
        if (stopReason instanceof StopReason.ListenerRequest request) {
            text += ", " + request;
        }
        return text + "]";
    }
}
