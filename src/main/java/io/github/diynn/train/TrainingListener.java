package io.github.diynn.train;

/**
 * Receives a report after every epoch of a {@link Trainer#train} call, on the calling thread.
 *
 * <p>A listener only observes: the loss history is also returned in the {@link TrainingResult}.
 * If one trainer runs on several threads at once, its listener is called from all of them, so it
 * must be thread-safe or the trainer used by one thread only. An exception thrown by a listener
 * ends training and reaches the caller.
 *
 * @see ProgressReporter
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that does nothing; the trainer's default. */
    TrainingListener NONE = report -> { };

    /**
     * Called after each epoch, once its losses are known.
     *
     * @param report the epoch's facts
     */
    void epochFinished(EpochReport report);

    /**
     * Called once when training ends normally (not when it throws), with the result returned.
     * Does nothing unless overridden.
     *
     * @param result the training result
     */
    default void trainingFinished(TrainingResult result) {
    }
}
