package io.github.diynn.core;

/**
 * The closed set of losses, each with its gradient with respect to the predictions beside it.
 *
 * <p>Every loss takes predictions and targets of the same shape, rows being samples. Each states
 * what it sums and what it averages, and the names say it: {@link #SUM_SQUARED_ERROR} is the
 * tutorial's {@code J = 1/2 * sum (y - yhat)^2} over every sample and output, not averaged;
 * {@link #MEAN_SQUARED_ERROR} and {@link #MEAN_ABSOLUTE_ERROR} divide by the count of entries
 * (samples times outputs); {@link #CROSS_ENTROPY} sums over the classes of a sample and averages over
 * the samples; {@link #BINARY_CROSS_ENTROPY} averages over every entry. These are the conventions of
 * Keras' {@code mse}, {@code mae}, {@code categorical_crossentropy} and {@code binary_crossentropy}.
 *
 * <p>Two losses belong with one output activation: {@link #CROSS_ENTROPY} with
 * {@link Activation#SOFTMAX} and {@link #BINARY_CROSS_ENTROPY} with {@link Activation#SIGMOID}.
 * {@link #requireCompatible(Network, Matrix)} checks the pair (the trainer calls it before the first
 * step), and backpropagation takes the fused step {@code dJ/dz = (a - y) / N} through each pair.
 *
 * <pre>{@code
 * Matrix predictions = Matrix.columnVector(0.0, 2.0, 1.0);
 * Matrix targets = Matrix.columnVector(1.0, 1.0, 1.0);
 * double sse = Loss.SUM_SQUARED_ERROR.value(predictions, targets);     // (1 + 1 + 0) / 2 = 1.0
 * double mse = Loss.MEAN_SQUARED_ERROR.value(predictions, targets);    // (1 + 1 + 0) / 3
 * Matrix slope = Loss.SUM_SQUARED_ERROR.gradient(predictions, targets); // yhat - y = [-1, 1, 0]
 * }</pre>
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
        double value(double[] p, double[] y, int rows, int columns, int batchRows) {
            return squaredErrorScale(batchRows * columns) * sumOfSquares(p, y, rows * columns);
        }

        @Override
        void gradient(double[] p, double[] y, int rows, int columns, int batchRows, double[] out) {
            int n = rows * columns;
            for (int k = 0; k < n; k++) {
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
        double value(double[] p, double[] y, int rows, int columns, int batchRows) {
            return squaredErrorScale(batchRows * columns) * sumOfSquares(p, y, rows * columns);
        }

        @Override
        void gradient(double[] p, double[] y, int rows, int columns, int batchRows, double[] out) {
            int n = rows * columns;
            double factor = batchRows == 0 ? 0.0 : 2.0 / (batchRows * columns);
            for (int k = 0; k < n; k++) {
                out[k] = factor * (p[k] - y[k]);
            }
        }
    },

    /**
     * The mean absolute error over all {@code n} entries (samples times outputs); less swayed by
     * outliers than the squared errors.
     *
     * <pre>  J = 1/n * sum over i, j of |y[i][j] - yhat[i][j]|
     *  dJ/dyhat[i][j] = sign(yhat[i][j] - y[i][j]) / n     (0 where yhat = y, at the kink)</pre>
     */
    MEAN_ABSOLUTE_ERROR {
        @Override
        double value(double[] p, double[] y, int rows, int columns, int batchRows) {
            int n = rows * columns;
            double total = 0.0;
            for (int k = 0; k < n; k++) {
                total += Math.abs(y[k] - p[k]);
            }
            return (batchRows == 0 ? 0.0 : 1.0 / (batchRows * columns)) * total;
        }

        @Override
        void gradient(double[] p, double[] y, int rows, int columns, int batchRows, double[] out) {
            int n = rows * columns;
            double factor = batchRows == 0 ? 0.0 : 1.0 / (batchRows * columns);
            for (int k = 0; k < n; k++) {
                out[k] = p[k] > y[k] ? factor : p[k] < y[k] ? -factor : 0.0;
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
        double value(double[] p, double[] y, int rows, int columns, int batchRows) {
            int n = rows * columns;
            double total = 0.0;
            for (int k = 0; k < n; k++) {
                double target = target(y, k, columns);
                if (target != 0.0) {
                    total -= target * StrictMath.log(Math.max(p[k], PROBABILITY_FLOOR));
                }
            }
            return batchRows == 0 ? 0.0 : total / batchRows;
        }

        @Override
        void gradient(double[] p, double[] y, int rows, int columns, int batchRows, double[] out) {
            int n = rows * columns;
            double factor = batchRows == 0 ? 0.0 : 1.0 / batchRows;
            for (int k = 0; k < n; k++) {
                double target = target(y, k, columns);
                out[k] = p[k] >= PROBABILITY_FLOOR ? -factor * (target / p[k]) : 0.0;
            }
        }
    },

    /**
     * The binary cross-entropy of independent probabilities, averaged over all {@code n} entries
     * (samples times outputs): for one {@link Activation#SIGMOID} output and targets 0 or 1, the
     * loss of a two-class classifier. Targets are probabilities in {@code [0, 1]}.
     *
     * <pre>  J = -1/n * sum over i, j of [y ln yhat + (1 - y) ln(1 - yhat)]
     *  dJ/dyhat[i][j] = (yhat - y) / (n * yhat * (1 - yhat))</pre>
     *
     * <p>Training evaluates it from the sigmoid's logits {@code z} (with {@code yhat = sigmoid(z)}),
     * which never takes the logarithm of 0 and keeps full precision when {@code yhat} is near 0 or 1,
     * and takes the fused step through the sigmoid:
     *
     * <pre>  J = 1/n * sum of [max(z, 0) - z y + ln(1 + e^-|z|)]
     *  dJ/dz[i][j] = (yhat[i][j] - y[i][j]) / n</pre>
     *
     * <p>{@link #value(Matrix, Matrix)} of probabilities clamps each logarithm's argument at
     * {@link #PROBABILITY_FLOOR}, as {@link #CROSS_ENTROPY} does, and its gradient is flat there.
     */
    BINARY_CROSS_ENTROPY {
        @Override
        double value(double[] p, double[] y, int rows, int columns, int batchRows) {
            int n = rows * columns;
            double total = 0.0;
            for (int k = 0; k < n; k++) {
                double target = target(y, k, columns);
                double probability = probability(p, k, columns);
                if (target != 0.0) {
                    total -= target * StrictMath.log(Math.max(probability, PROBABILITY_FLOOR));
                }
                if (target != 1.0) {
                    total -= (1.0 - target) * StrictMath.log(Math.max(1.0 - probability, PROBABILITY_FLOOR));
                }
            }
            return batchRows == 0 ? 0.0 : total / (batchRows * columns);
        }

        @Override
        void gradient(double[] p, double[] y, int rows, int columns, int batchRows, double[] out) {
            int n = rows * columns;
            double factor = batchRows == 0 ? 0.0 : 1.0 / (batchRows * columns);
            for (int k = 0; k < n; k++) {
                double target = target(y, k, columns);
                double probability = probability(p, k, columns);
                double slope = 0.0;
                if (probability >= PROBABILITY_FLOOR) {
                    slope -= target / probability;
                }
                if (1.0 - probability >= PROBABILITY_FLOOR) {
                    slope += (1.0 - target) / (1.0 - probability);
                }
                out[k] = factor * slope;
            }
        }
    };

    /**
     * The smallest probability {@link #CROSS_ENTROPY} takes the logarithm of, {@code 1e-300}:
     * a prediction below it counts as this value, and the loss is flat there.
     */
    public static final double PROBABILITY_FLOOR = 1e-300;

    /** The loss of row-major predictions {@code p} against targets {@code y}, both {@code rows x columns}. */
    double value(double[] p, double[] y, int rows, int columns) {
        return value(p, y, rows, columns, rows);
    }

    /**
     * The share of rows {@code [0, rows)} in the loss of a batch of {@code batchRows} rows: the sum
     * over these rows only, divided as the whole batch's mean divides ({@code batchRows} samples, or
     * {@code batchRows * columns} entries). With {@code batchRows == rows}, the loss of the rows.
     */
    abstract double value(double[] p, double[] y, int rows, int columns, int batchRows);

    /** Writes {@code dJ/dp} into {@code out}; all arrays are row-major {@code rows x columns}. */
    void gradient(double[] p, double[] y, int rows, int columns, double[] out) {
        gradient(p, y, rows, columns, rows, out);
    }

    /** {@code dJ/dp} of rows {@code [0, rows)} as part of a batch of {@code batchRows} rows (see {@link #value}). */
    abstract void gradient(double[] p, double[] y, int rows, int columns, int batchRows, double[] out);

    /**
     * Writes {@code dJ/dz} of {@link #CROSS_ENTROPY} into {@code out}, where {@code a = softmax(z)},
     * in one step. Exact for the clamped loss: with {@code T} the sum of a row's targets over the
     * entries at or above the floor, {@code dJ/dz = (a T - y) / N} there and {@code a T / N} below
     * it; for targets summing to 1 and no clamped entry, {@code (a - y) / N}.
     */
    static void crossEntropyThroughSoftmax(double[] a, double[] y, int rows, int columns, double[] out) {
        crossEntropyThroughSoftmax(a, y, rows, columns, rows, out);
    }

    /** {@link #crossEntropyThroughSoftmax} of rows {@code [0, rows)} as part of a batch of {@code batchRows}. */
    static void crossEntropyThroughSoftmax(double[] a, double[] y, int rows, int columns, int batchRows,
            double[] out) {
        double factor = batchRows == 0 ? 0.0 : 1.0 / batchRows;
        for (int i = 0; i < rows; i++) {
            int start = i * columns;
            int end = start + columns;
            double kept = 0.0;
            for (int k = start; k < end; k++) {
                double target = CROSS_ENTROPY.target(y, k, columns);
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
     * Tells whether backpropagation steps through this loss and the output activation in one fused
     * step: {@link #CROSS_ENTROPY} after {@link Activation#SOFTMAX}, {@link #BINARY_CROSS_ENTROPY}
     * after {@link Activation#SIGMOID}. The one place that knows the pairs.
     */
    boolean fusesWith(Activation output) {
        return this == CROSS_ENTROPY && output == Activation.SOFTMAX
                || this == BINARY_CROSS_ENTROPY && output == Activation.SIGMOID;
    }

    /** Tells whether the loss of an output layer is computed from its pre-activations {@code z}. */
    boolean readsLogits(Activation output) {
        return this == BINARY_CROSS_ENTROPY && output == Activation.SIGMOID;
    }

    /**
     * The loss of the first {@code rows} rows of an output layer with pre-activations {@code z} and
     * outputs {@code a}, against checked, finite targets; from the logits where
     * {@link #readsLogits(Activation)}, else from the outputs as {@link #value(Matrix, Matrix)}. The
     * caller checks that it is finite.
     */
    double valueOfLayer(Activation output, double[] z, double[] a, double[] y, int rows, int columns) {
        return valueOfLayer(output, z, a, y, rows, columns, rows);
    }

    /**
     * {@link #valueOfLayer} of rows {@code [0, rows)} as part of a batch of {@code batchRows} rows: a
     * mean divides by the whole batch, so the parts of a batch add up to its loss (the chunks of
     * {@link ParallelEvaluator}).
     */
    double valueOfLayer(Activation output, double[] z, double[] a, double[] y, int rows, int columns, int batchRows) {
        return readsLogits(output) ? binaryCrossEntropyOfLogits(z, y, rows, columns, batchRows)
                : value(a, y, rows, columns, batchRows);
    }

    /**
     * Writes {@code dJ/dz} of an output layer into {@code delta}: the fused step where
     * {@link #fusesWith(Activation)}, else {@code dJ/da} carried back through the activation.
     */
    void outputDelta(Activation output, double[] z, double[] a, double[] y, int rows, int columns, double[] delta) {
        outputDelta(output, z, a, y, rows, columns, rows, delta);
    }

    /** {@link #outputDelta} of rows {@code [0, rows)} as part of a batch of {@code batchRows} rows. */
    void outputDelta(Activation output, double[] z, double[] a, double[] y, int rows, int columns, int batchRows,
            double[] delta) {
        if (this == CROSS_ENTROPY && output == Activation.SOFTMAX) {
            crossEntropyThroughSoftmax(a, y, rows, columns, batchRows, delta);
        } else if (this == BINARY_CROSS_ENTROPY && output == Activation.SIGMOID) {
            int n = rows * columns;
            double factor = batchRows == 0 ? 0.0 : 1.0 / (batchRows * columns);
            for (int k = 0; k < n; k++) {
                delta[k] = factor * (a[k] - target(y, k, columns));
            }
        } else {
            gradient(a, y, rows, columns, batchRows, delta);
            output.backward(z, a, delta, rows, columns);
        }
    }

    /**
     * {@link #BINARY_CROSS_ENTROPY} of {@code sigmoid(z)}, from the logits: each entry is
     * {@code max(z, 0) - z y + ln(1 + e^-|z|)}, which never takes the logarithm of 0 and keeps its
     * precision for every finite {@code z}.
     */
    private static double binaryCrossEntropyOfLogits(double[] z, double[] y, int rows, int columns, int batchRows) {
        int n = rows * columns;
        double total = 0.0;
        for (int k = 0; k < n; k++) {
            double target = BINARY_CROSS_ENTROPY.target(y, k, columns);
            double logit = z[k];
            total += Math.max(logit, 0.0) - logit * target + StrictMath.log1p(Exp.exp(-Math.abs(logit)));
        }
        return batchRows == 0 ? 0.0 : total / (batchRows * columns);
    }

    /**
     * Checks, before training starts, that this loss belongs with the network's output activation and
     * that the targets are what it needs; the trainer calls it for the training and validation
     * targets.
     *
     * <ul>
     *   <li>{@link #CROSS_ENTROPY} needs a {@link Activation#SOFTMAX} output of at least 2 units and
     *       targets in {@code [0, 1]} whose rows sum to 1 (one-hot rows or distributions);
     *   <li>{@link #BINARY_CROSS_ENTROPY} needs a {@link Activation#SIGMOID} output and targets in
     *       {@code [0, 1]} (classes 0 and 1, or probabilities);
     *   <li>the other losses accept every output and every finite target.
     * </ul>
     *
     * @param network the network to train
     * @param targets the targets it will be trained on, one row per sample
     * @throws IllegalArgumentException if an argument is null, or the pair does not belong together
     *     or a target is out of range: the message names the loss, the activation or the target's row,
     *     column and value, and says what to use instead
     */
    public void requireCompatible(Network network, Matrix targets) {
        if (network == null || targets == null) {
            throw new IllegalArgumentException(name() + ": the network and the targets must not be null, got "
                    + network + " and " + (targets == null ? "null" : targets.shape()));
        }
        Activation output = network.layers().get(network.layers().size() - 1).activation();
        if (this == CROSS_ENTROPY) {
            if (output != Activation.SOFTMAX) {
                throw new IllegalArgumentException("Loss.CROSS_ENTROPY (categorical cross-entropy) needs a SOFTMAX"
                        + " output layer, but the network's last layer is " + output + ". For one 0/1 target column"
                        + " and a SIGMOID output use Loss.BINARY_CROSS_ENTROPY; for one-hot targets end the network"
                        + " with dense(classes, Activation.SOFTMAX).");
            }
            if (network.outputSize() == 1) {
                throw new IllegalArgumentException("Loss.CROSS_ENTROPY with a SOFTMAX output of 1 unit cannot learn:"
                        + " the softmax of one value is always 1. For two classes in one 0/1 column use"
                        + " dense(1, Activation.SIGMOID) with Loss.BINARY_CROSS_ENTROPY, or give two one-hot target"
                        + " columns and dense(2, Activation.SOFTMAX).");
            }
            requireProbabilities(targets, "one-hot rows or class probabilities, as CsvLoader's oneHotTarget gives");
            requireRowsSumToOne(targets);
        } else if (this == BINARY_CROSS_ENTROPY) {
            if (output != Activation.SIGMOID) {
                throw new IllegalArgumentException("Loss.BINARY_CROSS_ENTROPY needs a SIGMOID output layer (each"
                        + " output a probability), but the network's last layer is " + output + ". End the network"
                        + " with dense(outputs, Activation.SIGMOID); for one-hot classes use a SOFTMAX output with"
                        + " Loss.CROSS_ENTROPY.");
            }
            requireProbabilities(targets, "class 0 or 1, or a probability, as CsvLoader's binaryTarget gives");
        }
    }

    private void requireProbabilities(Matrix targets, String what) {
        double[] y = targets.raw();
        for (int k = 0; k < y.length; k++) {
            if (!(y[k] >= 0.0 && y[k] <= 1.0)) {
                throw new IllegalArgumentException("Loss." + name() + " needs targets in [0, 1] (" + what
                        + "), but the target at row " + k / targets.columns() + ", column " + k % targets.columns()
                        + " is " + y[k] + ". Encode the classes as probabilities, or use a squared-error loss for"
                        + " regression.");
            }
        }
    }

    private static void requireRowsSumToOne(Matrix targets) {
        double[] y = targets.raw();
        int columns = targets.columns();
        for (int i = 0; i < targets.rows(); i++) {
            double sum = 0.0;
            for (int j = 0; j < columns; j++) {
                sum += y[i * columns + j];
            }
            if (Math.abs(sum - 1.0) > 1e-9 * columns) {
                throw new IllegalArgumentException("Loss.CROSS_ENTROPY needs each target row to sum to 1 (one class"
                        + " per sample, or a distribution over the classes), but row " + i + " sums to " + sum
                        + ". For several labels per sample use SIGMOID outputs with Loss.BINARY_CROSS_ENTROPY.");
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
     *     NaN or infinite, a cross-entropy target is outside {@code [0, 1]}, or a
     *     {@link #BINARY_CROSS_ENTROPY} prediction is outside {@code [0, 1]} (its row and column named)
     * @throws ArithmeticException if the loss overflows (errors near {@code 1e154} or beyond): it is
     *     reported, naming the entry, never returned as infinity
     */
    public double value(Matrix predictions, Matrix targets) {
        requireSameShape(predictions, targets);
        requireFinite(predictions, "predictions");
        requireFinite(targets, "targets");
        double value = value(predictions.raw(), targets.raw(), predictions.rows(), predictions.columns());
        if (!Double.isFinite(value)) {
            throw overflow(predictions.raw(), targets.raw(), predictions.raw().length, predictions.columns(),
                    predictions.shape());
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

    /** The exception for a loss that overflowed, naming the first entry whose error is not finite. */
    ArithmeticException overflow(double[] p, double[] y, int n, int columns, String shape) {
        String advice = "; scale the targets (and so the outputs) to order 1";
        boolean absolute = this == MEAN_ABSOLUTE_ERROR;
        for (int k = 0; k < n; k++) {
            double r = y[k] - p[k];
            double error = absolute ? Math.abs(r) : r * r;
            if (!Double.isFinite(error)) {
                return new ArithmeticException(name() + " overflowed: the " + (absolute ? "absolute" : "squared")
                        + " error at row " + k / columns + ", column " + k % columns + " is " + error
                        + " (prediction " + p[k] + ", target " + y[k] + ")" + advice);
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
     * @throws IllegalArgumentException if either is null, the shapes differ (both named), a
     *     cross-entropy target is outside {@code [0, 1]}, or a {@link #BINARY_CROSS_ENTROPY} prediction
     *     is outside {@code [0, 1]} (its row and column named)
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

    /**
     * For a loss that is a multiple of the sum of squared errors over {@code n} entries, that
     * multiple ({@code 1/2}, or {@code 1/n}); NaN for any other loss. {@link #value} is exactly
     * {@code squaredErrorScale(n) * sumOfSquares}, so a caller that sums the squares in the same
     * order gets its bits.
     */
    final double squaredErrorScale(int n) {
        if (this == SUM_SQUARED_ERROR) {
            return 0.5;
        }
        if (this == MEAN_SQUARED_ERROR) {
            return n == 0 ? 0.0 : 1.0 / n;
        }
        return Double.NaN;
    }

    /**
     * For a squared-error loss, the factor of its gradient {@code dJ/dp = factor * (p - y)} over
     * {@code n} entries ({@code 1} or {@code 2/n}; {@link #gradient} computes exactly that, the
     * factor {@code 1} left out); NaN for any other loss.
     */
    final double squaredErrorGradientFactor(int n) {
        if (this == SUM_SQUARED_ERROR) {
            return 1.0;
        }
        if (this == MEAN_SQUARED_ERROR) {
            return n == 0 ? 0.0 : 2.0 / n;
        }
        return Double.NaN;
    }

    /** {@code sum over k < n of (y[k] - p[k])^2}, k ascending from {@code +0.0}. */
    private static double sumOfSquares(double[] p, double[] y, int n) {
        double total = 0.0;
        for (int k = 0; k < n; k++) {
            double r = y[k] - p[k];
            total += r * r;
        }
        return total;
    }

    final double target(double[] y, int k, int columns) {
        double target = y[k];
        if (!(target >= 0.0 && target <= 1.0)) {
            throw new IllegalArgumentException(name() + " needs targets in [0, 1], got " + target
                    + " at row " + k / columns + ", column " + k % columns);
        }
        return target;
    }

    final double probability(double[] p, int k, int columns) {
        double probability = p[k];
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw new IllegalArgumentException(name() + " needs predictions in [0, 1] (a SIGMOID output), got "
                    + probability + " at row " + k / columns + ", column " + k % columns);
        }
        return probability;
    }
}
