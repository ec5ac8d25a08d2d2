package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationTest {

    private static final double STEP = 1e-5;

    /** The central difference {@code (f(z + h) - f(z - h)) / 2h}, the oracle for every derivative. */
    private static double centralDifference(ElementwiseActivation activation, double z) {
        return (activation.apply(z + STEP) - activation.apply(z - STEP)) / (2 * STEP);
    }

    @ParameterizedTest
    @MethodSource("io.github.diynn.core.Activations#elementwise")
    void derivativeMatchesCentralDifferencesAtSeededPoints(ElementwiseActivation activation) {
        SplittableRandom random = new SplittableRandom(20_260_101L + Activations.ELEMENTWISE.indexOf(activation));
        for (int trial = 0; trial < 2000; trial++) {
            double z = random.nextDouble(-8.0, 8.0);
            if (Activations.nearKink(activation, z, 10 * STEP)) {
                continue; // the kink: no derivative there
            }
            // Central difference error: h^2 |f'''| / 6 plus rounding of order 1e-16 / h, well under 1e-9 here.
            assertThat(activation.derivative(z)).as("%s'(%s)", activation, z)
                    .isCloseTo(centralDifference(activation, z), within(1e-9));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.diynn.core.Activations#elementwise")
    void derivativeMatchesCentralDifferencesNearZero(ElementwiseActivation activation) {
        for (double z : new double[] {-1e-3, -1e-4, 1e-4, 1e-3, 0.5, -0.5}) {
            assertThat(activation.derivative(z)).as("%s'(%s)", activation, z)
                    .isCloseTo(centralDifference(activation, z), within(1e-9));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.diynn.core.Activations#elementwise")
    void matrixFormsApplyTheScalarFormsToEveryEntry(ElementwiseActivation activation) {
        Matrix z = Matrix.of(new double[][] {{-2, -0.5, 0}, {0.25, 1, 3}});
        Matrix values = activation.apply(z);
        Matrix derivatives = activation.derivative(z);
        assertThat(values).isEqualTo(z.map(activation::apply));
        assertThat(derivatives).isEqualTo(z.map(activation::derivative));
        assertThat(z).isEqualTo(Matrix.of(new double[][] {{-2, -0.5, 0}, {0.25, 1, 3}}));
    }

    @Test
    void everyActivationButSoftmaxIsElementwise() {
        // Keeps the list above honest: SOFTMAX is row-wise and has its own test class.
        assertThat(Activations.all().filter(activation -> !activation.isElementwise()))
                .containsExactly(Activation.SOFTMAX);
        assertThat(Activations.all().filter(activation -> activation instanceof ElementwiseActivation))
                .containsExactlyElementsOf(Activations.ELEMENTWISE);
    }

    @ParameterizedTest
    @MethodSource("io.github.diynn.core.Activations#all")
    void matrixFormsRejectNullNamingTheActivation(Activation activation) {
        assertThatThrownBy(() -> activation.apply((Matrix) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(activation.name()).hasMessageContaining("null");
        assertThatThrownBy(() -> activation.backward(null, Matrix.zeros(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(activation.name()).hasMessageContaining("null");
        if (activation instanceof ElementwiseActivation elementwise) {
            assertThatThrownBy(() -> elementwise.derivative((Matrix) null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(activation.name()).hasMessageContaining("null");
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.diynn.core.Activations#all")
    void everyMemberHonoursEveryPublicMethodOfItsType(Activation activation) throws ReflectiveOperationException {
        // A closed set whose member throws from a public method of its own type is the wrong type:
        // call every public instance method the member's declared types offer, with valid arguments.
        List<Class<?>> types = new ArrayList<>(List.of(Activation.class));
        if (activation instanceof ElementwiseActivation) {
            types.add(ElementwiseActivation.class);
        }
        int called = 0;
        for (Class<?> type : types) {
            for (Method method : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                Object[] arguments = new Object[method.getParameterCount()];
                for (int i = 0; i < arguments.length; i++) {
                    Class<?> parameter = method.getParameterTypes()[i];
                    arguments[i] = parameter == double.class ? (Object) 0.75
                            : parameter == Matrix.class ? Matrix.of(2, 2, -1.0, 0.5, 2.0, -3.0)
                            : null;
                }
                assertThat(arguments).as("%s takes only doubles and matrices", method).doesNotContainNull();
                method.invoke(activation, arguments); // an exception here fails the test
                called++;
            }
        }
        assertThat(called).as("public methods called on %s", activation)
                .isEqualTo(activation instanceof ElementwiseActivation ? 9 : 6);
    }

    // ----------------------------------------------------------------- leaky ReLU

    @Test
    void leakyReluIsTheIdentityAboveAndTheSlopeTimesTheInputBelow() {
        LeakyRelu leaky = Activation.leakyRelu(0.25);
        assertThat(leaky.slope()).isEqualTo(0.25);
        assertThat(leaky.apply(3.5)).isEqualTo(3.5);
        assertThat(leaky.apply(-2.0)).isEqualTo(-0.5);
        assertThat(leaky.apply(0.0)).isEqualTo(0.0);
        assertThat(leaky.derivative(3.5)).isEqualTo(1.0);
        assertThat(leaky.derivative(-2.0)).isEqualTo(0.25);
        assertThat(leaky.derivative(0.0)).isEqualTo(0.25);
        assertThat(leaky.name()).isEqualTo("LEAKY_RELU");
        assertThat(leaky).hasToString("LEAKY_RELU(0.25)");
        assertThat(Activation.leakyRelu().slope()).isEqualTo(0.01);
    }

    @Test
    void leakyReluOfSlopeZeroIsTheReluFunctionAndOfSlopeOneTheIdentity() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            double z = random.nextDouble(-5, 5);
            assertThat(Activation.leakyRelu(0.0).apply(z)).isEqualTo(Activation.RELU.apply(z));
            assertThat(Activation.leakyRelu(1.0).apply(z)).isEqualTo(z);
        }
    }

    @Test
    void leakyRelusAreEqualExactlyWhenTheirSlopesAre() {
        assertThat(Activation.leakyRelu(0.2)).isEqualTo(Activation.leakyRelu(0.2))
                .hasSameHashCodeAs(Activation.leakyRelu(0.2))
                .isNotEqualTo(Activation.leakyRelu(Math.nextUp(0.2)))
                .isNotEqualTo(Activation.RELU);
        assertThat(Activation.leakyRelu(0.0)).isNotEqualTo(Activation.RELU);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void leakyReluRejectsASlopeOutsideZeroToOneNamingIt(double slope) {
        assertThatThrownBy(() -> Activation.leakyRelu(slope)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slope").hasMessageContaining(String.valueOf(slope));
    }

    @Test
    void parameterlessActivationsHaveStableNamesAndHashCodes() {
        assertThat(Activations.PARAMETERLESS).extracting(Activation::name)
                .containsExactly("IDENTITY", "SIGMOID", "TANH", "RELU", "SOFTMAX");
        for (Activation activation : Activations.PARAMETERLESS) {
            assertThat(activation).hasToString(activation.name());
            assertThat(activation.hashCode()).isEqualTo(activation.name().hashCode());
        }
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

    /** Pre-activations of every kind: ordinary, large, past the exponential's edges, zeros, NaN, subnormal. */
    private static double[] preActivationsOfEveryKind(SplittableRandom random, int n) {
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -708.0,
            Math.nextDown(-708.0), 708.0, -709.5, -745.0, -746.0, 745.0, 37.0, -37.0, Double.MIN_VALUE,
            -Double.MIN_VALUE, 1e-300, -1e-300, Double.MAX_VALUE, -Double.MAX_VALUE};
        double[] z = new double[n];
        for (int r = 0; r < n; r++) {
            z[r] = switch (r % 5) {
                case 0 -> random.nextDouble(-12.0, 12.0);
                case 1 -> random.nextDouble(-800.0, 800.0);
                case 2 -> Double.longBitsToDouble(random.nextLong());
                case 3 -> special[random.nextInt(special.length)];
                default -> random.nextGaussian() * 3.0;
            };
        }
        return z;
    }

    @ParameterizedTest
    @CsvSource({
        // rows, columns, scratch length: one pass a row (columns >= 64), groups of short rows with and
        // without a last partial group, a scratch too small to group, a single row
        "2, 64, 64", "3, 150, 150", "2, 1000, 1000", "2, 65, 100",
        "10, 3, 8", "9, 3, 9", "256, 32, 2048", "7, 10, 2048", "5, 63, 100", "1, 32, 2048", "4, 1, 3"
    })
    void sigmoidWithScratchHasTheBitsOfApplyOnEveryKindOfArgument(int rows, int columns, int scratchLength) {
        SplittableRandom random = new SplittableRandom(1000L * rows + columns);
        double[][] z = new double[rows][];
        for (int i = 0; i < rows; i++) {
            z[i] = preActivationsOfEveryKind(random, columns);
        }
        double[][] a = new double[rows][columns];
        double[][] scratch = {new double[scratchLength], new double[scratchLength], new double[scratchLength]};
        Activation.SIGMOID.forwardRows(z, a, rows, columns, scratch);
        for (int i = 0; i < rows; i++) {
            for (int r = 0; r < columns; r++) {
                // doubleToLongBits: every NaN is one NaN (which NaN an operation returns is not specified)
                assertThat(Double.doubleToLongBits(a[i][r])).as("sigmoid(%s) at row %d", z[i][r], i)
                        .isEqualTo(Double.doubleToLongBits(Activation.SIGMOID.apply(z[i][r])));
            }
        }
    }

    @Test
    void sigmoidWithScratchKeepsTheBitsOfApplyOnceTheJitCompilesItsLoops() {
        // Thousands of calls on both paths (one pass a long row, groups of short rows), so that the
        // JIT compiles and vectorises the loops while the comparison goes on.
        SplittableRandom random = new SplittableRandom(77L);
        double[][] scratch = {new double[256], new double[256], new double[256]};
        long mismatches = 0;
        for (int call = 0; call < 3000; call++) {
            int columns = call % 2 == 0 ? 150 : 16;
            int rows = call % 2 == 0 ? 2 : 40;
            double[][] z = new double[rows][];
            for (int i = 0; i < rows; i++) {
                z[i] = preActivationsOfEveryKind(random, columns);
            }
            double[][] a = new double[rows][columns];
            Activation.SIGMOID.forwardRows(z, a, rows, columns, scratch);
            for (int i = 0; i < rows; i++) {
                for (int r = 0; r < columns; r++) {
                    if (Double.doubleToLongBits(a[i][r]) != Double.doubleToLongBits(Activation.SIGMOID.apply(z[i][r]))) {
                        mismatches++;
                    }
                }
            }
        }
        assertThat(mismatches).isZero();
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
