package io.github.diynn.core;

/**
 * The closed set of losses, each with its gradient with respect to the predictions beside it.
 *
 * <p>Both take predictions and targets of the same shape, rows being samples. Neither is averaged
 * where the name says "sum": {@link #SUM_SQUARED_ERROR} is the tutorial's
 * {@code J = 1/2 * sum (y - yhat)^2} over every sample and output, and {@link #MEAN_SQUARED_ERROR}
 * divides the plain sum of squares by the count of entries.
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
        double scale(int entries) {
            return 0.5;
        }

        @Override
        double gradientScale(int entries) {
            return 1.0;
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
        double scale(int entries) {
            return entries == 0 ? 0.0 : 1.0 / entries;
        }

        @Override
        double gradientScale(int entries) {
            return entries == 0 ? 0.0 : 2.0 / entries;
        }
    };

    abstract double scale(int entries);

    abstract double gradientScale(int entries);

    /**
     * Returns the loss of predictions against targets.
     *
     * @param predictions the network's outputs, one row per sample
     * @param targets the wanted outputs, same shape
     * @return the loss {@code J}
     * @throws IllegalArgumentException if either is null or the shapes differ (both named)
     */
    public double value(Matrix predictions, Matrix targets) {
        double[] p = predictions(predictions, targets);
        double[] y = targets.raw();
        double total = 0.0;
        for (int k = 0; k < p.length; k++) {
            double r = y[k] - p[k];
            total += r * r;
        }
        return scale(p.length) * total;
    }

    /**
     * Returns the gradient of the loss with respect to each prediction, {@code dJ/dyhat}.
     *
     * @param predictions the network's outputs, one row per sample
     * @param targets the wanted outputs, same shape
     * @return a new matrix of the predictions' shape
     * @throws IllegalArgumentException if either is null or the shapes differ (both named)
     */
    public Matrix gradient(Matrix predictions, Matrix targets) {
        double[] p = predictions(predictions, targets);
        double[] y = targets.raw();
        double factor = gradientScale(p.length);
        double[] out = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            out[k] = factor * (p[k] - y[k]);
        }
        return Matrix.wrap(predictions.rows(), predictions.columns(), out);
    }

    private double[] predictions(Matrix predictions, Matrix targets) {
        if (predictions == null || targets == null) {
            throw new IllegalArgumentException(name() + " needs predictions and targets, got "
                    + (predictions == null ? "null" : predictions.shape()) + " and "
                    + (targets == null ? "null" : targets.shape()));
        }
        if (predictions.rows() != targets.rows() || predictions.columns() != targets.columns()) {
            throw new IllegalArgumentException(name() + ": predictions are " + predictions.shape()
                    + " but targets are " + targets.shape());
        }
        return predictions.raw();
    }
}
