package io.github.diynn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryMetricsTest {

    /** Rows 0-2 positive, 3-4 negative; at 0.5 predicted 1, 1, 0, 1, 0. */
    private static final Matrix PROBABILITIES = Matrix.columnVector(0.9, 0.8, 0.3, 0.6, 0.1);
    private static final Matrix TARGETS = Matrix.columnVector(1, 1, 1, 0, 0);

    /** The AUC by its definition: every (positive, negative) pair, 2 for a win and 1 for a tie. */
    private static double bruteForceAuc(double[] scores, double[] targets) {
        long twiceWins = 0;
        long positives = 0;
        long negatives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (targets[i] == 1) {
                positives++;
            } else {
                negatives++;
            }
        }
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (targets[i] == 1 && targets[j] == 0) {
                    twiceWins += scores[i] > scores[j] ? 2 : scores[i] == scores[j] ? 1 : 0;
                }
            }
        }
        return twiceWins / (2.0 * positives * negatives);
    }

    @Test
    void predictedClassIsOneFromTheThresholdUp() {
        assertThat(BinaryMetrics.predictedClasses(Matrix.columnVector(0.5, 0.49999, 1, 0), 0.5))
                .containsExactly(1, 0, 1, 0);
        assertThat(BinaryMetrics.predictedClasses(Matrix.columnVector(0.0, 0.2), 0.0)).containsExactly(1, 1);
    }

    @Test
    void accuracyCountsRowsOnTheRightSideOfTheThreshold() {
        assertThat(BinaryMetrics.accuracy(PROBABILITIES, TARGETS)).isEqualTo(3.0 / 5);
        assertThat(BinaryMetrics.accuracy(PROBABILITIES, TARGETS, 0.25)).isEqualTo(4.0 / 5);
        assertThat(BinaryMetrics.accuracy(PROBABILITIES, TARGETS, 0.7)).isEqualTo(4.0 / 5);
        assertThat(BinaryMetrics.accuracy(PROBABILITIES, TARGETS, 0.95)).isEqualTo(2.0 / 5);
    }

    @Test
    void accuracyAtTheDefaultThresholdAgreesWithClassificationMetrics() {
        assertThat(BinaryMetrics.accuracy(PROBABILITIES, TARGETS))
                .isEqualTo(ClassificationMetrics.accuracy(PROBABILITIES, TARGETS));
    }

    @Test
    void confusionMatrixHasActualRowsPredictedColumnsAndTheTwoLabels() {
        ConfusionMatrix matrix = BinaryMetrics.confusionMatrix(PROBABILITIES, TARGETS, List.of("ham", "spam"));
        assertThat(matrix.labels()).containsExactly("ham", "spam");
        assertThat(matrix.counts()).isEqualTo(new int[][] {{1, 1}, {1, 2}});
        assertThat(matrix.accuracy()).isEqualTo(3.0 / 5);
        ConfusionMatrix strict = BinaryMetrics.confusionMatrix(PROBABILITIES, TARGETS, List.of("ham", "spam"), 0.85);
        assertThat(strict.counts()).isEqualTo(new int[][] {{2, 0}, {2, 1}});
    }

    @Test
    void rocAucOfTheHandFixtureIsFiveSixths() {
        // Positives 0.9, 0.8, 0.3 against negatives 0.6, 0.1: 2 + 2 + 1 of 6 pairs won.
        assertThat(BinaryMetrics.rocAuc(PROBABILITIES, TARGETS)).isEqualTo(5.0 / 6);
    }

    @Test
    void rocAucCountsTiesHalf() {
        // Positives 0.7, 0.4 against negatives 0.4, 0.2: 2 + (0.5 + 1) of 4 pairs.
        assertThat(BinaryMetrics.rocAuc(Matrix.columnVector(0.7, 0.4, 0.4, 0.2), Matrix.columnVector(1, 1, 0, 0)))
                .isEqualTo(3.5 / 4);
        assertThat(BinaryMetrics.rocAuc(Matrix.columnVector(0.5, 0.5, 0.5, 0.5), Matrix.columnVector(1, 0, 1, 0)))
                .isEqualTo(0.5);
        assertThat(BinaryMetrics.rocAuc(Matrix.columnVector(-0.0, 0.0), Matrix.columnVector(1, 0))).isEqualTo(0.5);
    }

    @Test
    void rocAucIsOneForAPerfectRankingAndZeroForAReversedOne() {
        Matrix targets = Matrix.columnVector(0, 1, 0, 1);
        assertThat(BinaryMetrics.rocAuc(Matrix.columnVector(0.1, 0.9, 0.2, 0.8), targets)).isEqualTo(1.0);
        assertThat(BinaryMetrics.rocAuc(Matrix.columnVector(0.9, 0.1, 0.8, 0.2), targets)).isEqualTo(0.0);
    }

    @Test
    void rocAucEqualsABruteForcePairCountOnSeededRandomData() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int rows = 2 + random.nextInt(400);
            double[] scores = new double[rows];
            double[] targets = new double[rows];
            boolean coarse = trial % 2 == 0;  // scores on a grid of 0.05: many ties
            for (int i = 0; i < rows; i++) {
                targets[i] = i < 2 ? i : random.nextInt(2);
                double score = random.nextDouble();
                scores[i] = coarse ? Math.round(score * 20) / 20.0 : score;
            }
            double auc = BinaryMetrics.rocAuc(Matrix.columnVector(scores), Matrix.columnVector(targets));
            assertThat(auc).as("trial %d", trial).isEqualTo(bruteForceAuc(scores, targets));
        }
    }

    @Test
    void rocAucDoesNotDependOnTheRowOrder() {
        Matrix reversedScores = Matrix.columnVector(0.1, 0.6, 0.3, 0.8, 0.9);
        Matrix reversedTargets = Matrix.columnVector(0, 0, 1, 1, 1);
        assertThat(BinaryMetrics.rocAuc(reversedScores, reversedTargets))
                .isEqualTo(BinaryMetrics.rocAuc(PROBABILITIES, TARGETS));
    }

    @Test
    void refusesProbabilitiesOutsideZeroToOneNamingRowAndValue() {
        Matrix targets = Matrix.columnVector(1, 0, 1);
        assertThatThrownBy(() -> BinaryMetrics.accuracy(Matrix.columnVector(0.2, 0.4, 1.5), targets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accuracy: probability 1.5 at row 2 is not in [0, 1]");
        assertThatThrownBy(() -> BinaryMetrics.rocAuc(Matrix.columnVector(0.2, Math.nextUp(1.0), 0.5), targets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probability 1.0000000000000002 at row 1");
        assertThatThrownBy(() -> BinaryMetrics.confusionMatrix(Matrix.columnVector(-0.1, 0.4, 0.5), targets,
                List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probability -0.1 at row 0");
        assertThatThrownBy(() -> BinaryMetrics.predictedClasses(Matrix.columnVector(7), 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probability 7.0 at row 0");
    }

    @Test
    void refusesTargetsOtherThanZeroOrOneNamingRowAndValue() {
        Matrix probabilities = Matrix.columnVector(0.2, 0.4, 0.6);
        assertThatThrownBy(() -> BinaryMetrics.accuracy(probabilities, Matrix.columnVector(1, 0.5, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("accuracy: target 0.5 at row 1 is not 0 or 1");
        assertThatThrownBy(() -> BinaryMetrics.rocAuc(probabilities, Matrix.columnVector(1, 0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target 2.0 at row 2");
    }

    @Test
    void refusesShapesOtherThanOneColumnOfMatchingRows() {
        assertThatThrownBy(() -> BinaryMetrics.accuracy(Matrix.zeros(3, 2), Matrix.zeros(3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accuracy needs probabilities as one column with at least one row, got 3x2");
        assertThatThrownBy(() -> BinaryMetrics.rocAuc(Matrix.zeros(3, 1), Matrix.zeros(4, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probabilities are 3x1 but targets are 4x1");
        assertThatThrownBy(() -> BinaryMetrics.accuracy(Matrix.zeros(0, 1), Matrix.zeros(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0x1");
        assertThatThrownBy(() -> BinaryMetrics.accuracy(null, Matrix.zeros(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probabilities are null");
        assertThatThrownBy(() -> BinaryMetrics.accuracy(Matrix.zeros(1, 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targets are null");
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        for (double bad : new double[] {-0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> BinaryMetrics.accuracy(PROBABILITIES, TARGETS, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be in [0, 1], got " + bad);
        }
    }

    @Test
    void confusionMatrixRefusesOtherThanTwoLabels() {
        assertThatThrownBy(() -> BinaryMetrics.confusionMatrix(PROBABILITIES, TARGETS, List.of("a", "b", "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 2 class labels [label of 0, label of 1], got [a, b, c]");
        assertThatThrownBy(() -> BinaryMetrics.confusionMatrix(PROBABILITIES, TARGETS, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got null");
    }

    @Test
    void rocAucRefusesTargetsOfOneClass() {
        assertThatThrownBy(() -> BinaryMetrics.rocAuc(Matrix.columnVector(0.2, 0.4, 0.6), Matrix.columnVector(1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ROC AUC needs both classes, but all 3 targets are 1");
    }
}
