package io.github.diynn.core;

/**
 * The closed set of losses, each with its gradient with respect to the predictions beside it.
 *
 * <p>Every loss takes predictions and targets of the same shape, rows being samples. Each states
 * what it sums and what it averages, and the names say it: {@link #SUM_SQUARED_ERROR} is the
 * tutorial's {@code J = 1/2 * sum (y - yhat)^2} over every sample and output, not averaged;
 * {@link #MEAN_SQUARED_ERROR} divides the plain sum of squares by the count of entries (samples
 * times outputs); {@link #CROSS_ENTROPY} sums over the classes of a sample and averages over the
 * samples.
 */
public enum Loss {

    /**
     * The tutorial's sum-squared error.
     *
     * <pre>  J = 1/2 * sum over i, j of (y[i][j] - yhat[i][j])^2
     *  dJ/dyhat[i][j] = yhat[i][j] - y[i][j]</pre>
     */
    SUM_SQUARED_ERROR {
        @Override
        double value(double[] p, double[] y, int rows, int columns) {
            return 0.5 * sumOfSquares(p, y);
        }

        @Override
        void gradient(double[] p, double[] y, int rows, int columns, double[] out) {
            for (int k = 0; k < p.length; k++) {
                out[k] = p[k] - y[k];
            }
        }
    },

    /**
     * The mean squared error over all {@code n} entries (samples times outputs).
     *
     * <pre>  J = 1/n * sum over i, j of (y[i][j] - yhat[i][j])^2
     *  dJ/dyhat[i][j] = 2/n * (yhat[i][j] - y[i][j])</pre>
     */
    MEAN_SQUARED_ERROR {
        @Override
        double value(double[] p, double[] y, int rows, int columns) {
            return (p.length == 0 ? 0.0 : 1.0 / p.length) * sumOfSquares(p, y);
        }

        @Override
        void gradient(double[] p, double[] y, int rows, int columns, double[] out) {
            double factor = p.length == 0 ? 0.0 : 2.0 / p.length;
            for (int k = 0; k < p.length; k++) {
                out[k] = factor * (p[k] - y[k]);
            }
        }
    },

    /**
     * The categorical cross-entropy, summed over the classes of each sample and averaged over the
     * {@code N} samples (rows). Targets are probabilities in {@code [0, 1]}: one-hot rows, or any
     * distribution. The logarithm is taken of {@code max(yhat, }{@link #PROBABILITY_FLOOR}{@code )},
     * so the loss stays finite when a prediction is 0 (at most about 690.8 per sample).
     *
     * <pre>  J = -1/N * sum over i, j of y[i][j] * ln max(yhat[i][j], floor)
     *  dJ/dyhat[i][j] = -y[i][j] / (N * yhat[i][j])   where yhat[i][j] &gt;= floor, else 0</pre>
     *
     * <p>Meant for a {@link Activation#SOFTMAX} output, where the gradient with respect to the
     * pre-activations simplifies to {@code (yhat - y) / N} for one-hot or probability targets.
     */
    CROSS_ENTROPY {
        @Override
        double value(double[] p, double[] y, int rows, int columns) {
            double total = 0.0;
            for (int k = 0; k < p.length; k++) {
                double target = target(y, k, columns);
                if (target != 0.0) {
                    total -= target * StrictMath.log(Math.max(p[k], PROBABILITY_FLOOR));
                }
            }
            return rows == 0 ? 0.0 : total / rows;
        }

        @Override
        void gradient(double[] p, double[] y, int rows, int columns, double[] out) {
            double factor = rows == 0 ? 0.0 : 1.0 / rows;
            for (int k = 0; k < p.length; k++) {
                double target = target(y, k, columns);
                out[k] = p[k] >= PROBABILITY_FLOOR ? -factor * (target / p[k]) : 0.0;
            }
        }
    };

    /**
     * The smallest probability {@link #CROSS_ENTROPY} takes the logarithm of, {@code 1e-300}:
     * a prediction below it counts as this value, and the loss is flat there.
     */
    public static final double PROBABILITY_FLOOR = 1e-300;

    /** The loss of row-major predictions {@code p} against targets {@code y}, both {@code rows x columns}. */
    abstract double value(double[] p, double[] y, int rows, int columns);

    /** Writes {@code dJ/dp} into {@code out}; all arrays are row-major {@code rows x columns}. */
    abstract void gradient(double[] p, double[] y, int rows, int columns, double[] out);

