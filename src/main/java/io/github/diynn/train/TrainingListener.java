package io.github.diynn.train;

import java.util.function.Predicate;

/**
 * Receives a report after every epoch of a {@link Trainer#train} call, on the calling thread, and
 * may ask training to stop.
 *
 * <p>A plain listener ({@code report -> { ... }}) only observes: the loss history is also returned
 * in the {@link TrainingResult}. A listener that wants to end training overrides
 * {@link #afterEpoch(EpochReport)} and returns {@link Decision#stop(String)}, or is made by
 * {@link #stopWhen(Predicate, String)}; training then ends after that epoch and
 * {@link TrainingResult#stopReason()} is a {@link StopReason.ListenerRequest} with the reason.
 * A trainer may have several listeners: each is called after every epoch, in the order added, and
 * training stops if any of them asks.
 *
 * <p>If one trainer runs on several threads at once, its listeners are called from all of them, so
 * they must be thread-safe or the trainer used by one thread only. An exception thrown by a
 * listener ends training and reaches the caller.
 *
 * @see ProgressReporter
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that does nothing; the trainer's default. */
    TrainingListener NONE = report -> { };

    /**
     * What a listener wants after an epoch: go on, or stop with a reason. An immutable value.
     *
     * @param stop whether training should stop after this epoch
     * @param reason why, not blank when {@code stop}; empty otherwise
     */
    record Decision(boolean stop, String reason) {

        /** Go on training. */
        public static final Decision CONTINUE = new Decision(false, "");

        /**
         * Checks that a stop has a reason and a continue has none.
         *
         * @param stop whether training should stop after this epoch
         * @param reason why, not blank when {@code stop}; empty otherwise
         * @throws IllegalArgumentException if the reason is null, blank for a stop, or not empty for a
         *     continue
         */
        public Decision {
            if (reason == null || (stop && reason.isBlank()) || (!stop && !reason.isEmpty())) {
                throw new IllegalArgumentException((stop ? "a stop needs a reason" : "a continue has no reason")
                        + ", got " + (reason == null ? "null" : "\"" + reason + "\""));
            }
        }

        /**
         * Asks training to stop after this epoch.
         *
         * @param reason why, for {@link TrainingResult#stopReason()}; not blank
         * @return the decision
         * @throws IllegalArgumentException if {@code reason} is null or blank
         */
        public static Decision stop(String reason) {
            return new Decision(true, reason);
        }
    }

    /**
     * Called after each epoch, once its losses are known, by {@link #afterEpoch(EpochReport)}.
     *
     * @param report the epoch's facts
     */
    void epochFinished(EpochReport report);

    /**
     * Called by the trainer after each epoch; calls {@link #epochFinished(EpochReport)} and returns
     * {@link Decision#CONTINUE} unless overridden.
     *
     * @param report the epoch's facts
     * @return whether to go on
     */
    default Decision afterEpoch(EpochReport report) {
        epochFinished(report);
        return Decision.CONTINUE;
    }

    /**
     * Called once when training ends without an exception (not when it throws), with the result
     * returned. Does nothing unless overridden.
     *
     * @param result the training result
     */
    default void trainingFinished(TrainingResult result) {
    }

    /**
     * Returns a listener that stops training after the first epoch whose report satisfies a
     * condition, for example {@code stopWhen(r -> r.loss() < 1e-3, "loss below 1e-3")}.
     *
     * @param condition tested after every epoch; {@link EpochReport#network()} gives the epoch's network
     * @param reason the reason given in {@link TrainingResult#stopReason()}, not blank
     * @return the listener
     * @throws IllegalArgumentException if {@code condition} is null or {@code reason} is null or blank
     */
    static TrainingListener stopWhen(Predicate<EpochReport> condition, String reason) {
        if (condition == null) {
            throw new IllegalArgumentException("stop condition is null");
        }
        Decision stop = Decision.stop(reason);
        return new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
                afterEpoch(report);
            }

            @Override
            public Decision afterEpoch(EpochReport report) {
                return condition.test(report) ? stop : Decision.CONTINUE;
            }

            @Override
            public String toString() {
                return "TrainingListener.stopWhen(" + reason + ")";
            }
        };
    }
}
