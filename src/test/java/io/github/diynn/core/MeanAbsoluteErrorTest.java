package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MeanAbsoluteErrorTest {

    private static final Loss MAE = Loss.MEAN_ABSOLUTE_ERROR;

    @Test
    void isTheMeanOfTheAbsoluteResidualsOverEveryEntry() {
        Matrix predictions = Matrix.of(2, 2, 1.0, 2.0, 3.0, 4.0);
        Matrix targets = Matrix.of(2, 2, 1.5, 2.0, 1.0, 7.0);
        // (0.5 + 0 + 2 + 3) / 4
        assertThat(MAE.value(predictions, targets)).isEqualTo(1.375);
        assertThat(MAE.value(targets, targets)).isZero();
    }

    @Test
    void gradientIsTheSignOfTheResidualOverTheCountAndZeroAtTheKink() {
        Matrix gradient = MAE.gradient(Matrix.of(2, 2, 1.0, 2.0, 3.0, 4.0), Matrix.of(2, 2, 1.5, 2.0, 1.0, 7.0));
        assertThat(gradient).isEqualTo(Matrix.of(2, 2, -0.25, 0.0, 0.25, -0.25));
    }

    @Test
    void gradientMatchesCentralDifferencesAwayFromTheKink() {
        SplittableRandom random = new SplittableRandom(23);
        for (int trial = 0; trial < 200; trial++) {
            double[] p = new double[6];
            double[] y = new double[6];
            for (int k = 0; k < p.length; k++) {
                p[k] = random.nextDouble(-3, 3);
                y[k] = p[k] + (random.nextBoolean() ? 1 : -1) * random.nextDouble(0.01, 2);
            }
            Matrix targets = Matrix.of(2, 3, y);
            Matrix gradient = MAE.gradient(Matrix.of(2, 3, p), targets);
            for (int k = 0; k < p.length; k++) {
                double h = 1e-6;
                double[] up = p.clone();
                double[] down = p.clone();
                up[k] += h;
                down[k] -= h;
                double numeric = (MAE.value(Matrix.of(2, 3, up), targets) - MAE.value(Matrix.of(2, 3, down), targets))
                        / (2 * h);
                assertThat(gradient.get(k / 3, k % 3)).isCloseTo(numeric, within(1e-8));
            }
        }
    }

    @Test
    void anOverflowingErrorIsReportedWithItsPlace() {
        assertThatThrownBy(() -> MAE.value(Matrix.columnVector(0.0, Double.MAX_VALUE),
                Matrix.columnVector(0.0, -Double.MAX_VALUE)))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContainingAll("MEAN_ABSOLUTE_ERROR", "overflowed", "absolute error", "row 1, column 0");
    }
}
