package io.github.diynn.metrics;

import io.github.diynn.core.Matrix;

/** Argument checks shared by the metrics. */
final class Shapes {

    private Shapes() {
    }

    static void requireSameShape(String metric, Matrix predictions, Matrix targets) {
        if (predictions == null || targets == null) {
            throw new IllegalArgumentException(metric + " needs predictions and targets, got "
                    + (predictions == null ? "null" : predictions.shape()) + " and "
                    + (targets == null ? "null" : targets.shape()));
        }
        if (predictions.rows() != targets.rows() || predictions.columns() != targets.columns()) {
            throw new IllegalArgumentException(metric + ": predictions are " + predictions.shape()
                    + " but targets are " + targets.shape());
        }
        if (predictions.rows() == 0 || predictions.columns() == 0) {
            throw new IllegalArgumentException(metric + " needs at least one value, got "
                    + predictions.shape());
        }
    }
}
