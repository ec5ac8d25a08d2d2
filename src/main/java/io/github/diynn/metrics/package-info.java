/**
 * Measures of a trained network's predictions: {@link io.github.diynn.metrics.RegressionMetrics}
 * (MSE, RMSE, MAE, R<sup>2</sup>), {@link io.github.diynn.metrics.ClassificationMetrics} (predicted
 * classes, accuracy), {@link io.github.diynn.metrics.BinaryMetrics} (one probability column: accuracy
 * and confusion matrix at a threshold, ROC AUC) and the immutable
 * {@link io.github.diynn.metrics.ConfusionMatrix}.
 *
 * <p>Every method takes predictions and targets as matrices of the same shape with one sample per
 * row, rejects a mismatch with an {@link java.lang.IllegalArgumentException} naming both shapes, and
 * changes neither. Classification targets are one-hot rows (or a single 0/1 column for two classes).
 */
package io.github.diynn.metrics;
