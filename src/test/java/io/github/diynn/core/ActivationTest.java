package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationTest {

    private static final double STEP = 1e-5;

    /** The central difference {@code (f(z + h) - f(z - h)) / 2h}, the oracle for every derivative. */
    private static double centralDifference(Activation activation, double z) {
        return (activation.apply(z + STEP) - activation.apply(z - STEP)) / (2 * STEP);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE) // elementwise ones
    void derivativeMatchesCentralDifferencesAtSeededPoints(Activation activation) {
        SplittableRandom random = new SplittableRandom(20_260_101L + activation.ordinal());
        for (int trial = 0; trial < 2000; trial++) {
            double z = random.nextDouble(-8.0, 8.0);
            if (activation == Activation.RELU && Math.abs(z) < 10 * STEP) {
                continue; // the kink: no derivative there
            }
            // Central difference error: h^2 |f'''| / 6 plus rounding of order 1e-16 / h, well under 1e-9 here.
            assertThat(activation.derivative(z)).as("%s'(%s)", activation, z)
                    .isCloseTo(centralDifference(activation, z), within(1e-9));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE) // elementwise ones
    void derivativeMatchesCentralDifferencesNearZero(Activation activation) {
        for (double z : new double[] {-1e-3, -1e-4, 1e-4, 1e-3, 0.5, -0.5}) {
            assertThat(activation.derivative(z)).as("%s'(%s)", activation, z)
                    .isCloseTo(centralDifference(activation, z), within(1e-9));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE) // elementwise ones
    void matrixFormsApplyTheScalarFormsToEveryEntry(Activation activation) {
        Matrix z = Matrix.of(new double[][] {{-2, -0.5, 0}, {0.25, 1, 3}});
        Matrix values = activation.apply(z);
        Matrix derivatives = activation.derivative(z);
        assertThat(values).isEqualTo(z.map(activation::apply));
        assertThat(derivatives).isEqualTo(z.map(activation::derivative));
        assertThat(z).isEqualTo(Matrix.of(new double[][] {{-2, -0.5, 0}, {0.25, 1, 3}}));
    }

    @Test
    void everyActivationButSoftmaxIsElementwise() {
        // Keeps the exclusion above honest: SOFTMAX is row-wise and has its own test class.
        assertThat(Arrays.stream(Activation.values()).filter(activation -> !activation.isElementwise()))
                .containsExactly(Activation.SOFTMAX);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void matrixFormsRejectNullNamingTheActivation(Activation activation) {
        assertThatThrownBy(() -> activation.apply((Matrix) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(activation.name()).hasMessageContaining("null");
        assertThatThrownBy(() -> activation.derivative((Matrix) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(activation.name()).hasMessageContaining("null");
    }

    // ----------------------------------------------------------------- closed forms

    @Test
    void identityReturnsItsArgumentWithSlopeOne() {
        for (double z : new double[] {-3.5, 0, 2e10}) {
            assertThat(Activation.IDENTITY.apply(z)).isEqualTo(z);
            assertThat(Activation.IDENTITY.derivative(z)).isEqualTo(1.0);
        }
    }

    @Test
    void sigmoidMatchesClosedForms() {
        // sigma(0) = 1/2; sigma(ln 3) = 1 / (1 + 1/3) = 3/4; sigma(-ln 3) = 1/4.
        assertThat(Activation.SIGMOID.apply(0)).isEqualTo(0.5);
        assertThat(Activation.SIGMOID.apply(Math.log(3))).isCloseTo(0.75, within(1e-15));
        assertThat(Activation.SIGMOID.apply(-Math.log(3))).isCloseTo(0.25, within(1e-15));
        // sigma'(z) = sigma(z) (1 - sigma(z)): 1/4 at 0, 3/16 at +-ln 3.
        assertThat(Activation.SIGMOID.derivative(0)).isEqualTo(0.25);
        assertThat(Activation.SIGMOID.derivative(Math.log(3))).isCloseTo(3.0 / 16, within(1e-15));
        assertThat(Activation.SIGMOID.derivative(-Math.log(3))).isCloseTo(3.0 / 16, within(1e-15));
    }

    @Test
    void sigmoidAgreesWithTheTextbookFormulaWhereThatIsSafe() {
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 1000; trial++) {
            double z = random.nextDouble(-30, 30);
            assertThat(Activation.SIGMOID.apply(z)).as("sigmoid(%s)", z)
                    .isCloseTo(1.0 / (1.0 + Math.exp(-z)), within(1e-15));
        }
    }

    @Test
    void sigmoidIsSymmetric() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 1000; trial++) {
            double z = random.nextDouble(-40, 40);
            assertThat(Activation.SIGMOID.apply(z) + Activation.SIGMOID.apply(-z)).as("z = %s", z)
                    .isCloseTo(1.0, within(1e-15));
        }
    }

    @Test
    void tanhMatchesClosedForms() {
        // tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 3/5, so tanh'(ln 2) = 1 - 9/25 = 16/25.
        assertThat(Activation.TANH.apply(0)).isEqualTo(0.0);
        assertThat(Activation.TANH.apply(Math.log(2))).isCloseTo(0.6, within(1e-15));
        assertThat(Activation.TANH.apply(-Math.log(2))).isCloseTo(-0.6, within(1e-15));
        assertThat(Activation.TANH.derivative(0)).isEqualTo(1.0);
        assertThat(Activation.TANH.derivative(Math.log(2))).isCloseTo(16.0 / 25, within(1e-15));
        assertThat(Activation.TANH.apply(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Activation.TANH.derivative(1000)).isEqualTo(0.0);
    }

    @Test
    void reluIsZeroBelowAndTheIdentityAbove() {
        assertThat(Activation.RELU.apply(-2)).isEqualTo(0.0);
        assertThat(Activation.RELU.apply(0)).isEqualTo(0.0);
        assertThat(Activation.RELU.apply(3.5)).isEqualTo(3.5);
        assertThat(Activation.RELU.derivative(-2)).isEqualTo(0.0);
        assertThat(Activation.RELU.derivative(0)).isEqualTo(0.0);
        assertThat(Activation.RELU.derivative(3.5)).isEqualTo(1.0);
        assertThat(Activation.RELU.apply(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    }

    // ----------------------------------------------------------------- sigmoid stability

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL / 2,
        -Double.MIN_NORMAL / 2, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 745, -745, 746, -746, 710, -710, 709.8, -709.8, 37, -37, 1e-300, -1e-300})
    void sigmoidIsNeverNaNAndStaysWithinZeroAndOne(double z) {
        double value = Activation.SIGMOID.apply(z);
        double slope = Activation.SIGMOID.derivative(z);
        assertThat(value).as("sigmoid(%s)", z).isNotNaN().isBetween(0.0, 1.0);
        assertThat(slope).as("sigmoid'(%s)", z).isNotNaN().isBetween(0.0, 0.25);
    }

    @Test
    void sigmoidSaturatesToExactlyZeroAndOneAtTheInfinities() {
        assertThat(Activation.SIGMOID.apply(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Activation.SIGMOID.apply(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.apply(Double.MAX_VALUE)).isEqualTo(1.0);
        assertThat(Activation.SIGMOID.apply(-Double.MAX_VALUE)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.derivative(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.derivative(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    }

    @Test
    void sigmoidOfVeryNegativeArgumentsKeepsItsSubnormalTail() {
        // e^-745 is the smallest subnormal double, so sigma(-745) = e^-745 / (1 + e^-745) > 0,
        // where 1 / (1 + e^745) would give 1 / infinity = 0.
        assertThat(Activation.SIGMOID.apply(-745)).isPositive().isEqualTo(Math.exp(-745));
        // sigma(-710) ~ e^-710 = 4.47e-309 (a subnormal), where e^710 alone overflows.
        assertThat(Activation.SIGMOID.apply(-710)).isPositive().isCloseTo(Math.exp(-710), within(1e-320));
        // At -37, e^-37 = 8.5e-17 is below half an ulp of 1, yet the value keeps full relative precision.
        assertThat(Activation.SIGMOID.apply(-37) / Math.exp(-37)).isCloseTo(1.0, within(1e-15));
        assertThat(Activation.SIGMOID.apply(37)).isEqualTo(1.0);
    }

    @Test
    void sigmoidIsNondecreasingAcrossItsWholeRange() {
        double previous = Activation.SIGMOID.apply(Double.NEGATIVE_INFINITY);
        for (double z = -800; z <= 800; z += 0.5) {
            double value = Activation.SIGMOID.apply(z);
            assertThat(value).as("sigmoid(%s)", z).isGreaterThanOrEqualTo(previous);
            previous = value;
        }
    }

    @Test
    void sigmoidOfNegativeZeroIsOneHalf() {
        assertThat(Activation.SIGMOID.apply(-0.0)).isEqualTo(0.5);
        assertThat(Activation.SIGMOID.apply(Double.MIN_VALUE)).isEqualTo(0.5);
    }
}
