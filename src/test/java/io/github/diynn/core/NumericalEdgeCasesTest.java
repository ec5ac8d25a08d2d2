package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Activations at the edges of the double range: bounded, never NaN, and right where a closed form exists. */
class NumericalEdgeCasesTest {

    private static final double[] EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        0x0.8p-1022, -0x0.8p-1022, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 745.0, -745.0, 745.2, -745.2, 710.0, -710.0, 709.0, -709.0, 37.0, -37.0,
        36.0, -36.0, 1e-300, -1e-300, 1e300, -1e300,
    };

    @ParameterizedTest
    @ValueSource(doubles = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        745.0, -745.0, 710.0, -710.0, 37.0, -37.0,
    })
    void sigmoidStaysWithinZeroAndOneAndIsNeverNaN(double z) {
        double s = Activation.SIGMOID.apply(z);
        assertThat(s).isNotNaN().isBetween(0.0, 1.0);
        assertThat(Activation.SIGMOID.derivative(z)).isNotNaN().isBetween(0.0, 0.25);
    }

    @Test
    void sigmoidIsOneHalfAtBothZerosAndAtSubnormals() {
        for (double z : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 0x0.8p-1022}) {
            assertThat(Activation.SIGMOID.apply(z)).as("sigmoid(%s)", z).isEqualTo(0.5);
            assertThat(Activation.SIGMOID.derivative(z)).as("sigmoid'(%s)", z).isEqualTo(0.25);
        }
    }

    @Test
    void sigmoidOfMinus745IsTheSmallestPositiveDoubleNotZero() {
        // e^-745 = 2^-1074.5..., which rounds to the smallest subnormal; so does e^-745 / (1 + e^-745).
        assertThat(Activation.SIGMOID.apply(-745.0)).isPositive().isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void sigmoidSaturatesExactlyAtTheInfinitiesAndTheLargestDoubles() {
        assertThat(Activation.SIGMOID.apply(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Activation.SIGMOID.apply(Double.MAX_VALUE)).isEqualTo(1.0);
        assertThat(Activation.SIGMOID.apply(710.0)).isEqualTo(1.0);
        assertThat(Activation.SIGMOID.apply(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.apply(-Double.MAX_VALUE)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.apply(-746.0)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.derivative(Double.POSITIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.derivative(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
    }

    @Test
    void sigmoidAtMinus710AndMinus37MatchesItsClosedForm() {
        // sigmoid(z) = e^z / (1 + e^z); for z <= -37, 1 + e^z rounds to 1, so sigmoid(z) = e^z to 1 ulp.
        for (double z : new double[] {-37.0, -100.0, -710.0}) {
            double closedForm = StrictMath.exp(z);
            assertThat(Activation.SIGMOID.apply(z)).as("sigmoid(%s)", z)
                    .isCloseTo(closedForm, within(Math.ulp(closedForm)));
        }
        // 1 - sigmoid(37) = e^-37 / (1 + e^-37) = 8.53e-17, below half an ulp of 1: sigmoid(37) rounds to 1.
        assertThat(Activation.SIGMOID.apply(37.0)).isEqualTo(1.0);
        // 1 - e^-36 = 1 - 2.09 * 2^-53, nearest double 1 - 2^-52.
        assertThat(Activation.SIGMOID.apply(36.0)).isEqualTo(1.0 - 0x1p-52);
    }

    @Test
    void sigmoidIsSymmetricAboutOneHalfAcrossTheEdges() {
        for (double z : EDGES) {
            double sum = Activation.SIGMOID.apply(z) + Activation.SIGMOID.apply(-z);
            assertThat(sum).as("sigmoid(%s) + sigmoid(%s)", z, -z).isCloseTo(1.0, within(0x1p-52));
        }
    }

    @ParameterizedTest
    @MethodSource("io.github.diynn.core.Activations#elementwise")
    void everyElementwiseActivationAndDerivativeIsNeverNaNAtTheEdges(ElementwiseActivation activation) {
        for (double z : EDGES) {
            assertThat(activation.apply(z)).as("%s(%s)", activation, z).isNotNaN();
            assertThat(activation.derivative(z)).as("%s'(%s)", activation, z).isNotNaN();
        }
    }

    @Test
    void tanhStaysWithinMinusOneAndOneAndSaturatesExactly() {
        for (double z : EDGES) {
            assertThat(Activation.TANH.apply(z)).as("tanh(%s)", z).isBetween(-1.0, 1.0);
            assertThat(Activation.TANH.derivative(z)).as("tanh'(%s)", z).isBetween(0.0, 1.0);
        }
        assertThat(Activation.TANH.apply(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Activation.TANH.apply(-Double.MAX_VALUE)).isEqualTo(-1.0);
        assertThat(Activation.TANH.apply(-0.0)).isEqualTo(-0.0);
    }

    @Test
    void boundedActivationsKeepAHugeBatchFinite() {
        Matrix z = Matrix.of(1, 6, Double.MAX_VALUE, -Double.MAX_VALUE, 745, -745, Double.MIN_VALUE, 0.0);
        for (ElementwiseActivation activation : new ElementwiseActivation[] {Activation.SIGMOID, Activation.TANH}) {
            assertThat(activation.apply(z).isFinite()).as("%s", activation).isTrue();
            assertThat(activation.derivative(z).isFinite()).as("%s'", activation).isTrue();
        }
    }

    @Test
    void softmaxOfLargeLogitsIsFiniteAndSumsToOne() {
        Matrix a = Activation.SOFTMAX.apply(Matrix.of(new double[][] {
            {1000, 0, 0}, {123, 456, 789}, {-1000, 0, 1000}, {Double.MAX_VALUE, 0, -Double.MAX_VALUE},
            {-745, -745, -745}, {0, 0, 0}}));

        assertThat(a.isFinite()).isTrue();
        for (int i = 0; i < a.rows(); i++) {
            double sum = 0.0;
            for (double v : a.row(i)) {
                assertThat(v).isBetween(0.0, 1.0);
                sum += v;
            }
            assertThat(sum).as("row %d sums to 1", i).isCloseTo(1.0, within(1e-15));
        }
        // closed forms: e^-1000 underflows, so [1000, 0, 0] -> [1, 0, 0]; equal logits share evenly
        assertThat(a.row(0)).containsExactly(1.0, 0.0, 0.0);
        assertThat(a.row(4)).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
        // [123, 456, 789]: e^(456 - 789) = e^-333 = 2.4e-145 is the middle entry, to 1e-15 relative
        assertThat(a.get(1, 1)).isCloseTo(StrictMath.exp(-333), within(StrictMath.exp(-333) * 1e-15));
        assertThat(a.get(1, 2)).isEqualTo(1.0);
    }

    @Test
    void crossEntropyOfCertainPredictionsIsFinite() {
        Matrix targets = Matrix.of(new double[][] {{1, 0}, {0, 1}});
        // right and certain: loss 0; wrong and certain: ln of the floor, about 690.8 per sample
        assertThat(Loss.CROSS_ENTROPY.value(Matrix.of(new double[][] {{1, 0}, {0, 1}}), targets)).isEqualTo(0.0);
        double wrong = Loss.CROSS_ENTROPY.value(Matrix.of(new double[][] {{0, 1}, {1, 0}}), targets);
        assertThat(wrong).isFinite().isCloseTo(-StrictMath.log(Loss.PROBABILITY_FLOOR), within(1e-12));
        Matrix gradient = Loss.CROSS_ENTROPY.gradient(Matrix.of(new double[][] {{0, 1}, {1, 0}}), targets);
        assertThat(gradient.isFinite()).isTrue();
        // subnormal and tiny probabilities are clamped too
        double tiny = Loss.CROSS_ENTROPY.value(Matrix.of(new double[][] {{Double.MIN_VALUE, 1}, {1e-310, 1}}),
                targets);
        assertThat(tiny).isFinite();
    }

    @Test
    void squaredErrorOverflowIsReportedNamingTheEntryNotReturnedAsInfinity() {
        Matrix predictions = Matrix.columnVector(0.0, 1e200);
        Matrix targets = Matrix.columnVector(0.0, -1e200);
        for (Loss loss : new Loss[] {Loss.SUM_SQUARED_ERROR, Loss.MEAN_SQUARED_ERROR}) {
            assertThatThrownBy(() -> loss.value(predictions, targets)).isInstanceOf(ArithmeticException.class)
                    .hasMessageContainingAll(loss.name(), "overflowed", "row 1, column 0", "1.0E200", "-1.0E200");
        }
    }

    @Test
    void squaredErrorWhoseSumOverflowsIsReportedToo() {
        // each squared error is 1e308, finite; the sum of four is not
        Matrix predictions = Matrix.columnVector(1e154, 1e154, 1e154, 1e154);
        assertThatThrownBy(() -> Loss.SUM_SQUARED_ERROR.value(predictions, Matrix.zeros(4, 1)))
                .isInstanceOf(ArithmeticException.class).hasMessageContainingAll("sum", "4x1", "overflowed");
        // just below: the squares sum to 1.6e308, finite, and the loss 8e307 is returned
        double residual = Math.sqrt(8e307);
        double largest = Loss.SUM_SQUARED_ERROR.value(Matrix.columnVector(residual, residual), Matrix.zeros(2, 1));
        assertThat(largest).isFinite().isCloseTo(8e307, within(1e294));
    }

    @Test
    void lossRejectsNonFinitePredictionsNamingTheEntry() {
        Matrix overflowed = Matrix.columnVector(1.0, Double.MAX_VALUE).scale(2.0);
        assertThatThrownBy(() -> Loss.SUM_SQUARED_ERROR.value(overflowed, Matrix.zeros(2, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("predictions at row 1, column 0", "Infinity");
    }
}
