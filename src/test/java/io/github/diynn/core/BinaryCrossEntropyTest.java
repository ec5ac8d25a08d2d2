package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryCrossEntropyTest {

    private static final Loss BCE = Loss.BINARY_CROSS_ENTROPY;

    @Test
    void isMinusTheLogOfTheRightSidesProbabilityAveragedOverEveryEntry() {
        Matrix predictions = Matrix.columnVector(0.8, 0.3, 0.6);
        Matrix targets = Matrix.columnVector(1.0, 0.0, 0.0);
        // (-ln 0.8 - ln 0.7 - ln 0.4) / 3
        assertThat(BCE.value(predictions, targets))
                .isCloseTo((-Math.log(0.8) - Math.log(0.7) - Math.log(0.4)) / 3, within(1e-15));
        // Two outputs per sample: the mean runs over all 4 entries, as Keras' binary_crossentropy.
        Matrix two = Matrix.of(2, 2, 0.9, 0.2, 0.5, 0.75);
        Matrix twoTargets = Matrix.of(2, 2, 1.0, 0.0, 1.0, 0.5);
        double expected = (-Math.log(0.9) - Math.log(0.8) - Math.log(0.5)
                - 0.5 * Math.log(0.75) - 0.5 * Math.log(0.25)) / 4;
        assertThat(BCE.value(two, twoTargets)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void includesTheTermForClassZeroSoPredictingOneEverywhereIsPunished() {
        // The trap of categorical cross-entropy on one sigmoid column: -y ln p alone is minimised by
        // p = 1 everywhere. With the (1 - y) ln(1 - p) term, that guess costs the floor on every 0.
        Matrix targets = Matrix.columnVector(1.0, 0.0, 1.0, 0.0);
        double allOnes = BCE.value(Matrix.columnVector(1.0, 1.0, 1.0, 1.0), targets);
        double right = BCE.value(Matrix.columnVector(0.9, 0.1, 0.9, 0.1), targets);
        assertThat(Loss.CROSS_ENTROPY.value(Matrix.columnVector(1.0, 1.0, 1.0, 1.0), targets)).isZero();
        assertThat(allOnes).isCloseTo(-Math.log(Loss.PROBABILITY_FLOOR) / 2, within(1e-12));
        assertThat(right).isCloseTo(-Math.log(0.9), within(1e-15)).isLessThan(allOnes);
    }

    @Test
    void gradientMatchesCentralDifferencesOfTheValue() {
        SplittableRandom random = new SplittableRandom(17);
        for (int trial = 0; trial < 200; trial++) {
            double[] p = new double[6];
            double[] y = new double[6];
            for (int k = 0; k < p.length; k++) {
                p[k] = random.nextDouble(0.02, 0.98);
                y[k] = trial % 2 == 0 ? random.nextInt(2) : random.nextDouble();
            }
            Matrix predictions = Matrix.of(3, 2, p);
            Matrix targets = Matrix.of(3, 2, y);
            Matrix gradient = BCE.gradient(predictions, targets);
            for (int k = 0; k < p.length; k++) {
                double h = 1e-6;
                double[] up = p.clone();
                double[] down = p.clone();
                up[k] += h;
                down[k] -= h;
                double numeric = (BCE.value(Matrix.of(3, 2, up), targets) - BCE.value(Matrix.of(3, 2, down), targets))
                        / (2 * h);
                assertThat(gradient.get(k / 2, k % 2)).as("trial %d entry %d", trial, k)
                        .isCloseTo(numeric, within(1e-7));
            }
        }
    }

    @Test
    void aNetworksLossIsTakenFromTheLogitsSoACertainWrongAnswerKeepsItsSize() {
        // One sigmoid unit with weight 1 on input x: the logit is x. At x = 40 the sigmoid rounds to
        // exactly 1, so ln(1 - p) of the probability would hit the floor (690.8); from the logit the
        // loss of target 0 is 40 + ln(1 + e^-40), and the gradient a - y = 1 is exact.
        Network network = Network.of(DenseLayer.of(Matrix.of(1, 1, 1.0), Activation.SIGMOID));
        Matrix inputs = Matrix.columnVector(40.0, -3.0);
        Matrix targets = Matrix.columnVector(0.0, 0.0);
        double expected = (40.0 + Math.log1p(Math.exp(-40.0)) + Math.log1p(Math.exp(-3.0))) / 2;

        assertThat(network.loss(BCE, inputs, targets)).isCloseTo(expected, within(1e-14));
        assertThat(BCE.value(network.predict(inputs), targets)).isGreaterThan(300.0);
        LossAndGradient both = Backpropagation.instance().lossAndGradient(network, BCE, inputs, targets);
        assertThat(both.loss()).isEqualTo(network.loss(BCE, inputs, targets));
        // dJ/dw = sum of (a - y) x / n = (1 * 40 + sigmoid(-3) * -3) / 2
        double sigmoid = 1 / (1 + Math.exp(3.0));
        assertThat(both.gradient()[0]).isCloseTo((40.0 - 3.0 * sigmoid) / 2, within(1e-14));
    }

    @Test
    void logitLossAgreesWithTheProbabilityFormWhereBothAreAccurate() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 100; trial++) {
            Network network = GradientFixtures.network(new int[] {3, 4, 2}, Activation.TANH, Activation.SIGMOID, true,
                    trial);
            Matrix inputs = GradientFixtures.inputs(8, 3, trial);
            Matrix targets = GradientFixtures.binaryTargets(8, 2, trial, random.nextBoolean());
            assertThat(network.loss(BCE, inputs, targets)).as("trial %d", trial)
                    .isCloseTo(BCE.value(network.predict(inputs), targets), within(1e-13));
        }
    }

    @Test
    void fusedOutputStepEqualsTheLossGradientCarriedThroughTheSigmoid() {
        Matrix z = Matrix.of(2, 2, -2.0, 0.5, 3.0, -0.25);
        Matrix a = Activation.SIGMOID.apply(z);
        Matrix y = Matrix.of(2, 2, 1.0, 0.0, 0.25, 1.0);
        double[] fused = new double[4];
        BCE.outputDelta(Activation.SIGMOID, z.raw(), a.raw(), y.raw(), 2, 2, fused);
        Matrix chained = Activation.SIGMOID.backward(z, BCE.gradient(a, y));
        for (int k = 0; k < 4; k++) {
            assertThat(fused[k]).isCloseTo(chained.get(k / 2, k % 2), within(1e-15));
            assertThat(fused[k]).isCloseTo((a.get(k / 2, k % 2) - y.get(k / 2, k % 2)) / 4, within(0.0));
        }
    }

    @Test
    void rejectsPredictionsAndTargetsOutsideZeroToOneNamingThePlace() {
        assertThatThrownBy(() -> BCE.value(Matrix.columnVector(0.5, 1.5), Matrix.columnVector(0.0, 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("BINARY_CROSS_ENTROPY", "predictions in [0, 1]", "1.5", "row 1, column 0");
        assertThatThrownBy(() -> BCE.value(Matrix.columnVector(0.5, 0.5), Matrix.columnVector(0.0, 2.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("BINARY_CROSS_ENTROPY", "targets in [0, 1]", "2.0", "row 1, column 0");
        assertThatThrownBy(() -> BCE.gradient(Matrix.columnVector(-0.1), Matrix.columnVector(0.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
    }

    @Test
    void staysFiniteForProbabilitiesZeroAndOne() {
        Matrix targets = Matrix.columnVector(1.0, 0.0);
        assertThat(BCE.value(Matrix.columnVector(1.0, 0.0), targets)).isZero();
        assertThat(BCE.value(Matrix.columnVector(0.0, 1.0), targets))
                .isCloseTo(-Math.log(Loss.PROBABILITY_FLOOR), within(1e-12));
        assertThat(BCE.gradient(Matrix.columnVector(0.0, 1.0), targets).isFinite()).isTrue();
    }
}
