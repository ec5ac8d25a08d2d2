package io.github.diynn.metrics;

import io.github.diynn.core.Matrix;
import java.util.Arrays;
import java.util.List;

/**
 * Metrics of a binary classifier: one probability column (a sigmoid output) against one 0/1 target
 * column, such as a data set loaded with {@code CsvLoader.Builder.binaryTarget(...)}.
 *
 * <p>A row is predicted as class 1 when its probability is at least the threshold (0.5 unless
 * given), else as class 0. Every method checks its arguments first: both matrices
 * {@code samples x 1} with at least one row, every probability in {@code [0, 1]} (a
 * {@link Matrix} is finite already), every target exactly 0 or 1; a rejection names the row and
 * the value.
 *
 * <pre>{@code
 * Matrix probabilities = Matrix.columnVector(0.9, 0.4, 0.6, 0.2);   // sigmoid outputs
 * Matrix targets = Matrix.columnVector(1, 0, 0, 0);
 * double accuracy = BinaryMetrics.accuracy(probabilities, targets);  // 0.75: row 2 is a false 1
 * ConfusionMatrix confusion = BinaryMetrics.confusionMatrix(probabilities, targets, List.of("no", "yes"));
 * double auc = BinaryMetrics.rocAuc(probabilities, targets);         // 1.0: the 1 ranks first
 * }</pre>
 */
public final class BinaryMetrics {

