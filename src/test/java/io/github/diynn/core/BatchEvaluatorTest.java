package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchEvaluatorTest {

    private static final int[] SIZES = {4, 6, 5, 3};

    private static Network network(long seed, Activation output) {
        return GradientFixtures.network(SIZES, Activation.TANH, output, true, seed);
    }

    @Test
    void lossAndGradientAtAnyParametersHaveTheBitsOfTheNetworkBuiltFromThem() {
        Object[][] cases = {
            {Activation.IDENTITY, Loss.SUM_SQUARED_ERROR}, {Activation.SOFTMAX, Loss.CROSS_ENTROPY},
            {Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY}, {Activation.leakyRelu(), Loss.MEAN_ABSOLUTE_ERROR},
        };
        for (Object[] pair : cases) {
            Activation output = (Activation) pair[0];
            Loss loss = (Loss) pair[1];
            BatchEvaluator evaluator = BatchEvaluator.of(network(1, output), loss, 20);
            for (long seed = 1; seed <= 10; seed++) {
                Network network = network(seed, output);
                double[] theta = GradientFixtures.shifted(network.parameters(), seed);
                Network moved = network.withParameters(theta);
                int rows = 1 + (int) (seed * 7 % 20);
                Matrix inputs = GradientFixtures.inputs(rows, 4, seed);
                Matrix targets = loss == Loss.CROSS_ENTROPY ? GradientFixtures.classTargets(rows, 3, seed, true)
                        : loss == Loss.BINARY_CROSS_ENTROPY ? GradientFixtures.binaryTargets(rows, 3, seed, false)
                        : GradientFixtures.regressionTargets(rows, 3, seed);
                double[] thetaBefore = theta.clone();
                double[] x = inputs.raw().clone();
                double[] gradient = new double[theta.length];
                double value = evaluator.lossAndGradient(theta, x, targets.raw(), rows, gradient);

                LossAndGradient expected = Backpropagation.instance().lossAndGradient(moved, loss, inputs, targets);
                assertThat(Double.doubleToLongBits(value)).as("%s seed %d", loss, seed)
                        .isEqualTo(Double.doubleToLongBits(expected.loss()));
                assertThat(Arrays.equals(gradient, expected.gradient())).as("%s seed %d", loss, seed).isTrue();
                assertThat(evaluator.loss(theta, x, targets.raw(), rows)).isEqualTo(moved.loss(loss, inputs, targets));
                double[] outputs = new double[rows * 3];
                evaluator.predict(theta, x, rows, outputs);
                assertThat(Arrays.equals(outputs, moved.predict(inputs).raw())).isTrue();
                assertThat(theta).isEqualTo(thetaBefore);
                assertThat(x).isEqualTo(inputs.raw());
            }
        }
    }

    @Test
    void aSmallBatchAfterALargeOneIsNotTouchedByWhatTheBuffersHeld() {
        Network network = network(3, Activation.IDENTITY);
        double[] theta = network.parameters();
        BatchEvaluator used = BatchEvaluator.of(network, Loss.MEAN_SQUARED_ERROR, 50);
        Matrix large = GradientFixtures.inputs(50, 4, 9);
        used.lossAndGradient(theta, large.raw(), GradientFixtures.regressionTargets(50, 3, 9).raw(), 50,
                new double[theta.length]);
        Matrix small = GradientFixtures.inputs(3, 4, 10);
        Matrix targets = GradientFixtures.regressionTargets(3, 3, 10);
        double[] reused = new double[theta.length];
        double[] fresh = new double[theta.length];
        double a = used.lossAndGradient(theta, small.raw(), targets.raw(), 3, reused);
        double b = BatchEvaluator.of(network, Loss.MEAN_SQUARED_ERROR, 3).lossAndGradient(theta, small.raw(),
                targets.raw(), 3, fresh);
        assertThat(a).isEqualTo(b);
        assertThat(reused).isEqualTo(fresh);
    }

    @Test
    void rejectsABadBatchNamingTheLengthsAndTheCapacity() {
        Network network = network(1, Activation.IDENTITY);
        BatchEvaluator evaluator = BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, 4);
        double[] theta = network.parameters();
        double[] x = new double[16];
        double[] y = new double[12];
        assertThatThrownBy(() -> evaluator.loss(theta, x, y, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("5 rows", "[1, 4]");
        assertThatThrownBy(() -> evaluator.loss(theta, x, y, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 rows");
        assertThatThrownBy(() -> evaluator.loss(new double[3], x, y, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("parameters", "3 values", "needs " + theta.length);
        assertThatThrownBy(() -> evaluator.loss(theta, new double[15], y, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("inputs", "15", "16");
        assertThatThrownBy(() -> evaluator.lossAndGradient(theta, x, y, 4, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("gradient", "null");
        assertThatThrownBy(() -> evaluator.predict(theta, x, 4, new double[11]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("outputs", "11", "12");
        assertThatThrownBy(() -> BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
        assertThatThrownBy(() -> BatchEvaluator.of(null, Loss.SUM_SQUARED_ERROR, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void anOverflowingOutputIsReportedNotReturned() {
        Network network = Network.of(DenseLayer.of(Matrix.of(1, 1, 1e300), Activation.IDENTITY));
        BatchEvaluator evaluator = BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, 2);
        assertThatThrownBy(() -> evaluator.loss(network.parameters(), new double[] {1.0, 1e10},
                new double[] {0.0, 0.0}, 2))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContainingAll("prediction overflowed", "output 0 of sample 1", "Infinity");
        assertThatThrownBy(() -> evaluator.loss(network.parameters(), new double[] {1.0, 1.0},
                new double[] {-1e300, 0.0}, 2))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContainingAll("SUM_SQUARED_ERROR overflowed", "row 0, column 0");
    }
}