    /**
     * Writes {@code dJ/dz} of {@link #CROSS_ENTROPY} into {@code out}, where {@code a = softmax(z)},
     * in one step. Exact for the clamped loss: with {@code T} the sum of a row's targets over the
     * entries at or above the floor, {@code dJ/dz = (a T - y) / N} there and {@code a T / N} below
     * it; for targets summing to 1 and no clamped entry, {@code (a - y) / N}.
     */
    static void crossEntropyThroughSoftmax(double[] a, double[] y, int rows, int columns, double[] out) {
        double factor = rows == 0 ? 0.0 : 1.0 / rows;
        for (int i = 0; i < rows; i++) {
            int start = i * columns;
            int end = start + columns;
            double kept = 0.0;
            for (int k = start; k < end; k++) {
                double target = target(y, k, columns);
                if (a[k] >= PROBABILITY_FLOOR) {
                    kept += target;
                }
            }
            for (int k = start; k < end; k++) {
                double target = a[k] >= PROBABILITY_FLOOR ? y[k] : 0.0;
                out[k] = factor * (a[k] * kept - target);
            }
        }
    }

    /**
     * Returns the loss of predictions against targets.
     *
     * @param predictions the network's outputs, one row per sample
     * @param targets the wanted outputs, same shape
     * @return the loss {@code J}, finite
     * @throws IllegalArgumentException if either is null, the shapes differ (both named), a value is
     *     NaN or infinite, or a {@link #CROSS_ENTROPY} target is outside {@code [0, 1]} (its row and
     *     column named)
     * @throws ArithmeticException if the loss overflows (errors near {@code 1e154} or beyond): it is
     *     reported, naming the entry, never returned as infinity
     */
    public double value(Matrix predictions, Matrix targets) {
        requireSameShape(predictions, targets);
        requireFinite(predictions, "predictions");
        requireFinite(targets, "targets");
        double value = value(predictions.raw(), targets.raw(), predictions.rows(), predictions.columns());
        if (!Double.isFinite(value)) {
            throw overflow(predictions.raw(), targets.raw(), predictions.columns(), predictions.shape());
        }
        return value;
    }

    private void requireFinite(Matrix matrix, String what) {
        double[] values = matrix.raw();
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException(name() + ": " + what + " at row " + k / matrix.columns()
                        + ", column " + k % matrix.columns() + " is " + values[k]);
            }
        }
    }

    private ArithmeticException overflow(double[] p, double[] y, int columns, String shape) {
        String advice = "; scale the targets (and so the outputs) to order 1";
        for (int k = 0; k < p.length; k++) {
            double r = y[k] - p[k];
            if (!Double.isFinite(r * r)) {
                return new ArithmeticException(name() + " overflowed: the squared error at row " + k / columns
                        + ", column " + k % columns + " is " + r * r + " (prediction " + p[k] + ", target "
                        + y[k] + ")" + advice);
            }
        }
        return new ArithmeticException(name() + " overflowed: the sum over the " + shape
                + " predictions exceeds the largest double" + advice);
    }

    /**
     * Returns the gradient of the loss with respect to each prediction, {@code dJ/dyhat}.
     *
     * @param predictions the network's outputs, one row per sample
     * @param targets the wanted outputs, same shape
     * @return a new matrix of the predictions' shape
     * @throws IllegalArgumentException if either is null, the shapes differ (both named), or a
     *     {@link #CROSS_ENTROPY} target is outside {@code [0, 1]} (its row and column named)
     * @throws ArithmeticException if an entry of the gradient overflows (for example a squared-error
     *     residual beyond {@code Double.MAX_VALUE}): it is reported, naming the row, column,
     *     prediction and target, instead of being returned as infinity
     */
    public Matrix gradient(Matrix predictions, Matrix targets) {
        requireSameShape(predictions, targets);
        double[] out = new double[predictions.raw().length];
        int columns = predictions.columns();
        gradient(predictions.raw(), targets.raw(), predictions.rows(), columns, out);
        for (int k = 0; k < out.length; k++) {
            if (!Double.isFinite(out[k])) {
                throw new ArithmeticException(name() + " gradient overflows at row " + k / columns
                        + ", column " + k % columns + ": prediction " + predictions.raw()[k] + ", target "
                        + targets.raw()[k]);
            }
        }
        return Matrix.wrap(predictions.rows(), columns, out);
    }

    private void requireSameShape(Matrix predictions, Matrix targets) {
        if (predictions == null || targets == null) {
            throw new IllegalArgumentException(name() + " needs predictions and targets, got "
                    + (predictions == null ? "null" : predictions.shape()) + " and "
                    + (targets == null ? "null" : targets.shape()));
        }
        if (predictions.rows() != targets.rows() || predictions.columns() != targets.columns()) {
            throw new IllegalArgumentException(name() + ": predictions are " + predictions.shape()
                    + " but targets are " + targets.shape());
        }
    }

    private static double sumOfSquares(double[] p, double[] y) {
        double total = 0.0;
        for (int k = 0; k < p.length; k++) {
            double r = y[k] - p[k];
            total += r * r;
        }
        return total;
    }

    private static double target(double[] y, int k, int columns) {
        double target = y[k];
        if (!(target >= 0.0 && target <= 1.0)) {
            throw new IllegalArgumentException("CROSS_ENTROPY needs targets in [0, 1], got " + target
                    + " at row " + k / columns + ", column " + k % columns);
        }
        return target;
    }
}
