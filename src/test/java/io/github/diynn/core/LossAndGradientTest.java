package io.github.diynn.core;

import static io.github.diynn.core.GradientFixtures.ROWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fused pass {@link Backpropagation#lossAndGradient} against its two independent definitions:
 * {@link Network#loss} (a forward pass through the immutable matrix operations) and
 * {@link Backpropagation#gradient}, bit for bit.
 */
class LossAndGradientTest {

    private static final Backpropagation BACKPROP = Backpropagation.instance();

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }

    private static void assertSameBits(Network network, Loss loss, Matrix inputs, Matrix targets, long seed) {
        LossAndGradient both = BACKPROP.lossAndGradient(network, loss, inputs, targets);
        assertThat(Double.doubleToRawLongBits(both.loss())).as("seed %d: loss bits", seed)
                .isEqualTo(Double.doubleToRawLongBits(network.loss(loss, inputs, targets)));
        assertThat(bits(both.gradient())).as("seed %d: gradient bits", seed)
                .containsExactly(bits(BACKPROP.gradient(network, loss, inputs, targets)));
    }

    @ParameterizedTest(name = "hidden {0}")
    @ValueSource(strings = {"SIGMOID", "TANH", "RELU", "IDENTITY"})
    void squaredErrorLossAndGradientHaveTheBitsOfTheSeparateCalls(String hidden) {
        int[] sizes = {3, 5, 4, 2};
        for (long seed = 1; seed <= 20; seed++) {
            for (boolean biases : new boolean[] {true, false}) {
                Network network = GradientFixtures.network(sizes, Activations.named(hidden), Activation.IDENTITY,
                        biases, seed);
                Matrix inputs = GradientFixtures.inputs(ROWS, 3, seed);
                Matrix targets = GradientFixtures.regressionTargets(ROWS, 2, seed);
                assertSameBits(network, Loss.SUM_SQUARED_ERROR, inputs, targets, seed);
                assertSameBits(network, Loss.MEAN_SQUARED_ERROR, inputs, targets, seed);
            }
        }
    }

    @ParameterizedTest(name = "output {0}")
    @ValueSource(strings = {"SOFTMAX", "SIGMOID"})
    void crossEntropyLossAndGradientHaveTheBitsOfTheSeparateCalls(String output) {
        int[] sizes = {4, 8, 3};
        for (long seed = 1; seed <= 20; seed++) {
            for (boolean soft : new boolean[] {true, false}) {
                Network network = GradientFixtures.network(sizes, Activation.TANH, Activations.named(output), true,
                        seed);
                Matrix inputs = GradientFixtures.inputs(ROWS, 4, seed);
                Matrix targets = GradientFixtures.classTargets(ROWS, 3, seed, soft);
                assertSameBits(network, Loss.CROSS_ENTROPY, inputs, targets, seed);
            }
        }
    }

    @Test
    void theTutorialsNetworkGivesItsHandComputedLossAndGradient() {
        // yhat = w x with one weight w = 2, one sample x = 3, target 5: J = 1/2 (6 - 5)^2 = 0.5,
        // dJ/dw = (yhat - y) x = 3.
        Network network = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(1)
                .withParameters(new double[] {2.0});
        LossAndGradient both = BACKPROP.lossAndGradient(network, Loss.SUM_SQUARED_ERROR, Matrix.of(1, 1, 3.0),
                Matrix.of(1, 1, 5.0));
        assertThat(both.loss()).isEqualTo(0.5);
        assertThat(both.gradient()).containsExactly(3.0);
    }

    @ParameterizedTest(name = "weight {0}")
    @ValueSource(doubles = {1e300, 1e200})
    void anOverflowIsReportedWithTheExceptionAndMessageOfNetworkLoss(double weight) {
        // x = 1e10: w = 1e300 makes the prediction itself infinite; w = 1e200 gives a finite
        // prediction 1e210 whose squared error overflows inside the loss.
        Network network = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(1)
                .withParameters(new double[] {weight});
        Matrix inputs = Matrix.of(1, 1, 1e10);
        Matrix targets = Matrix.of(1, 1, 0.0);
        Throwable expected = catchThrowable(() -> network.loss(Loss.SUM_SQUARED_ERROR, inputs, targets));
        assertThat(expected).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> BACKPROP.lossAndGradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets))
                .isInstanceOf(ArithmeticException.class).hasMessage(expected.getMessage());
    }

    @Test
    void theGradientAccessorReturnsACopy() {
        LossAndGradient both = new LossAndGradient(1.0, new double[] {2.0, 3.0});
        both.gradient()[0] = 99.0;
        assertThat(both.gradient()).containsExactly(2.0, 3.0);
    }

    @Test
    void equalityIsExactOnTheLossAndEveryGradientBit() {
        LossAndGradient value = new LossAndGradient(1.0, new double[] {2.0, 3.0});
        assertThat(value).isEqualTo(new LossAndGradient(1.0, new double[] {2.0, 3.0}))
                .hasSameHashCodeAs(new LossAndGradient(1.0, new double[] {2.0, 3.0}))
                .isNotEqualTo(new LossAndGradient(1.0, new double[] {2.0, Math.nextUp(3.0)}))
                .isNotEqualTo(new LossAndGradient(Math.nextUp(1.0), new double[] {2.0, 3.0}))
                .isNotEqualTo(new LossAndGradient(1.0, new double[] {0.0, 2.0, 3.0}));
        assertThat(new LossAndGradient(1.0, new double[] {0.0})).isNotEqualTo(new LossAndGradient(1.0,
                new double[] {-0.0}));
        assertThat(value).hasToString("LossAndGradient[loss 1.0, 2 gradient entries]");
    }

    @Test
    void aBatchThatDoesNotFitIsRejectedWithBothShapes() {
        Network network = Network.builder(2).dense(1, Activation.IDENTITY).build(1);
        assertThatThrownBy(() -> BACKPROP.lossAndGradient(network, Loss.SUM_SQUARED_ERROR, Matrix.zeros(4, 3),
                Matrix.zeros(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x3");
        assertThatThrownBy(() -> BACKPROP.lossAndGradient(network, null, Matrix.zeros(4, 2), Matrix.zeros(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loss");
        assertThatThrownBy(() -> BACKPROP.lossAndGradient(null, Loss.SUM_SQUARED_ERROR, Matrix.zeros(4, 2),
                Matrix.zeros(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network");
    }

    @Test
    void aCrossEntropyTargetOutsideTheUnitIntervalIsRejectedAsByTheLoss() {
        Network network = Network.builder(2).dense(2, Activation.SOFTMAX).build(1);
        Matrix inputs = Matrix.zeros(2, 2);
        Matrix targets = Matrix.of(new double[][] {{1.0, 0.0}, {0.0, 2.0}});
        assertThatThrownBy(() -> BACKPROP.lossAndGradient(network, Loss.CROSS_ENTROPY, inputs, targets))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1, column 1");
    }
}
