package io.github.diynn.train;

/**
 * Why training ended without an exception, as given by {@link TrainingResult#stopReason()}: a closed
 * set.
 */
public sealed interface StopReason permits StopReason.Completed, StopReason.NoImprovement, StopReason.ListenerRequest {

    /** Every planned epoch ran. */
    record Completed() implements StopReason {

        /**
         * Describes the reason.
         *
         * @return {@code "completed every planned epoch"}
         */
        @Override
        public String toString() {
            return "completed every planned epoch";
        }
    }

    /**
     * Early stopping ended training: {@code rule.patience()} epochs in a row brought no improvement.
     *
     * @param rule the early-stopping rule that fired
     */
    record NoImprovement(EarlyStopping rule) implements StopReason {

        /**
         * Checks the rule.
         *
         * @param rule the early-stopping rule that fired
         * @throws IllegalArgumentException if {@code rule} is null
         */
        public NoImprovement {
            if (rule == null) {
                throw new IllegalArgumentException("early-stopping rule is null");
            }
        }

        /**
         * Describes the reason.
         *
         * @return for example {@code "early stopping: no VALIDATION_LOSS improvement in 20 epochs"}
         */
        @Override
        public String toString() {
            return "early stopping: no " + rule.monitor() + " improvement"
                    + (rule.minDelta() > 0.0 ? " of more than " + rule.minDelta() : "") + " in " + rule.patience()
                    + " epochs";
        }
    }

    /**
     * A {@link TrainingListener} asked training to stop.
     *
     * @param reason the listener's reason, not blank
     */
    record ListenerRequest(String reason) implements StopReason {

        /**
         * Checks the reason.
         *
         * @param reason the listener's reason, not blank
         * @throws IllegalArgumentException if {@code reason} is null or blank
         */
        public ListenerRequest {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a stop request needs a reason, got "
                        + (reason == null ? "null" : "\"" + reason + "\""));
            }
        }

        /**
         * Describes the reason.
         *
         * @return {@code "stopped by a listener: " + reason}
         */
        @Override
        public String toString() {
            return "stopped by a listener: " + reason;
        }
    }
}
