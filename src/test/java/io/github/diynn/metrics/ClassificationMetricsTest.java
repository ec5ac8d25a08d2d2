package io.github.diynn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Matrix;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final Matrix TARGETS = Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}});
    private static final Matrix PREDICTIONS = Matrix.of(new double[][] {
        {0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}, {0.2, 0.2, 0.6}, {0.4, 0.4, 0.2}});

    @Test
    void classOfARowIsItsLargestColumnWithTheFirstOnTies() {
        assertThat(ClassificationMetrics.classes(PREDICTIONS)).containsExactly(0, 2, 2, 0);
        assertThat(ClassificationMetrics.classes(TARGETS)).containsExactly(0, 1, 2, 1);
    }

    @Test
    void singleColumnIsThresholdedAtOneHalf() {
        assertThat(ClassificationMetrics.classes(Matrix.columnVector(0.2, 0.5, 0.9))).containsExactly(0, 1, 1);
    }

    @Test
    void accuracyIsTheShareOfMatchingClasses() {
        assertThat(ClassificationMetrics.accuracy(PREDICTIONS, TARGETS)).isEqualTo(0.5);
        assertThat(ClassificationMetrics.accuracy(TARGETS, TARGETS)).isEqualTo(1.0);
    }

    @Test
    void aNaNScoreIsRejectedNamingItsRowAndColumnNotReadAsClassZero() {
        // A softmax over an overflowed row gives NaN; silently taking column 0 would hide it.
        Matrix scores = Matrix.of(new double[][] {{0.1, 0.9}, {0.2, 0.8}}).map(x -> x == 0.8 ? Double.NaN : x);
        Matrix single = Matrix.columnVector(0.2, 0.7).map(x -> x == 0.7 ? Double.NaN : x);

        assertThatThrownBy(() -> ClassificationMetrics.classes(scores))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN at row 1, column 1");
        assertThatThrownBy(() -> ClassificationMetrics.classes(single))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN at row 1, column 0");
        assertThatThrownBy(() -> ClassificationMetrics.accuracy(scores, Matrix.of(new double[][] {{1, 0}, {0, 1}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1, column 1");
    }

    @Test
    void accuracyRejectsMismatchedShapes() {
        assertThatThrownBy(() -> ClassificationMetrics.accuracy(Matrix.zeros(4, 2), TARGETS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x2").hasMessageContaining("4x3");
    }
}
