package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftmaxTest {

    private static final Activation SOFTMAX = Activation.SOFTMAX;

    private static double rowSum(Matrix m, int row) {
        double sum = 0.0;
        for (double v : m.row(row)) {
            sum += v;
        }
        return sum;
    }

    @Test
    void matchesTheUnshiftedFormulaOnModerateValues() {
        // softmax(1, 2, 3) = e^k / (e + e^2 + e^3), safe to evaluate unshifted at this size
        double total = Math.exp(1) + Math.exp(2) + Math.exp(3);

        Matrix a = SOFTMAX.apply(Matrix.rowVector(1, 2, 3));

        assertThat(a.row(0)).containsExactly(new double[] {Math.exp(1) / total, Math.exp(2) / total,
            Math.exp(3) / total}, within(1e-15));
    }

    @Test
    void staysFiniteAndSumsToOneForALargeLogit() {
        Matrix a = SOFTMAX.apply(Matrix.rowVector(1000, 0, 0));

        // e^-1000 underflows to 0, so the shifted form gives exactly (1, 0, 0)
        assertThat(a.row(0)).containsExactly(1.0, 0.0, 0.0);
        assertThat(a.isFinite()).isTrue();
        assertThat(rowSum(a, 0)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void staysFiniteAndSumsToOneForWidelySpreadLogits() {
        Matrix a = SOFTMAX.apply(Matrix.rowVector(123, 456, 789));

        // shifted by 789: (e^-666, e^-333, 1) / (1 + e^-333 + e^-666), and that sum rounds to 1
        assertThat(a.row(0)).containsExactly(StrictMath.exp(-666), StrictMath.exp(-333), 1.0);
        assertThat(a.isFinite()).isTrue();
        assertThat(rowSum(a, 0)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void staysFiniteForEqualVeryNegativeLogits() {
        Matrix a = SOFTMAX.apply(Matrix.rowVector(-1000, -1000));

        assertThat(a.row(0)).containsExactly(0.5, 0.5);
    }

    @Test
    void eachRowIsNormalisedOnItsOwnAndIsShiftInvariant() {
        Matrix z = Matrix.of(2, 3, 0.5, -1.0, 2.0, 10.0, 10.0, 10.0);

        Matrix a = SOFTMAX.apply(z);
        Matrix shifted = SOFTMAX.apply(z.map(v -> v + 3.0));

        assertThat(a.selectRows(0)).isEqualTo(SOFTMAX.apply(Matrix.rowVector(0.5, -1.0, 2.0)));
        assertThat(a.row(1)).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertThat(a.isCloseTo(shifted, 1e-15)).isTrue();
        assertThat(z).isEqualTo(Matrix.of(2, 3, 0.5, -1.0, 2.0, 10.0, 10.0, 10.0));
    }

    @Test
    void rowSumsAreOneWithin1e15OnRandomRows() {
        Random random = new Random(17);
        for (int trial = 0; trial < 1000; trial++) {
            double[] z = new double[1 + random.nextInt(10)];
            for (int j = 0; j < z.length; j++) {
                z[j] = random.nextGaussian() * 50;
            }

            Matrix a = SOFTMAX.apply(Matrix.rowVector(z));

            assertThat(rowSum(a, 0)).as("trial %d", trial).isCloseTo(1.0, within(1e-15));
            for (double v : a.row(0)) {
                assertThat(v).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void backwardMatchesCentralDifferencesOfAWeightedSumOfTheOutputs() {
        Random random = new Random(23);
        for (int trial = 0; trial < 100; trial++) {
            double[] z = new double[2 + random.nextInt(5)];
            double[] weights = new double[z.length];
            for (int j = 0; j < z.length; j++) {
                z[j] = random.nextGaussian() * 3;
                weights[j] = random.nextGaussian();
            }
            // J(z) = sum over j of weights[j] * softmax(z)[j], so dJ/da = weights
            double[] numeric = FiniteDifferences.central().gradient(point -> {
                double[] a = SOFTMAX.apply(Matrix.rowVector(point)).row(0);
                double sum = 0.0;
                for (int j = 0; j < a.length; j++) {
                    sum += weights[j] * a[j];
                }
                return sum;
            }, z);

            Matrix analytic = SOFTMAX.backward(Matrix.rowVector(z), Matrix.rowVector(weights));

            assertThat(analytic.row(0)).as("trial %d", trial).containsExactly(numeric, within(1e-9));
        }
    }

    @Test
    void rowsOfNoValuesGiveAnEmptySoftmax() {
        assertThat(SOFTMAX.apply(Matrix.zeros(3, 0))).isEqualTo(Matrix.zeros(3, 0));
        assertThat(SOFTMAX.backward(Matrix.zeros(3, 0), Matrix.zeros(3, 0))).isEqualTo(Matrix.zeros(3, 0));
    }

    @Test
    void isNotElementwiseSoItHasNoScalarForms() {
        // The type says it: softmax is not an ElementwiseActivation, so apply(double) and
        // derivative(double) do not exist for it (before 0.2 they threw UnsupportedOperationException).
        assertThat(SOFTMAX.isElementwise()).isFalse();
        assertThat((Object) SOFTMAX).isNotInstanceOf(ElementwiseActivation.class);
        assertThat(Activation.SIGMOID.isElementwise()).isTrue();
    }

    @Test
    void backwardRejectsMismatchedShapesNamingBoth() {
        assertThatThrownBy(() -> SOFTMAX.backward(Matrix.zeros(2, 3), Matrix.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3").hasMessageContaining("3x2");
        assertThatThrownBy(() -> SOFTMAX.backward(Matrix.zeros(2, 3), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> SOFTMAX.apply((Matrix) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOFTMAX");
    }

    @Test
    void elementwiseBackwardIsTheDerivativeTimesTheOutputGradient() {
        Matrix z = Matrix.of(2, 2, -2.0, -0.5, 0.5, 3.0);
        Matrix upstream = Matrix.of(2, 2, 1.0, -2.0, 0.25, 4.0);
        for (ElementwiseActivation activation : Activations.ELEMENTWISE) {
            assertThat(activation.backward(z, upstream))
                    .as("%s", activation)
                    .isEqualTo(activation.derivative(z).multiplyElements(upstream));
        }
    }

    @ParameterizedTest
    @CsvSource({"256, 10, 2048", "7, 10, 2048", "5, 3, 7", "9, 4, 8", "2, 1, 2048", "3, 10, 10", "1, 10, 2048", "20, 2, 8"})
    void rowsWithScratchHaveTheBitsOfForwardRowByRow(int rows, int columns, int scratchLength) {
        SplittableRandom random = new SplittableRandom(31L * rows + columns);
        double[][] z = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < columns; k++) {
                z[i][k] = i % 7 == 5 ? Double.NEGATIVE_INFINITY // a row of -Infinity: NaN everywhere
                        : i % 9 == 8 && k == 0 ? Double.POSITIVE_INFINITY // +Infinity - +Infinity: NaN
                        : switch ((i + k) % 7) {
                            case 0 -> random.nextDouble(-5.0, 5.0);
                            case 1 -> random.nextDouble(-800.0, 800.0); // differences past the exponential's edges
                            case 2 -> i % 4 == 3 ? Double.NEGATIVE_INFINITY : random.nextGaussian();
                            case 3 -> i % 5 == 4 && k == 3 ? Double.NaN : random.nextDouble(-40.0, 0.0);
                            case 4 -> Double.MIN_VALUE * random.nextInt(-1000, 1000); // subnormal
                            default -> random.nextGaussian() * 10.0;
                        };
            }
        }
        double[][] a = new double[rows][columns];
        double[][] scratch = {new double[scratchLength], new double[scratchLength], new double[scratchLength]};
        SOFTMAX.forwardRows(z, a, rows, columns, scratch);
        for (int i = 0; i < rows; i++) {
            double[] expected = new double[columns];
            SOFTMAX.forward(z[i], expected, 1, columns);
            for (int k = 0; k < columns; k++) {
                // doubleToLongBits: every NaN is one NaN (which NaN an operation returns is not specified)
                assertThat(Double.doubleToLongBits(a[i][k])).as("row %d, column %d", i, k)
                        .isEqualTo(Double.doubleToLongBits(expected[k]));
            }
        }
    }
}
