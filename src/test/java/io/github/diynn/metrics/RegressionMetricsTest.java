package io.github.diynn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Matrix;
import org.junit.jupiter.api.Test;

/** Hand-computed fixture: targets (1, 2, 3, 4), predictions (1.5, 2, 2, 5), residuals (-0.5, 0, 1, -1). */
class RegressionMetricsTest {

    private static final Matrix TARGETS = Matrix.columnVector(1, 2, 3, 4);
    private static final Matrix PREDICTIONS = Matrix.columnVector(1.5, 2, 2, 5);

    @Test
    void meanSquaredErrorIsTheMeanOfSquaredResiduals() {
        // (0.25 + 0 + 1 + 1) / 4
        assertThat(RegressionMetrics.meanSquaredError(PREDICTIONS, TARGETS)).isEqualTo(0.5625);
    }

    @Test
    void rootMeanSquaredErrorIsTheSquareRootOfTheMse() {
        assertThat(RegressionMetrics.rootMeanSquaredError(PREDICTIONS, TARGETS)).isEqualTo(0.75);
    }

    @Test
    void meanAbsoluteErrorIsTheMeanOfAbsoluteResiduals() {
        // (0.5 + 0 + 1 + 1) / 4
        assertThat(RegressionMetrics.meanAbsoluteError(PREDICTIONS, TARGETS)).isEqualTo(0.625);
    }

    @Test
    void rSquaredComparesResidualsWithTheVarianceAboutTheMean() {
        // SS_res = 2.25, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5, R^2 = 1 - 2.25 / 5 = 0.55
        assertThat(RegressionMetrics.rSquared(PREDICTIONS, TARGETS)).isCloseTo(0.55, within(1e-15));
        assertThat(RegressionMetrics.rSquared(TARGETS, TARGETS)).isEqualTo(1.0);
        assertThat(RegressionMetrics.rSquared(Matrix.filled(4, 1, 2.5), TARGETS)).isEqualTo(0.0);
    }

    @Test
    void rSquaredUsesEachColumnsOwnMean() {
        // Column means 2 and 20; predicting them gives R^2 = 0 even though the columns differ in scale.
        Matrix targets = Matrix.of(new double[][] {{1, 10}, {3, 30}});
        Matrix means = Matrix.of(new double[][] {{2, 20}, {2, 20}});

        assertThat(RegressionMetrics.rSquared(means, targets)).isEqualTo(0.0);
    }

    @Test
    void rSquaredOfConstantTargetsIsRejected() {
        assertThatThrownBy(() -> RegressionMetrics.rSquared(TARGETS, Matrix.filled(4, 1, 3.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constant");
    }

    @Test
    void metricsLeaveTheirInputsUnchanged() {
        Matrix predictions = Matrix.columnVector(1.5, 2, 2, 5);
        RegressionMetrics.meanSquaredError(predictions, TARGETS);
        RegressionMetrics.rSquared(predictions, TARGETS);

        assertThat(predictions).isEqualTo(PREDICTIONS);
        assertThat(TARGETS).isEqualTo(Matrix.columnVector(1, 2, 3, 4));
    }

    @Test
    void mismatchedShapesAreRejectedWithBothShapes() {
        assertThatThrownBy(() -> RegressionMetrics.meanAbsoluteError(Matrix.zeros(4, 2), TARGETS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x2").hasMessageContaining("4x1");
        assertThatThrownBy(() -> RegressionMetrics.meanSquaredError(Matrix.zeros(0, 1), Matrix.zeros(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> RegressionMetrics.rSquared(null, TARGETS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }
}
