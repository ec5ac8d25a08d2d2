package io.github.diynn.metrics;

import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;

/**
 * Regression metrics over every entry of a predictions matrix against a targets matrix of the same
 * shape; {@code n} is the number of entries (samples times outputs).
 *
 * <p>Unlike {@link io.github.diynn.core.Loss}, these are plain means, never halved.
 */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    /**
     * Returns the mean squared error.
     *
     * <pre>  MSE = 1/n * sum over i, j of (y[i][j] - yhat[i][j])^2</pre>
     *
     * @param predictions the predicted values
     * @param targets the true values, same shape
     * @return the MSE, at least 0; the same value as {@link Loss#MEAN_SQUARED_ERROR}
     * @throws IllegalArgumentException if an argument is null, empty, or the shapes differ (both named)
     * @throws ArithmeticException if the sum of squares overflows (the entry is named)
     */
    public static double meanSquaredError(Matrix predictions, Matrix targets) {
        Shapes.requireSameShape("MSE", predictions, targets);
        return Loss.MEAN_SQUARED_ERROR.value(predictions, targets);
    }

    /**
     * Returns the root mean squared error, {@code sqrt(MSE)}, in the targets' unit.
     *
     * @param predictions the predicted values
     * @param targets the true values, same shape
     * @return the RMSE, at least 0
     * @throws IllegalArgumentException if an argument is null, empty, or the shapes differ (both named)
     */
    public static double rootMeanSquaredError(Matrix predictions, Matrix targets) {
        return Math.sqrt(meanSquaredError(predictions, targets));
    }

    /**
     * Returns the mean absolute error.
     *
     * <pre>  MAE = 1/n * sum over i, j of |y[i][j] - yhat[i][j]|</pre>
     *
     * @param predictions the predicted values
     * @param targets the true values, same shape
     * @return the MAE, at least 0
     * @throws IllegalArgumentException if an argument is null, empty, or the shapes differ (both named)
     */
    public static double meanAbsoluteError(Matrix predictions, Matrix targets) {
        Shapes.requireSameShape("MAE", predictions, targets);
        double[] p = predictions.toRowMajorArray();
        double[] y = targets.toRowMajorArray();
        double total = 0.0;
        for (int k = 0; k < p.length; k++) {
            total += Math.abs(y[k] - p[k]);
        }
        return total / p.length;
    }

    /**
     * Returns the coefficient of determination, pooled over all outputs.
     *
     * <pre>  R^2 = 1 - sum over i, j of (y[i][j] - yhat[i][j])^2 / sum over i, j of (y[i][j] - mean_j)^2</pre>
     *
     * <p>{@code mean_j} is the mean of target column {@code j}. A perfect fit gives 1, predicting
     * each column's mean gives 0, and worse fits are negative. With one output this is the usual R^2.
     *
     * @param predictions the predicted values
     * @param targets the true values, same shape, with at least one column not constant
     * @return R^2, at most 1
     * @throws IllegalArgumentException if an argument is null, empty, the shapes differ (both named),
     *     or every target column is constant (R^2 is undefined)
     */
    public static double rSquared(Matrix predictions, Matrix targets) {
        Shapes.requireSameShape("R^2", predictions, targets);
        double[] p = predictions.toRowMajorArray();
        double[] y = targets.toRowMajorArray();
        int rows = targets.rows();
        int columns = targets.columns();
        double[] means = new double[columns];
        for (int k = 0; k < y.length; k++) {
            means[k % columns] += y[k];
        }
        for (int j = 0; j < columns; j++) {
            means[j] /= rows;
        }
        double residual = 0.0;
        double total = 0.0;
        for (int k = 0; k < y.length; k++) {
            double r = y[k] - p[k];
            double d = y[k] - means[k % columns];
            residual += r * r;
            total += d * d;
        }
        if (total == 0.0) {
            throw new IllegalArgumentException("R^2 is undefined: every column of the " + targets.shape()
                    + " targets is constant");
        }
        return 1.0 - residual / total;
    }
}
