package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {

    private static final Loss CROSS_ENTROPY = Loss.CROSS_ENTROPY;

    @Test
    void isMinusTheLogOfTheTrueClassProbabilityAveragedOverSamples() {
        Matrix predictions = Matrix.of(2, 3, 0.7, 0.2, 0.1, 0.25, 0.25, 0.5);
        Matrix targets = Matrix.of(2, 3, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0);

        // (-ln 0.7 - ln 0.5) / 2, summed over classes, averaged over the 2 samples
        assertThat(CROSS_ENTROPY.value(predictions, targets))
                .isCloseTo((-Math.log(0.7) - Math.log(0.5)) / 2, within(1e-15));
    }

    @Test
    void acceptsProbabilityTargets() {
        Matrix predictions = Matrix.rowVector(0.5, 0.25, 0.25);
        Matrix targets = Matrix.rowVector(0.5, 0.5, 0.0);

        assertThat(CROSS_ENTROPY.value(predictions, targets))
                .isCloseTo(-0.5 * Math.log(0.5) - 0.5 * Math.log(0.25), within(1e-15));
    }

    @Test
    void aBatchOfRepeatedRowsHasTheLossOfOneRow() {
        Matrix one = Matrix.rowVector(0.6, 0.4);
        Matrix target = Matrix.rowVector(0.0, 1.0);

        double single = CROSS_ENTROPY.value(one, target);
        double repeated = CROSS_ENTROPY.value(one.selectRows(0, 0, 0, 0), target.selectRows(0, 0, 0, 0));

        assertThat(repeated).isCloseTo(single, within(1e-15));
    }

    @Test
    void staysFiniteForProbabilitiesZeroAndOne() {
        Matrix targets = Matrix.of(2, 2, 1.0, 0.0, 0.0, 1.0);

        double certainAndRight = CROSS_ENTROPY.value(Matrix.of(2, 2, 1.0, 0.0, 0.0, 1.0), targets);
        double certainAndWrong = CROSS_ENTROPY.value(Matrix.of(2, 2, 0.0, 1.0, 1.0, 0.0), targets);
        Matrix gradient = CROSS_ENTROPY.gradient(Matrix.of(2, 2, 0.0, 1.0, 1.0, 0.0), targets);

        assertThat(certainAndRight).isZero();
        // each sample costs -ln(1e-300), the floor
        assertThat(certainAndWrong).isFinite().isCloseTo(-Math.log(Loss.PROBABILITY_FLOOR), within(1e-12));
        assertThat(certainAndWrong).isCloseTo(690.7755278982137, within(1e-12));
        assertThat(gradient.isFinite()).isTrue();
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheValue() {
        Random random = new Random(29);
        for (int trial = 0; trial < 100; trial++) {
            int rows = 1 + random.nextInt(4);
            int columns = 2 + random.nextInt(3);
            double[] p = new double[rows * columns];
            double[] y = new double[rows * columns];
            for (int k = 0; k < p.length; k++) {
                p[k] = 0.2 + 0.8 * random.nextDouble(); // away from 0, where the third derivative grows as 1/p^3
                y[k] = random.nextDouble();
            }
            Matrix targets = Matrix.of(rows, columns, y);
            double[] numeric = FiniteDifferences.central().gradient(
                    point -> CROSS_ENTROPY.value(Matrix.of(rows, columns, point), targets), p);

            Matrix analytic = CROSS_ENTROPY.gradient(Matrix.of(rows, columns, p), targets);

            assertThat(analytic.toRowMajorArray()).as("trial %d", trial).containsExactly(numeric, within(1e-8));
        }
    }

    @Test
    void isFlatBelowTheProbabilityFloor() {
        Matrix targets = Matrix.rowVector(1.0, 0.0);

        Matrix gradient = CROSS_ENTROPY.gradient(Matrix.rowVector(1e-310, 1.0), targets);

        assertThat(gradient.row(0)).containsExactly(0.0, -0.0);
        assertThat(CROSS_ENTROPY.value(Matrix.rowVector(1e-310, 1.0), targets))
                .isEqualTo(CROSS_ENTROPY.value(Matrix.rowVector(0.0, 1.0), targets));
    }

    @Test
    void fusedSoftmaxStepEqualsTheLossGradientCarriedThroughSoftmax() {
        Random random = new Random(31);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + random.nextInt(4);
            int columns = 2 + random.nextInt(3);
            double[] z = new double[rows * columns];
            for (int k = 0; k < z.length; k++) {
                z[k] = random.nextGaussian() * (trial < 100 ? 3 : 400); // the second half clamps entries
            }
            Matrix zs = Matrix.of(rows, columns, z);
            Matrix a = Activation.SOFTMAX.apply(zs);
            Matrix targets = GradientFixtures.classTargets(rows, columns, trial, trial % 2 == 0);
            Matrix expected = Activation.SOFTMAX.backward(zs, CROSS_ENTROPY.gradient(a, targets));
            double[] fused = new double[z.length];

            Loss.crossEntropyThroughSoftmax(a.toRowMajorArray(), targets.toRowMajorArray(), rows, columns, fused);

            assertThat(fused).as("trial %d", trial).containsExactly(expected.toRowMajorArray(), within(1e-14));
        }
    }

    @Test
    void rejectsTargetsOutsideTheUnitIntervalNamingRowAndColumn() {
        Matrix predictions = Matrix.of(2, 2, 0.5, 0.5, 0.5, 0.5);

        assertThatThrownBy(() -> CROSS_ENTROPY.value(predictions, Matrix.of(2, 2, 1, 0, 0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2.0")
                .hasMessageContaining("row 1, column 1");
        assertThatThrownBy(() -> CROSS_ENTROPY.gradient(predictions, Matrix.of(2, 2, -0.1, 0, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1")
                .hasMessageContaining("row 0, column 0");
        assertThatThrownBy(() -> CROSS_ENTROPY.value(predictions, Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2").hasMessageContaining("2x3");
    }
}
