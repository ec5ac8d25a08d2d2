package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InitializerTest {

    @Test
    void defaultInitializerDrawsTheTutorialsStandardNormalsInOrder() {
        Network network = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);

        Random random = new Random(42);
        double[] expected = new double[2 * 3 + 3 + 3 + 1];
        int k = 0;
        for (int i = 0; i < 6; i++) {
            expected[k++] = random.nextGaussian();
        }
        k += 3; // first layer's biases stay 0
        for (int i = 0; i < 3; i++) {
            expected[k++] = random.nextGaussian();
        }
        assertThat(network.parameters()).containsExactly(expected);
        assertThat(Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY)
                .initializer(Initializer.STANDARD_NORMAL).build(42)).isEqualTo(network);
    }

    @ParameterizedTest
    @EnumSource(Initializer.class)
    void biasesStartAtZeroAndTheSameSeedGivesTheSameNetwork(Initializer initializer) {
        Network first = Network.builder(4).dense(5, Activation.RELU).dense(3, Activation.IDENTITY)
                .initializer(initializer).build(7);
        Network second = Network.builder(4).dense(5, Activation.RELU).dense(3, Activation.IDENTITY)
                .initializer(initializer).build(7);

        assertThat(second).isEqualTo(first);
        for (DenseLayer layer : first.layers()) {
            assertThat(layer.bias().toRowMajorArray()).containsOnly(0.0);
        }
    }

    @Test
    void xavierUniformStaysWithinItsLimitWithTheUniformVariance() {
        // U(-a, a) with a = sqrt(6 / (200 + 300)) has variance a^2 / 3 = 2 / 500.
        double limit = Math.sqrt(6.0 / 500);
        double[] w = Initializer.XAVIER_UNIFORM.weights(new Random(1), 200, 300).toRowMajorArray();

        assertThat(Arrays.stream(w).map(Math::abs).max().getAsDouble()).isLessThanOrEqualTo(limit);
        assertThat(variance(w)).isCloseTo(2.0 / 500, within(0.02 * 2.0 / 500));
        assertThat(mean(w)).isCloseTo(0.0, within(0.001));
    }

    @Test
    void xavierNormalHasVarianceTwoOverFanInPlusFanOut() {
        double[] w = Initializer.XAVIER_NORMAL.weights(new Random(2), 200, 300).toRowMajorArray();

        assertThat(variance(w)).isCloseTo(2.0 / 500, within(0.02 * 2.0 / 500));
    }

    @Test
    void heNormalHasVarianceTwoOverFanIn() {
        double[] w = Initializer.HE_NORMAL.weights(new Random(3), 200, 300).toRowMajorArray();

        assertThat(variance(w)).isCloseTo(2.0 / 200, within(0.02 * 2.0 / 200));
    }

    @Test
    void heUniformStaysWithinSqrtSixOverFanIn() {
        double limit = Math.sqrt(6.0 / 200);
        double[] w = Initializer.HE_UNIFORM.weights(new Random(4), 200, 300).toRowMajorArray();

        assertThat(Arrays.stream(w).map(Math::abs).max().getAsDouble()).isLessThanOrEqualTo(limit);
        assertThat(variance(w)).isCloseTo(2.0 / 200, within(0.02 * 2.0 / 200));
    }

    @Test
    void weightsRejectNonPositiveSizesAndNullGenerators() {
        assertThatThrownBy(() -> Initializer.HE_NORMAL.weights(new Random(1), 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HE_NORMAL").hasMessageContaining("0x3");
        assertThatThrownBy(() -> Initializer.HE_NORMAL.weights(null, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("random generator is null");
        assertThatThrownBy(() -> Network.builder(2).initializer(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initializer is null");
    }

    private static double mean(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        double mean = mean(values);
        double sum = 0.0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / values.length;
    }
}
