package io.github.diynn.metrics;

import io.github.diynn.core.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable confusion matrix: how many samples of each actual class were predicted as each class.
 *
 * <p>Rows are actual classes and columns predicted classes, so the diagonal counts the correct
 * predictions. {@link #toString()} prints the table with the class labels:
 *
 * <pre>
 * actual \ predicted  setosa  versicolor  virginica
 * setosa                  10           0          0
 * versicolor               0           9          1
 * virginica                0           0         10
 * accuracy 0.9667 (29 of 30)</pre>
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final int[] counts;

    private ConfusionMatrix(List<String> labels, int[] counts) {
        this.labels = labels;
        this.counts = counts;
    }

    /**
     * Counts the classes of a classifier's outputs against one-hot targets, with classes read as in
     * {@link ClassificationMetrics#classes(Matrix)}.
     *
     * @param predictions the classifier's outputs, one row per sample
     * @param targets one-hot rows (or a 0/1 column), same shape
     * @param labels one name per class, in class order: as many as the columns (2 for one column)
     * @return the confusion matrix
     * @throws IllegalArgumentException if an argument is null, empty, the shapes differ (both named),
     *     a value is NaN (row and column named), or the labels do not match the classes
     */
    public static ConfusionMatrix of(Matrix predictions, Matrix targets, List<String> labels) {
        Shapes.requireSameShape("confusion matrix", predictions, targets);
        int columns = targets.columns();
        int classes = columns == 1 ? 2 : columns;
        if (labels != null && labels.size() != classes) {
            throw new IllegalArgumentException(labels.size() + " labels " + labels + " for " + classes
                    + " classes (" + columns + (columns == 1 ? " column" : " columns") + ")");
        }
        return of(ClassificationMetrics.classes(targets), ClassificationMetrics.classes(predictions), labels);
    }

    /**
     * Counts actual against predicted class indices.
     *
     * @param actual the true class of each sample, each in {@code [0, labels.size())}
     * @param predicted the predicted class of each sample, same length
     * @param labels one name per class, at least 2, none null or blank
     * @return the confusion matrix
     * @throws IllegalArgumentException if an argument is null, the lengths differ, a label is null or
     *     blank, or a class index is out of range (its position named)
     */
    public static ConfusionMatrix of(int[] actual, int[] predicted, List<String> labels) {
        if (actual == null || predicted == null || labels == null) {
            throw new IllegalArgumentException("actual classes, predicted classes and labels must not be null");
        }
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " actual classes but " + predicted.length
                    + " predicted ones");
        }
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a confusion matrix needs at least 2 class labels, got " + labels);
        }
        for (int c = 0; c < labels.size(); c++) {
            if (labels.get(c) == null || labels.get(c).isBlank()) {
                throw new IllegalArgumentException("class label " + c + " is null or blank");
            }
        }
        int classes = labels.size();
        int[] counts = new int[classes * classes];
        for (int i = 0; i < actual.length; i++) {
            requireClass("actual", i, actual[i], classes);
            requireClass("predicted", i, predicted[i], classes);
            counts[actual[i] * classes + predicted[i]]++;
        }
        return new ConfusionMatrix(List.copyOf(new ArrayList<>(labels)), counts);
    }

    private static void requireClass(String which, int sample, int value, int classes) {
        if (value < 0 || value >= classes) {
            throw new IllegalArgumentException(which + " class of sample " + sample + " is " + value
                    + ", outside [0, " + classes + ")");
        }
    }

    /**
     * Returns the class labels.
     *
     * @return an unmodifiable list, in class order
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns the number of classes.
     *
     * @return the number of labels
     */
    public int classCount() {
        return labels.size();
    }

    /**
     * Returns how many samples of one actual class were predicted as another.
     *
     * @param actual the actual class index
     * @param predicted the predicted class index
     * @return the count
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, classCount())}
     */
    public int count(int actual, int predicted) {
        if (actual < 0 || actual >= classCount() || predicted < 0 || predicted >= classCount()) {
            throw new IndexOutOfBoundsException("class (" + actual + ", " + predicted + ") is outside [0, "
                    + classCount() + ")");
        }
        return counts[actual * classCount() + predicted];
    }

    /**
     * Returns the counts as a table.
     *
     * @return a new array: row {@code a}, column {@code p} counts actual {@code a} predicted {@code p}
     */
    public int[][] counts() {
        int classes = classCount();
        int[][] table = new int[classes][];
        for (int a = 0; a < classes; a++) {
            table[a] = Arrays.copyOfRange(counts, a * classes, (a + 1) * classes);
        }
        return table;
    }

    /**
     * Returns the number of samples counted.
     *
     * @return the sum of all counts
     */
    public int total() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    /**
     * Returns the number of correct predictions.
     *
     * @return the sum of the diagonal
     */
    public int correct() {
        int correct = 0;
        for (int c = 0; c < classCount(); c++) {
            correct += count(c, c);
        }
        return correct;
    }

    /**
     * Returns the fraction of correct predictions.
     *
     * @return {@code correct() / total()}
     * @throws IllegalStateException if no sample was counted
     */
    public double accuracy() {
        if (total() == 0) {
            throw new IllegalStateException("accuracy of an empty confusion matrix is undefined");
        }
        return correct() / (double) total();
    }

    /**
     * Exact equality of labels and counts.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is a confusion matrix with equal labels and counts
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof ConfusionMatrix other && labels.equals(other.labels)
                && Arrays.equals(counts, other.counts);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.hashCode(counts);
    }

    /**
     * Prints the table, actual classes down and predicted across, then the accuracy.
     *
     * @return a multi-line table, lines separated by {@code '\n'}
     */
    @Override
    public String toString() {
        String corner = "actual \\ predicted";
        int first = corner.length();
        for (String label : labels) {
            first = Math.max(first, label.length());
        }
        StringBuilder text = new StringBuilder(pad(corner, first, true));
        int[] widths = new int[classCount()];
        for (int p = 0; p < classCount(); p++) {
            widths[p] = Math.max(labels.get(p).length(), String.valueOf(total()).length());
            text.append("  ").append(pad(labels.get(p), widths[p], false));
        }
        for (int a = 0; a < classCount(); a++) {
            text.append('\n').append(pad(labels.get(a), first, true));
            for (int p = 0; p < classCount(); p++) {
                text.append("  ").append(pad(String.valueOf(count(a, p)), widths[p], false));
            }
        }
        text.append('\n');
        if (total() > 0) {
            text.append(String.format(java.util.Locale.ROOT, "accuracy %.4f (%d of %d)", accuracy(), correct(),
                    total()));
        } else {
            text.append("no samples");
        }
        return text.toString();
    }

    private static String pad(String text, int width, boolean left) {
        String spaces = " ".repeat(width - text.length());
        return left ? text + spaces : spaces + text;
    }
}