    /** The threshold of the methods that take none. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private BinaryMetrics() {
    }

    /**
     * Returns the predicted class of every row: 1 where the probability is at least
     * {@code threshold}, else 0.
     *
     * @param probabilities {@code samples x 1}, each in {@code [0, 1]}
     * @param threshold in {@code [0, 1]}
     * @return a new array of 0s and 1s, one per row
     * @throws IllegalArgumentException if {@code probabilities} is null, not one column, empty, holds
     *     a value outside {@code [0, 1]} (row and value named), or the threshold is
     *     outside {@code [0, 1]} or NaN
     */
    public static int[] predictedClasses(Matrix probabilities, double threshold) {
        double[] scores = checkedProbabilities("predicted classes", probabilities);
        checkThreshold(threshold);
        int[] classes = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            classes[i] = scores[i] >= threshold ? 1 : 0;
        }
        return classes;
    }

    /**
     * Returns the fraction of rows whose predicted class, at a threshold of 0.5, equals the target.
     *
     * @param probabilities {@code samples x 1}, each in {@code [0, 1]}
     * @param targets {@code samples x 1}, each 0 or 1
     * @return the accuracy, in {@code [0, 1]}
     * @throws IllegalArgumentException as {@link #accuracy(Matrix, Matrix, double)} does
     */
    public static double accuracy(Matrix probabilities, Matrix targets) {
        return accuracy(probabilities, targets, DEFAULT_THRESHOLD);
    }

    /**
     * Returns the fraction of rows whose predicted class at {@code threshold} equals the target.
     *
     * @param probabilities {@code samples x 1}, each in {@code [0, 1]}
     * @param targets {@code samples x 1}, each 0 or 1
     * @param threshold in {@code [0, 1]}: a probability at least this predicts class 1
     * @return the accuracy, in {@code [0, 1]}
     * @throws IllegalArgumentException if an argument is null, a matrix is not one column or empty,
     *     the row counts differ (both shapes named), a probability is outside {@code [0, 1]} or a
     *     target is not exactly 0 or 1 (row and value named), or the threshold is
     *     outside {@code [0, 1]}
     */
    public static double accuracy(Matrix probabilities, Matrix targets, double threshold) {
        int[] actual = checkedTargets("accuracy", probabilities, targets);
        int[] predicted = predictedClasses(probabilities, threshold);
        int correct = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return correct / (double) actual.length;
    }

    /**
     * Counts actual against predicted classes at a threshold of 0.5.
     *
     * @param probabilities {@code samples x 1}, each in {@code [0, 1]}
     * @param targets {@code samples x 1}, each 0 or 1
     * @param labels the two class labels, {@code [label of 0, label of 1]}, such as a data set's
     *     {@code classLabels()}
     * @return the 2 x 2 confusion matrix, rows actual, columns predicted
     * @throws IllegalArgumentException as {@link #confusionMatrix(Matrix, Matrix, List, double)} does
     */
    public static ConfusionMatrix confusionMatrix(Matrix probabilities, Matrix targets, List<String> labels) {
        return confusionMatrix(probabilities, targets, labels, DEFAULT_THRESHOLD);
    }

    /**
     * Counts actual against predicted classes at a threshold.
     *
     * @param probabilities {@code samples x 1}, each in {@code [0, 1]}
     * @param targets {@code samples x 1}, each 0 or 1
     * @param labels the two class labels, {@code [label of 0, label of 1]}
     * @param threshold in {@code [0, 1]}: a probability at least this predicts class 1
     * @return the 2 x 2 confusion matrix, rows actual, columns predicted
     * @throws IllegalArgumentException if the arguments break a rule of
     *     {@link #accuracy(Matrix, Matrix, double)}, or {@code labels} is null, not two labels, or
     *     holds a null or blank label
     */
    public static ConfusionMatrix confusionMatrix(Matrix probabilities, Matrix targets, List<String> labels,
            double threshold) {
        if (labels == null || labels.size() != 2) {
            throw new IllegalArgumentException("a binary confusion matrix needs 2 class labels"
                    + " [label of 0, label of 1], got " + labels);
        }
        int[] actual = checkedTargets("confusion matrix", probabilities, targets);
        return ConfusionMatrix.of(actual, predictedClasses(probabilities, threshold), labels);
    }

    /**
     * Returns the area under the ROC curve: the probability that a random positive row scores
     * higher than a random negative one, ties counting half.
     *
     * <pre>
     * AUC = (#{(p, n) : score(p) &gt; score(n)} + #{(p, n) : score(p) = score(n)} / 2) / (P * N)</pre>
     *
     * over the P positive (target 1) and N negative (target 0) rows: the Mann-Whitney statistic, the
     * rank-sum formula with tied scores given their mean rank. It is computed exactly in
     * {@code O(n log n)}: both classes' scores are sorted and merged, counting for each positive
     * the negatives below it and equal to it, in {@code long}; the one rounding is the final
     * division. 1 means every positive outranks every negative, 0.5 is a coin toss.
     *
     * @param probabilities {@code samples x 1}, each in {@code [0, 1]}
     * @param targets {@code samples x 1}, each 0 or 1, with at least one of each
     * @return the AUC, in {@code [0, 1]}
     * @throws IllegalArgumentException if the arguments break a rule of
     *     {@link #accuracy(Matrix, Matrix, double)}, or the targets are all of one class
     */
    public static double rocAuc(Matrix probabilities, Matrix targets) {
        int[] actual = checkedTargets("ROC AUC", probabilities, targets);
        double[] scores = checkedProbabilities("ROC AUC", probabilities);
        int positiveCount = 0;
        for (int target : actual) {
            positiveCount += target;
        }
        int negativeCount = actual.length - positiveCount;
        if (positiveCount == 0 || negativeCount == 0) {
            throw new IllegalArgumentException("ROC AUC needs both classes, but all " + actual.length
                    + " targets are " + (positiveCount == 0 ? 0 : 1));
        }
        double[] positives = new double[positiveCount];
        double[] negatives = new double[negativeCount];
        int p = 0;
        int n = 0;
        for (int i = 0; i < actual.length; i++) {
            double score = scores[i] + 0.0;  // -0.0 becomes 0.0: Arrays.sort orders -0.0 below 0.0
            if (actual[i] == 1) {
                positives[p++] = score;
            } else {
                negatives[n++] = score;
            }
        }
        Arrays.sort(positives);
        Arrays.sort(negatives);
        // twiceWins = 2 * (pairs the positive wins) + (tied pairs), exact in a long.
        long twiceWins = 0;
        int below = 0;  // negatives strictly below the current positive
        int notAbove = 0;  // negatives at or below it
        for (double score : positives) {
            while (below < negativeCount && negatives[below] < score) {
                below++;
            }
            notAbove = Math.max(notAbove, below);
            while (notAbove < negativeCount && negatives[notAbove] <= score) {
                notAbove++;
            }
            twiceWins += below + (long) notAbove;
        }
        return twiceWins / (2.0 * positiveCount * negativeCount);
    }

    private static void checkThreshold(double threshold) {
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
    }

    private static void requireOneColumn(String metric, String what, Matrix matrix) {
        if (matrix == null) {
            throw new IllegalArgumentException(metric + ": " + what + " are null");
        }
        if (matrix.columns() != 1 || matrix.rows() == 0) {
            throw new IllegalArgumentException(metric + " needs " + what + " as one column with at least one row,"
                    + " got " + matrix.shape());
        }
    }

    private static double[] checkedProbabilities(String metric, Matrix probabilities) {
        requireOneColumn(metric, "probabilities", probabilities);
        double[] values = probabilities.column(0);
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0.0 && values[i] <= 1.0)) {
                throw new IllegalArgumentException(metric + ": probability " + values[i] + " at row " + i
                        + " is not in [0, 1]");
            }
        }
        return values;
    }

    /** Checks both matrices and returns the targets as 0/1 classes. */
    private static int[] checkedTargets(String metric, Matrix probabilities, Matrix targets) {
        requireOneColumn(metric, "probabilities", probabilities);
        requireOneColumn(metric, "targets", targets);
        if (probabilities.rows() != targets.rows()) {
            throw new IllegalArgumentException(metric + ": probabilities are " + probabilities.shape()
                    + " but targets are " + targets.shape());
        }
        checkedProbabilities(metric, probabilities);
        double[] values = targets.column(0);
        int[] classes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0.0 && values[i] != 1.0) {
                throw new IllegalArgumentException(metric + ": target " + values[i] + " at row " + i
                        + " is not 0 or 1");
            }
            classes[i] = values[i] == 1.0 ? 1 : 0;
        }
        return classes;
    }
}
