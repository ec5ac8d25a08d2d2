package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LossTest {

    // Residuals y - yhat are 0.5, 0 and -2: their squares add up to 0.25 + 0 + 4 = 4.25.
    private static final double[][] PREDICTIONS = {{1}, {2}, {3}};
    private static final double[][] TARGETS = {{1.5}, {2}, {1}};

    @Test
    void sumSquaredErrorIsHalfTheSumOfSquaredResiduals() {
        double loss = Loss.SUM_SQUARED_ERROR.value(Matrix.of(PREDICTIONS), Matrix.of(TARGETS));
        assertThat(loss).isEqualTo(2.125);
    }

    @Test
    void sumSquaredErrorIsTheTutorialsCost() {
        // The tutorial's cost(y_pred, y_actual) = 0.5 * np.sum((y_actual - y_pred)**2), worked by hand:
        // residuals 2 - 2.56 = -0.56 and 1 - 0.5 = 0.5 give 0.5 * (0.3136 + 0.25) = 0.2818.
        double loss = Loss.SUM_SQUARED_ERROR.value(Matrix.columnVector(2.56, 0.5), Matrix.columnVector(2, 1));
        assertThat(loss).isCloseTo(0.2818, within(1e-15));
    }

    @Test
    void sumSquaredErrorAddsOverEveryOutputNotJustTheFirstColumn() {
        Matrix predictions = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix targets = Matrix.of(new double[][] {{0, 2}, {5, 1}});
        // residuals -1, 0, 2, -3: squares 1 + 0 + 4 + 9 = 14, half of it 7
        assertThat(Loss.SUM_SQUARED_ERROR.value(predictions, targets)).isEqualTo(7.0);
        // mean over the 4 entries: 14 / 4
        assertThat(Loss.MEAN_SQUARED_ERROR.value(predictions, targets)).isEqualTo(3.5);
    }

    @Test
    void meanSquaredErrorIsTheSumOfSquaresOverTheCountOfEntries() {
        double loss = Loss.MEAN_SQUARED_ERROR.value(Matrix.of(PREDICTIONS), Matrix.of(TARGETS));
        assertThat(loss).isCloseTo(4.25 / 3, within(1e-15));
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"SUM_SQUARED_ERROR", "MEAN_SQUARED_ERROR"})
    void lossIsZeroForPerfectPredictions(Loss loss) {
        Matrix m = Matrix.of(new double[][] {{1, -2}, {3.5, 0}});
        assertThat(loss.value(m, m)).isEqualTo(0.0);
        assertThat(loss.gradient(m, m)).isEqualTo(Matrix.zeros(2, 2));
    }

    @Test
    void sumSquaredErrorGradientIsPredictionMinusTarget() {
        Matrix gradient = Loss.SUM_SQUARED_ERROR.gradient(Matrix.of(PREDICTIONS), Matrix.of(TARGETS));
        assertThat(gradient).isEqualTo(Matrix.columnVector(-0.5, 0, 2));
    }

    @Test
    void meanSquaredErrorGradientIsTwiceTheResidualOverTheCount() {
        Matrix gradient = Loss.MEAN_SQUARED_ERROR.gradient(Matrix.of(PREDICTIONS), Matrix.of(TARGETS));
        assertThat(gradient.isCloseTo(Matrix.columnVector(-1.0 / 3, 0, 4.0 / 3), 1e-15)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"SUM_SQUARED_ERROR", "MEAN_SQUARED_ERROR"})
    void gradientMatchesCentralDifferencesOnSeededBatches(Loss loss) {
        SplittableRandom random = new SplittableRandom(42 + loss.ordinal());
        for (int trial = 0; trial < 20; trial++) {
            int rows = 1 + random.nextInt(5);
            int columns = 1 + random.nextInt(3);
            Matrix predictions = randomMatrix(random, rows, columns);
            Matrix targets = randomMatrix(random, rows, columns);
            double[] gradient = loss.gradient(predictions, targets).toRowMajorArray();
            double[] p = predictions.toRowMajorArray();
            double step = 1e-5;
            for (int k = 0; k < p.length; k++) {
                double[] plus = p.clone();
                double[] minus = p.clone();
                plus[k] += step;
                minus[k] -= step;
                double estimate = (loss.value(Matrix.of(rows, columns, plus), targets)
                        - loss.value(Matrix.of(rows, columns, minus), targets)) / (2 * step);
                assertThat(gradient[k]).as("%s gradient entry %d of %s", loss, k, predictions.shape())
                        .isCloseTo(estimate, within(1e-8));
            }
        }
    }

    private static Matrix randomMatrix(SplittableRandom random, int rows, int columns) {
        double[] values = new double[rows * columns];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextDouble(-3, 3);
        }
        return Matrix.of(rows, columns, values);
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"SUM_SQUARED_ERROR", "MEAN_SQUARED_ERROR"})
    void lossLeavesItsArgumentsUnchanged(Loss loss) {
        Matrix predictions = Matrix.of(PREDICTIONS);
        Matrix targets = Matrix.of(TARGETS);
        loss.value(predictions, targets);
        loss.gradient(predictions, targets);
        assertThat(predictions).isEqualTo(Matrix.of(PREDICTIONS));
        assertThat(targets).isEqualTo(Matrix.of(TARGETS));
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void lossOfAnEmptyBatchIsZero(Loss loss) {
        assertThat(loss.value(Matrix.zeros(0, 1), Matrix.zeros(0, 1))).isEqualTo(0.0);
        assertThat(loss.gradient(Matrix.zeros(0, 1), Matrix.zeros(0, 1)).shape()).isEqualTo("0x1");
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void valueAndGradientRejectDifferentShapesNamingBoth(Loss loss) {
        Matrix predictions = Matrix.zeros(3, 1);
        Matrix targets = Matrix.zeros(3, 2);
        assertThatThrownBy(() -> loss.value(predictions, targets)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(loss.name() + ": predictions are 3x1 but targets are 3x2");
        assertThatThrownBy(() -> loss.gradient(predictions, targets)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(loss.name() + ": predictions are 3x1 but targets are 3x2");
        assertThatThrownBy(() -> loss.value(Matrix.zeros(2, 1), Matrix.zeros(3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x1").hasMessageContaining("3x1");
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void valueAndGradientRejectNullNamingTheOtherShape(Loss loss) {
        assertThatThrownBy(() -> loss.value(null, Matrix.zeros(3, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null and 3x1");
        assertThatThrownBy(() -> loss.gradient(Matrix.zeros(2, 1), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x1 and null");
    }

    @ParameterizedTest
    @EnumSource(value = Loss.class, names = {"SUM_SQUARED_ERROR", "MEAN_SQUARED_ERROR"})
    void gradientOverflowIsReportedWithItsPlaceNotReturnedAsInfinity(Loss loss) {
        // MAX_VALUE - (-MAX_VALUE) overflows; the entry before it is an ordinary residual.
        Matrix predictions = Matrix.of(new double[][] {{1.0, Double.MAX_VALUE}});
        Matrix targets = Matrix.of(new double[][] {{0.5, -Double.MAX_VALUE}});
        assertThatThrownBy(() -> loss.gradient(predictions, targets)).isInstanceOf(ArithmeticException.class)
                .hasMessage(loss.name() + " gradient overflows at row 0, column 1: prediction "
                        + Double.MAX_VALUE + ", target " + -Double.MAX_VALUE);
    }
}
