package io.github.diynn.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Several listeners as one, called in the order they were added: every listener hears every epoch,
 * and training stops if any asks; the reasons of all that asked are joined with "; ".
 */
final class Listeners implements TrainingListener {

    private final List<TrainingListener> listeners;

    private Listeners(List<TrainingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Returns {@link #NONE} for no listener, the listener itself for one, and a composite otherwise. */
    static TrainingListener of(List<TrainingListener> listeners) {
        return listeners.isEmpty() ? NONE : listeners.size() == 1 ? listeners.get(0) : new Listeners(listeners);
    }

    @Override
    public void epochFinished(EpochReport report) {
        afterEpoch(report);
    }

    @Override
    public Decision afterEpoch(EpochReport report) {
        List<String> reasons = new ArrayList<>();
        for (TrainingListener listener : listeners) {
            Decision decision = decide(listener, report);
            if (decision.stop()) {
                reasons.add(decision.reason());
            }
        }
        return reasons.isEmpty() ? Decision.CONTINUE : Decision.stop(String.join("; ", reasons));
    }

    /** Asks one listener, refusing a null answer with a message naming the listener. */
    static Decision decide(TrainingListener listener, EpochReport report) {
        Decision decision = listener.afterEpoch(report);
        if (decision == null) {
            throw new IllegalStateException(listener + " returned a null decision after epoch " + report.epoch()
                    + "; return TrainingListener.Decision.CONTINUE to go on");
        }
        return decision;
    }

    @Override
    public void trainingFinished(TrainingResult result) {
        for (TrainingListener listener : listeners) {
            listener.trainingFinished(result);
        }
    }

    @Override
    public String toString() {
        return listeners.toString();
    }
}
