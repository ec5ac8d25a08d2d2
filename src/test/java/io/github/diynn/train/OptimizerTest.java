package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The first two steps of each optimizer against a hand computation of its published formulas, with
 * scripted gradients {@code g1 = (0.2, -3)} then {@code g2 = (-0.1, 1.5)} from {@code theta0 = (0.5, -1)}.
 */
class OptimizerTest {

    private static final double[] G1 = {0.2, -3.0};
    private static final double[] G2 = {-0.1, 1.5};

    /** Returns G1 on the first call and G2 on the second, whatever the network. */
    private static GradientSource scripted() {
        AtomicInteger calls = new AtomicInteger();
        return (network, loss, inputs, targets) -> (calls.getAndIncrement() == 0 ? G1 : G2).clone();
    }

    private static double[] twoSteps(Optimizer optimizer, double learningRate) {
        Network start = Network.builder(1).dense(2, Activation.IDENTITY).withoutBiases().build(1)
                .withParameters(new double[] {0.5, -1.0});
        return Trainer.builder()
                .optimizer(optimizer)
                .learningRate(learningRate)
                .epochs(2)
                .gradientSource(scripted())
                .build()
                .train(start, Matrix.of(1, 1, 1.0), Matrix.of(1, 2, 0.0, 0.0))
                .network().parameters();
    }

    @Test
    void adamFirstTwoStepsMatchThePapersFormulas() {
        double[] theta = twoSteps(Optimizer.adam(), 0.01);

        // Step 1: m = 0.1 g1, v = 0.001 g1^2, so mHat = g1 and vHat = g1^2.
        double first0 = 0.5 - 0.01 * 0.2 / (0.2 + 1e-8);
        double first1 = -1.0 - 0.01 * -3.0 / (3.0 + 1e-8);
        // Step 2: m = 0.9 * 0.1 g1 + 0.1 g2 = (0.008, -0.12), bias correction 1 - 0.9^2 = 0.19;
        // v = 0.999 * 0.001 g1^2 + 0.001 g2^2 = (4.996e-5, 0.011241), correction 1 - 0.999^2 = 0.001999.
        double second0 = first0 - 0.01 * (0.008 / 0.19) / (Math.sqrt(4.996e-5 / 0.001999) + 1e-8);
        double second1 = first1 - 0.01 * (-0.12 / 0.19) / (Math.sqrt(0.011241 / 0.001999) + 1e-8);
        assertThat(theta[0]).isCloseTo(second0, within(1e-15));
        assertThat(theta[1]).isCloseTo(second1, within(1e-15));
    }

    @Test
    void adamFirstStepMovesEachParameterByTheLearningRate() {
        Network start = Network.builder(1).dense(2, Activation.IDENTITY).withoutBiases().build(1)
                .withParameters(new double[] {0.5, -1.0});
        double[] theta = Trainer.builder().optimizer(Optimizer.adam()).learningRate(0.01).epochs(1)
                .gradientSource(scripted()).build()
                .train(start, Matrix.of(1, 1, 1.0), Matrix.of(1, 2, 0.0, 0.0)).network().parameters();

        assertThat(theta[0]).isCloseTo(0.49, within(1e-9));
        assertThat(theta[1]).isCloseTo(-0.99, within(1e-9));
    }

    @Test
    void momentumFirstTwoStepsAccumulateTheVelocity() {
        double[] theta = twoSteps(Optimizer.momentum(0.9), 0.1);

        // v1 = g1; v2 = 0.9 g1 + g2 = (0.08, -1.2).
        assertThat(theta[0]).isCloseTo(0.5 - 0.1 * 0.2 - 0.1 * 0.08, within(1e-15));
        assertThat(theta[1]).isCloseTo(-1.0 + 0.1 * 3.0 + 0.1 * 1.2, within(1e-15));
    }

    @Test
    void nesterovFirstTwoStepsLookAhead() {
        double[] theta = twoSteps(Optimizer.nesterov(0.9), 0.1);

        // Step 1: v1 = g1, direction g1 + 0.9 g1 = 1.9 g1.
        // Step 2: v2 = (0.08, -1.2), direction g2 + 0.9 v2 = (-0.028, 0.42).
        assertThat(theta[0]).isCloseTo(0.5 - 0.1 * 0.38 - 0.1 * -0.028, within(1e-15));
        assertThat(theta[1]).isCloseTo(-1.0 - 0.1 * -5.7 - 0.1 * 0.42, within(1e-15));
    }

    @Test
    void rmsPropFirstTwoStepsDivideByTheRunningRootMeanSquare() {
        double[] theta = twoSteps(Optimizer.rmsProp(0.9, 1e-8), 0.01);

        // s1 = 0.1 g1^2 = (0.004, 0.9); s2 = 0.9 s1 + 0.1 g2^2 = (0.0046, 1.035).
        double first0 = 0.5 - 0.01 * 0.2 / (Math.sqrt(0.004) + 1e-8);
        double first1 = -1.0 - 0.01 * -3.0 / (Math.sqrt(0.9) + 1e-8);
        assertThat(theta[0]).isCloseTo(first0 - 0.01 * -0.1 / (Math.sqrt(0.0046) + 1e-8), within(1e-15));
        assertThat(theta[1]).isCloseTo(first1 - 0.01 * 1.5 / (Math.sqrt(1.035) + 1e-8), within(1e-15));
    }

    @Test
    void gradientDescentStepsAgainstTheGradient() {
        double[] theta = twoSteps(Optimizer.gradientDescent(), 0.1);

        assertThat(theta[0]).isCloseTo(0.5 - 0.1 * 0.2 - 0.1 * -0.1, within(1e-15));
        assertThat(theta[1]).isCloseTo(-1.0 + 0.1 * 3.0 - 0.1 * 1.5, within(1e-15));
    }

    @Test
    void factoriesUseTheDocumentedDefaults() {
        assertThat(Optimizer.adam()).isEqualTo(new Optimizer.Adam(0.9, 0.999, 1e-8));
        assertThat(Optimizer.rmsProp()).isEqualTo(new Optimizer.RmsProp(0.9, 1e-8));
        assertThat(Optimizer.momentum()).isEqualTo(new Optimizer.Momentum(0.9));
        assertThat(Optimizer.nesterov()).isEqualTo(new Optimizer.Nesterov(0.9));
        assertThat(Optimizer.gradientDescent()).isEqualTo(new Optimizer.GradientDescent());
    }

    @Test
    void hyperparametersOutOfRangeAreRejectedByName() {
        assertThatThrownBy(() -> Optimizer.momentum(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("momentum beta").hasMessageContaining("1.0");
        assertThatThrownBy(() -> Optimizer.nesterov(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nesterov beta");
        assertThatThrownBy(() -> Optimizer.adam(0.9, 1.5, 1e-8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Adam beta2");
        assertThatThrownBy(() -> Optimizer.adam(0.9, 0.999, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Adam epsilon");
        assertThatThrownBy(() -> Optimizer.rmsProp(Double.NaN, 1e-8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RMSProp rho");
    }
}
