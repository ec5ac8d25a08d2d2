package io.github.diynn.metrics;

import io.github.diynn.core.Matrix;

/**
 * Predicted classes and accuracy from a classifier's outputs.
 *
 * <p>With {@code k >= 2} output columns, the class of a row is the index of its largest value (the
 * first on ties): a softmax output or a one-hot target. With one column, the class is 1 if the
 * value is at least 0.5 and 0 otherwise: a sigmoid output or a 0/1 target.
 *
 * <pre>{@code
 * Matrix scores = Matrix.of(new double[][] {{0.1, 0.7, 0.2}, {0.6, 0.3, 0.1}}); // softmax outputs
 * Matrix targets = Matrix.of(new double[][] {{0, 1, 0}, {0, 0, 1}});            // one-hot
 * int[] classes = ClassificationMetrics.classes(scores);                        // {1, 0}
 * double accuracy = ClassificationMetrics.accuracy(scores, targets);            // 0.5
 * }</pre>
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /**
     * Returns the class of every row.
     *
     * @param scores one row per sample: class scores, probabilities or one-hot targets
     * @return a new array with one class index per row
     * @throws IllegalArgumentException if {@code scores} is null, has no column, or holds a NaN (its
     *     row and column named)
     */
    public static int[] classes(Matrix scores) {
        if (scores == null) {
            throw new IllegalArgumentException("scores are null");
        }
        if (scores.columns() == 0) {
            throw new IllegalArgumentException("cannot take classes of a " + scores.shape() + " matrix");
        }
        int columns = scores.columns();
        double[] values = scores.toRowMajorArray();
        for (int k = 0; k < values.length; k++) {
            if (Double.isNaN(values[k])) {
                throw new IllegalArgumentException("cannot take the class of a score of NaN at row " + k / columns
                        + ", column " + k % columns);
            }
        }
        int[] classes = new int[scores.rows()];
        for (int i = 0; i < classes.length; i++) {
            if (columns == 1) {
                classes[i] = values[i] >= 0.5 ? 1 : 0;
                continue;
            }
            int best = 0;
            for (int j = 1; j < columns; j++) {
                if (values[i * columns + j] > values[i * columns + best]) {
                    best = j;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    /**
     * Returns the fraction of rows whose predicted class equals the target class.
     *
     * @param predictions the classifier's outputs, one row per sample
     * @param targets one-hot rows (or a 0/1 column), same shape
     * @return the accuracy, in {@code [0, 1]}
     * @throws IllegalArgumentException if an argument is null, empty, the shapes differ (both named), or a
     *     value is NaN (row and column named)
     */
    public static double accuracy(Matrix predictions, Matrix targets) {
        Shapes.requireSameShape("accuracy", predictions, targets);
        int[] predicted = classes(predictions);
        int[] actual = classes(targets);
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return correct / (double) actual.length;
    }
}
