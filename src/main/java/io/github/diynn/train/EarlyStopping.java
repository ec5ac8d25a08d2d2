package io.github.diynn.train;

import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.metrics.ClassificationMetrics;
import io.github.diynn.metrics.RegressionMetrics;

/**
 * When to stop training for lack of progress on validation data: an immutable rule set by
 * {@link Trainer.Builder#earlyStopping(EarlyStopping)}.
 *
 * <p>After every epoch the {@link #monitor()}ed quantity {@code q_e} is measured on the validation
 * data and compared with the best so far, {@code best} (at first the starting network's, epoch 0).
 * An epoch improves when
 *
 * <pre>  q_e &lt; best - minDelta   for a quantity where lower is better (the validation loss)
 *  q_e &gt; best + minDelta   for one where higher is better (accuracy, R^2)</pre>
 *
 * <p>and then becomes the best, the epoch kept. Training stops once {@link #patience()} epochs in a
 * row bring no improvement, and returns the network of the best epoch. With {@code minDelta = 0} an
 * improvement must be strict, so ties keep the earlier epoch: {@code earlyStopping(patience)} is
 * {@code of(Monitor.VALIDATION_LOSS, patience)}, bit for bit the behaviour before monitors existed.
 *
 * @param monitor the quantity watched
 * @param patience the number of epochs without improvement tolerated, at least 1
 * @param minDelta the least change that counts as an improvement, finite and at least 0 (Keras'
 *     {@code min_delta})
 */
public record EarlyStopping(Monitor monitor, int patience, double minDelta) {

    /** A quantity measured on the validation data after every epoch: a closed set. */
    public enum Monitor {
        /** The training loss on the validation data; lower is better. */
        VALIDATION_LOSS(false),
        /**
         * {@link ClassificationMetrics#accuracy} of the network's outputs on the validation data
         * (argmax of a row, or a single column thresholded at 0.5); higher is better.
         */
        VALIDATION_ACCURACY(true),
        /** {@link RegressionMetrics#rSquared} of the outputs on the validation data; higher is better. */
        VALIDATION_R_SQUARED(true);

        private final boolean higherIsBetter;

        Monitor(boolean higherIsBetter) {
            this.higherIsBetter = higherIsBetter;
        }

        /**
         * Tells which way is better.
         *
         * @return true if a larger value is an improvement
         */
        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        /** Measures the quantity; the validation loss is already known and passed in. */
        double measure(Network network, Matrix inputs, Matrix targets, double validationLoss) {
            if (this == VALIDATION_LOSS) {
                return validationLoss;
            }
            Matrix outputs = network.predict(inputs);
            return this == VALIDATION_ACCURACY ? ClassificationMetrics.accuracy(outputs, targets)
                    : RegressionMetrics.rSquared(outputs, targets);
        }
    }

    /**
     * Checks the rule.
     *
     * @param monitor the quantity watched
     * @param patience the number of epochs without improvement tolerated, at least 1
     * @param minDelta the least change that counts as an improvement, finite and at least 0
     * @throws IllegalArgumentException if {@code monitor} is null, {@code patience} is less than 1 or
     *     {@code minDelta} is negative, NaN or infinite
     */
    public EarlyStopping {
        if (monitor == null) {
            throw new IllegalArgumentException("early-stopping monitor is null");
        }
        if (patience < 1) {
            throw new IllegalArgumentException("early-stopping patience must be at least 1, got " + patience);
        }
        if (!(minDelta >= 0.0) || !Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("early-stopping minDelta must be a finite number >= 0, got " + minDelta);
        }
    }

    /**
     * Watches a quantity with no minimum improvement.
     *
     * @param monitor the quantity watched
     * @param patience the number of epochs without improvement tolerated, at least 1
     * @return the rule
     * @throws IllegalArgumentException if {@code monitor} is null or {@code patience} is less than 1
     */
    public static EarlyStopping of(Monitor monitor, int patience) {
        return new EarlyStopping(monitor, patience, 0.0);
    }

    /**
     * Returns this rule with a minimum improvement.
     *
     * @param delta the least change that counts as an improvement, finite and at least 0
     * @return a new rule
     * @throws IllegalArgumentException if {@code delta} is negative, NaN or infinite
     */
    public EarlyStopping withMinDelta(double delta) {
        return new EarlyStopping(monitor, patience, delta);
    }

    /**
     * Tells whether a value improves on the best so far.
     *
     * @param value the quantity after this epoch
     * @param best the best value so far
     * @return {@code value < best - minDelta}, or {@code value > best + minDelta} when higher is better
     */
    public boolean improves(double value, double best) {
        return monitor.higherIsBetter() ? value > best + minDelta : value < best - minDelta;
    }
}
