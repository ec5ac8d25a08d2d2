package io.github.diynn.core;

import static io.github.diynn.core.GradientFixtures.ROWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GradientCheckTest {

    private static final int SEEDS = 50;
    private static final GradientSource BACKPROP = GradientSource.backpropagation();

    static Stream<Arguments> architectures() {
        List<Arguments> out = new ArrayList<>();
        for (int[] sizes : new int[][] {{2, 3, 1}, {4, 5, 3}, {4, 8, 8, 3}}) {
            out.add(Arguments.of(GradientFixtures.describe(sizes), sizes));
        }
        return out.stream();
    }

    private static GradientCheckResult check(GradientSource source, Network network, Loss loss, long seed) {
        int[] sizes = sizesOf(network);
        Matrix inputs = GradientFixtures.inputs(ROWS, sizes[0], seed);
        Matrix targets = GradientFixtures.regressionTargets(ROWS, sizes[sizes.length - 1], seed);
        return GradientCheck.of(source).check(network, loss, inputs, targets);
    }

    private static int[] sizesOf(Network network) {
        int[] sizes = new int[network.layers().size() + 1];
        sizes[0] = network.inputSize();
        for (int l = 0; l < network.layers().size(); l++) {
            sizes[l + 1] = network.layers().get(l).outputSize();
        }
        return sizes;
    }

    /** Backpropagation with one entry of the result scaled by {@code factor}. */
    private static GradientSource scaling(int index, double factor) {
        return (network, loss, inputs, targets) -> {
            double[] gradient = BACKPROP.gradient(network, loss, inputs, targets);
            gradient[index] *= factor;
            return gradient;
        };
    }

    /** Backpropagation with two entries of the result swapped. */
    private static GradientSource swapping(int first, int second) {
        return (network, loss, inputs, targets) -> {
            double[] gradient = BACKPROP.gradient(network, loss, inputs, targets);
            double kept = gradient[first];
            gradient[first] = gradient[second];
            gradient[second] = kept;
            return gradient;
        };
    }

    private static int indexOf(Network network, int layer, ParameterLocation.Kind kind, int row, int column) {
        for (int i = 0; i < network.parameterCount(); i++) {
            ParameterLocation location = network.parameterLocation(i);
            if (location.layer() == layer && location.kind() == kind && location.row() == row
                    && location.column() == column) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such parameter");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void flagsOneBiasGradientATenthOfAPercentOffOnEverySeedAndNamesIt(String name, int[] sizes) {
        int last = sizes.length - 2;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Network network = GradientFixtures.network(sizes, Activation.SIGMOID, Activation.IDENTITY, true, seed);
            for (int layer : new int[] {0, last}) {
                int index = indexOf(network, layer, ParameterLocation.Kind.BIAS, 0, 0);

                GradientCheckResult result = check(scaling(index, 1.001), network, Loss.SUM_SQUARED_ERROR, seed);

                assertThat(result.passed()).as("seed %d layer %d", seed, layer).isFalse();
                assertThat(result.failures()).as("seed %d layer %d", seed, layer)
                        .extracting(GradientMismatch::location)
                        .containsExactly(network.parameterLocation(index));
                assertThat(result.report()).contains("layer " + layer + " bias[0] (parameter " + index + ")");
            }
            assertThat(check(BACKPROP, network, Loss.SUM_SQUARED_ERROR, seed).passed()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void flagsADroppedActivationDerivativeOnEverySeedInTheRightLayers(String name, int[] sizes) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Network network = GradientFixtures.network(sizes, Activation.SIGMOID, Activation.IDENTITY, true, seed);
            for (int hidden = 0; hidden < sizes.length - 2; hidden++) {
                int dropped = hidden;
                GradientCheckResult result = check(ReferenceBackprop.withoutDerivativeOfLayer(dropped), network,
                        Loss.MEAN_SQUARED_ERROR, seed);

                assertThat(result.passed()).as("seed %d layer %d", seed, dropped).isFalse();
                assertThat(result.failures()).extracting(failure -> failure.location().layer())
                        .as("seed %d: only layers up to %d are affected", seed, dropped)
                        .allMatch(layer -> layer <= dropped)
                        .contains(dropped);
                assertThat(result.report()).contains("layer " + dropped + " weight[");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void flagsTanhDerivativeComputedAsOneMinusYSquaredOnEverySeed(String name, int[] sizes) {
        int lastTanh = sizes.length - 3;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Network network = GradientFixtures.network(sizes, Activation.TANH, Activation.IDENTITY, false, seed);

            GradientCheckResult result = check(ReferenceBackprop.withTanhPrimeAsOneMinusYSquared(), network,
                    Loss.SUM_SQUARED_ERROR, seed);

            assertThat(result.passed()).as("seed %d", seed).isFalse();
            assertThat(result.failures()).extracting(failure -> failure.location().layer())
                    .as("seed %d: the output layer is linear and unaffected", seed)
                    .allMatch(layer -> layer <= lastTanh)
                    .contains(lastTanh);
            assertThat(ReferenceBackprop.correct().gradient(network, Loss.SUM_SQUARED_ERROR,
                    GradientFixtures.inputs(ROWS, sizes[0], seed),
                    GradientFixtures.regressionTargets(ROWS, sizes[sizes.length - 1], seed)))
                    .as("the reference without the fault agrees with backpropagation")
                    .containsExactly(BACKPROP.gradient(network, Loss.SUM_SQUARED_ERROR,
                            GradientFixtures.inputs(ROWS, sizes[0], seed),
                            GradientFixtures.regressionTargets(ROWS, sizes[sizes.length - 1], seed)),
                            within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void flagsTwoSwappedWeightGradientsOnEverySeedAndNamesBoth(String name, int[] sizes) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Network network = GradientFixtures.network(sizes, Activation.SIGMOID, Activation.IDENTITY, false, seed);
            int first = indexOf(network, 0, ParameterLocation.Kind.WEIGHT, 0, 0);
            int second = indexOf(network, 0, ParameterLocation.Kind.WEIGHT, 1, 2);

            GradientCheckResult result = check(swapping(first, second), network, Loss.SUM_SQUARED_ERROR, seed);

            assertThat(result.passed()).as("seed %d", seed).isFalse();
            assertThat(result.failures()).extracting(GradientMismatch::location)
                    .containsExactly(network.parameterLocation(first), network.parameterLocation(second));
            assertThat(result.report()).contains("layer 0 weight[0][0] (parameter " + first + ")",
                    "layer 0 weight[1][2] (parameter " + second + ")");
        }
    }

    // J = 1/2 w^2 for a single linear weight, input 1 and target 0: the exact derivative is w, and
    // central differences of a quadratic are exact up to rounding.
    private static final Matrix ONE = Matrix.of(1, 1, 1.0);
    private static final Matrix ZERO = Matrix.of(1, 1, 0.0);

    private static Network singleWeight(double w) {
        return Network.of(DenseLayer.of(Matrix.of(1, 1, w), Activation.IDENTITY));
    }

    private static GradientSource constant(double... gradient) {
        return (network, loss, inputs, targets) -> gradient.clone();
    }

    @Test
    void aSmallRelativeErrorOnALargeDerivativePasses() {
        // |a - n| = 2e-8 > 1e-8, but relative 2e-8 <= 1e-5
        GradientCheckResult result = GradientCheck.of(constant(1.0 + 2e-8))
                .check(singleWeight(1.0), Loss.SUM_SQUARED_ERROR, ONE, ZERO);

        assertThat(result.failures()).isEmpty();
        assertThat(result.normError()).isBetween(0.9e-8, 1.1e-8);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aLargeRelativeErrorOnASmallDerivativeFailsWhenTheAbsoluteErrorAlsoExceedsItsThreshold() {
        GradientCheckResult result = GradientCheck.of(constant(1.5e-6))
                .check(singleWeight(1e-6), Loss.SUM_SQUARED_ERROR, ONE, ZERO);

        assertThat(result.passed()).isFalse();
        GradientMismatch failure = result.failures().get(0);
        assertThat(failure.location()).isEqualTo(new ParameterLocation(0, 0, ParameterLocation.Kind.WEIGHT, 0, 0));
        assertThat(failure.analytic()).isEqualTo(1.5e-6);
        assertThat(failure.numeric()).isCloseTo(1e-6, within(1e-15));
        assertThat(failure.absoluteError()).isCloseTo(5e-7, within(1e-15));
        assertThat(failure.relativeError()).isCloseTo(1.0 / 3.0, within(1e-8));
        assertThat(failure.step()).isEqualTo(1e-5);
    }

    @Test
    void anAbsoluteErrorBelowItsThresholdForgivesTheParameterButNotTheNormRule() {
        // |a - n| = 1e-9 <= 1e-8, relative 0.5; the norm error 1e-9 / 3e-9 fails the whole gradient
        GradientCheckResult result = GradientCheck.of(constant(2e-9))
                .check(singleWeight(1e-9), Loss.SUM_SQUARED_ERROR, ONE, ZERO);

        assertThat(result.failures()).isEmpty();
        assertThat(result.normError()).isCloseTo(1.0 / 3.0, within(1e-6));
        assertThat(result.passed()).isFalse();
        assertThat(result.report()).startsWith("Gradient check FAILED: 0 of 1 parameters failed; norm error 3.333e-01");
    }

    @Test
    void thresholdsAreParameters() {
        GradientCheck strict = GradientCheck.of(constant(1.0 + 2e-8)).withRelativeTolerance(1e-9);
        GradientCheck loose = GradientCheck.of(constant(1.5e-6)).withAbsoluteTolerance(1e-6)
                .withNormTolerance(0.5);

        assertThat(strict.check(singleWeight(1.0), Loss.SUM_SQUARED_ERROR, ONE, ZERO).passed()).isFalse();
        assertThat(loose.check(singleWeight(1e-6), Loss.SUM_SQUARED_ERROR, ONE, ZERO).passed()).isTrue();
        assertThat(GradientCheck.of(BACKPROP).withStep(1e-4).step()).isEqualTo(1e-4);
        GradientCheck defaults = GradientCheck.of(BACKPROP);
        assertThat(defaults.step()).isEqualTo(1e-5);
        assertThat(defaults.absoluteTolerance()).isEqualTo(1e-8);
        assertThat(defaults.relativeTolerance()).isEqualTo(1e-5);
        assertThat(defaults.normTolerance()).isEqualTo(1e-7);
        assertThat(defaults.analytic()).isSameAs(BACKPROP);
    }

    @Test
    void twoZeroGradientsPassWithANormErrorOfZero() {
        GradientCheckResult result = GradientCheck.of(constant(0.0))
                .check(singleWeight(0.0), Loss.SUM_SQUARED_ERROR, ONE, ZERO);

        assertThat(result.numericGradient()).containsExactly(0.0);
        assertThat(result.normError()).isZero();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aNanOrInfiniteAnalyticDerivativeAlwaysFails() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            GradientCheckResult result = GradientCheck.of(constant(bad))
                    .check(singleWeight(0.5), Loss.SUM_SQUARED_ERROR, ONE, ZERO);

            assertThat(result.passed()).as("%s", bad).isFalse();
            assertThat(result.failures()).hasSize(1);
            assertThat(result.report()).contains("analytic " + (Double.isNaN(bad) ? "NaN" : "Infinity"));
        }
    }

    @Test
    void assertPassesThrowsAnAssertionErrorCarryingTheReport() {
        GradientCheckResult failed = GradientCheck.of(constant(1.5e-6))
                .check(singleWeight(1e-6), Loss.SUM_SQUARED_ERROR, ONE, ZERO);
        GradientCheckResult passed = GradientCheck.of(BACKPROP)
                .check(singleWeight(0.25), Loss.SUM_SQUARED_ERROR, ONE, ZERO);

        assertThatThrownBy(failed::assertPasses).isInstanceOf(AssertionError.class).hasMessage(failed.report());
        assertThatCode(passed::assertPasses).doesNotThrowAnyException();
    }

    @Test
    void reportStatesVerdictSubjectRuleAndOneLinePerFailure() {
        GradientCheckResult result = GradientCheck.of(constant(1.5e-6))
                .check(singleWeight(1e-6), Loss.SUM_SQUARED_ERROR, ONE, ZERO);

        assertThat(result.report().split("\n")).containsExactly(
                "Gradient check FAILED: 1 of 1 parameters failed; norm error 2.000e-01 (limit 1.0e-07)",
                "Checked: Network 1 -> 1 IDENTITY (1 parameters, no biases), SUM_SQUARED_ERROR, 1 samples,"
                        + " gradient from " + result.check().analytic(),
                "Rule: a parameter fails when |a - n| > 1.0e-08 and |a - n| / max(|a|, |n|) > 1.0e-05;"
                        + " n by central differences, step 1.0e-05",
                "  layer 0 weight[0][0] (parameter 0): analytic 1.500000000000e-06, numeric "
                        + String.format(java.util.Locale.ROOT, "%.12e", result.numericGradient()[0])
                        + ", |a - n| 5.000e-07, relative 3.333e-01, step 1.0e-05");
        assertThat(result).hasToString(result.report().split("\n")[0]);
    }

    @Test
    void reportListsAtMostFiftyFailuresAndCountsTheRest() {
        Network network = GradientFixtures.network(new int[] {4, 8, 8, 3}, Activation.TANH, Activation.IDENTITY,
                true, 1);
        GradientSource doubled = (net, loss, inputs, targets) -> {
            double[] gradient = BACKPROP.gradient(net, loss, inputs, targets);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = 2 * gradient[i] + 1;
            }
            return gradient;
        };

        GradientCheckResult result = check(doubled, network, Loss.SUM_SQUARED_ERROR, 1);

        assertThat(result.failures()).hasSize(network.parameterCount());
        assertThat(result.report().split("\n")).hasSize(3 + 50 + 1);
        assertThat(result.report()).endsWith("  ... and " + (network.parameterCount() - 50) + " more");
    }

    @Test
    void resultIsImmutable() {
        GradientCheckResult result = GradientCheck.of(BACKPROP)
                .check(singleWeight(0.25), Loss.SUM_SQUARED_ERROR, ONE, ZERO);

        result.analyticGradient()[0] = 99;
        result.numericGradient()[0] = 99;

        assertThat(result.analyticGradient()).containsExactly(0.25);
        assertThat(result.numericGradient()[0]).isNotEqualTo(99);
        assertThatThrownBy(() -> result.failures().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsBadConfigurationNamingTheValue() {
        GradientCheck check = GradientCheck.of(BACKPROP);

        assertThatThrownBy(() -> GradientCheck.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> check.withStep(0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> check.withAbsoluteTolerance(-1e-8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.0E-8");
        assertThatThrownBy(() -> check.withRelativeTolerance(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> check.withNormTolerance(0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> check.check(singleWeight(1), Loss.SUM_SQUARED_ERROR, Matrix.zeros(2, 3), ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3");
    }

    @Test
    void aStepThatVanishesAgainstAParameterIsRefusedNamingItsIndex() {
        // 1e12 + 1e-5 == 1e12 in double precision: no central difference can be taken there.
        GradientCheck check = GradientCheck.of(BACKPROP);

        assertThatThrownBy(() -> check.check(singleWeight(1e12), Loss.SUM_SQUARED_ERROR, ONE, ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coordinate 0 = 1.0E12");
    }

    @Test
    void rejectsAnAnalyticSourceThatReturnsTheWrongLength() {
        GradientCheck check = GradientCheck.of(constant(1.0, 2.0));

        assertThatThrownBy(() -> check.check(singleWeight(1), Loss.SUM_SQUARED_ERROR, ONE, ZERO))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 values for 1 parameters");
    }
}
