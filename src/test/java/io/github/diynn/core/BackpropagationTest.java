package io.github.diynn.core;

import static io.github.diynn.core.GradientFixtures.ROWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BackpropagationTest {

    private static final int SEEDS = 50;
    private static final GradientSource BACKPROP = GradientSource.backpropagation();
    private static final GradientCheck CHECK = GradientCheck.of(BACKPROP);

    private static final int[][] ARCHITECTURES = {{2, 3, 1}, {4, 5, 3}, {4, 8, 8, 3}};

    /** Regression: every architecture, activation pair, squared-error loss and bias setting. */
    static Stream<Arguments> regressionConfigurations() {
        Activation[][] pairs = {
            {Activation.SIGMOID, Activation.SIGMOID},
            {Activation.TANH, Activation.TANH},
            {Activation.IDENTITY, Activation.IDENTITY},
            {Activation.SIGMOID, Activation.IDENTITY},
            {Activation.RELU, Activation.IDENTITY},
            {Activation.leakyRelu(0.1), Activation.IDENTITY},
            {Activation.TANH, Activation.leakyRelu()},
            {Activation.TANH, Activation.SOFTMAX},
        };
        List<Arguments> out = new ArrayList<>();
        for (int[] sizes : ARCHITECTURES) {
            for (Activation[] pair : pairs) {
                if (pair[1] == Activation.SOFTMAX && sizes[sizes.length - 1] == 1) {
                    continue; // a single softmax output is constant; tested on its own below
                }
                for (Loss loss : new Loss[] {Loss.SUM_SQUARED_ERROR, Loss.MEAN_SQUARED_ERROR, Loss.MEAN_ABSOLUTE_ERROR}) {
                    if (loss == Loss.MEAN_ABSOLUTE_ERROR && pair[0] == Activation.RELU) {
                        // MAE's gradient is a sum of signs: once every ReLU is dead it can be exactly 0
                        // while central differences give rounding noise, which no relative rule can
                        // judge. The leaky ReLU, which never dies, covers MAE with a kinked hidden layer.
                        continue;
                    }
                    for (boolean biases : new boolean[] {true, false}) {
                        out.add(Arguments.of(GradientFixtures.describe(sizes), sizes, pair[0], pair[1], loss, biases));
                    }
                }
            }
        }
        return out.stream();
    }

    /** Classification: softmax or sigmoid outputs with cross-entropy, one-hot and soft targets. */
    static Stream<Arguments> classificationConfigurations() {
        int[][] architectures = {{2, 3, 2}, {4, 5, 3}, {4, 8, 8, 3}};
        Activation[][] pairs = {
            {Activation.SIGMOID, Activation.SOFTMAX},
            {Activation.TANH, Activation.SOFTMAX},
            {Activation.RELU, Activation.SOFTMAX},
            {Activation.TANH, Activation.SIGMOID},
        };
        List<Arguments> out = new ArrayList<>();
        for (int[] sizes : architectures) {
            for (Activation[] pair : pairs) {
                for (boolean biases : new boolean[] {true, false}) {
                    for (boolean soft : new boolean[] {false, true}) {
                        out.add(Arguments.of(GradientFixtures.describe(sizes), sizes, pair[0], pair[1], biases, soft));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2}/{3} {4} biases={5}")
    @MethodSource("regressionConfigurations")
    void regressionGradientPassesTheCheckOnFiftySeedsAtInitialisationAndAfterTenSteps(String name, int[] sizes,
            Activation hidden, Activation output, Loss loss, boolean biases) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Network network = GradientFixtures.network(sizes, hidden, output, biases, seed);
            Matrix inputs = GradientFixtures.inputs(ROWS, sizes[0], seed);
            Matrix targets = GradientFixtures.regressionTargets(ROWS, sizes[sizes.length - 1], seed);
            checkAtInitialisationAndAfterTenSteps(network, loss, inputs, targets, seed);
        }
    }

    @ParameterizedTest(name = "{0} {2}/{3} cross-entropy biases={4} soft={5}")
    @MethodSource("classificationConfigurations")
    void crossEntropyGradientPassesTheCheckOnFiftySeedsAtInitialisationAndAfterTenSteps(String name, int[] sizes,
            Activation hidden, Activation output, boolean biases, boolean soft) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Network network = GradientFixtures.network(sizes, hidden, output, biases, seed);
            Matrix inputs = GradientFixtures.inputs(ROWS, sizes[0], seed);
            Matrix targets = GradientFixtures.classTargets(ROWS, sizes[sizes.length - 1], seed, soft);
            checkAtInitialisationAndAfterTenSteps(network, Loss.CROSS_ENTROPY, inputs, targets, seed);
        }
    }

    /** Binary cross-entropy: sigmoid outputs (one or several), 0/1 and probability targets. */
    static Stream<Arguments> binaryConfigurations() {
        int[][] architectures = {{2, 3, 1}, {4, 5, 1}, {4, 8, 8, 3}};
        Activation[] hiddens = {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.leakyRelu()};
        List<Arguments> out = new ArrayList<>();
        for (int[] sizes : architectures) {
            for (Activation hidden : hiddens) {
                for (boolean biases : new boolean[] {true, false}) {
                    for (boolean soft : new boolean[] {false, true}) {
                        out.add(Arguments.of(GradientFixtures.describe(sizes), sizes, hidden, biases, soft));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2}/SIGMOID binary cross-entropy biases={3} soft={4}")
    @MethodSource("binaryConfigurations")
    void binaryCrossEntropyGradientPassesTheCheckOnFiftySeedsAtInitialisationAndAfterTenSteps(String name,
            int[] sizes, Activation hidden, boolean biases, boolean soft) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Network network = GradientFixtures.network(sizes, hidden, Activation.SIGMOID, biases, seed);
            Matrix inputs = GradientFixtures.inputs(ROWS, sizes[0], seed);
            Matrix targets = GradientFixtures.binaryTargets(ROWS, sizes[sizes.length - 1], seed, soft);
            checkAtInitialisationAndAfterTenSteps(network, Loss.BINARY_CROSS_ENTROPY, inputs, targets, seed);
        }
    }

    private static void checkAtInitialisationAndAfterTenSteps(Network network, Loss loss, Matrix inputs,
            Matrix targets, long seed) {
        checkAwayFromKinks(network, loss, inputs, targets, seed, "at initialisation");
        double[] first = BACKPROP.gradient(network, loss, inputs, targets);
        // A small fixed step: the parameters move, but no network is driven to a minimum, where the
        // gradient would shrink to the noise of central differences and the norm rule lose its meaning.
        double rate = 0.02 / Math.max(1.0, norm(first));
        Network trained = GradientFixtures.trainTenSteps(network, BACKPROP, loss, inputs, targets, rate);
        assertThat(trained.parameters()).as("seed %d: training moved the parameters", seed)
                .isNotEqualTo(network.parameters());
        checkAwayFromKinks(trained, loss, inputs, targets, seed, "after 10 steps");
    }

    private static void checkAwayFromKinks(Network network, Loss loss, Matrix inputs, Matrix targets, long seed,
            String when) {
        int[] rows = GradientFixtures.rowsAwayFromKinks(network, inputs, 1e-3);
        assertThat(rows.length).as("seed %d %s: rows away from ReLU kinks", seed, when).isGreaterThan(ROWS / 2);
        Matrix x = inputs.selectRows(rows);
        Matrix y = targets.selectRows(rows);
        GradientCheckResult result = CHECK.check(network, loss, x, y);
        if (!result.passed()) {
            throw new AssertionError("seed " + seed + " " + when + ":\n" + result.report());
        }
        // Arrays.equals compares doubles bit by bit (through doubleToLongBits).
        assertThat(Arrays.equals(BACKPROP.gradient(network, loss, x, y), result.analyticGradient()))
                .as("seed %d %s: a second gradient is bit-identical", seed, when).isTrue();
    }

    private static double norm(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    @Test
    void matchesTheChainRuleWrittenOutForOneSigmoidUnitAndOneLinearOutput() {
        // J = 1/2 (w2 sigmoid(w1 x) - y)^2 with x = 1.5, w1 = 0.5, w2 = 2, y = 1.
        Network network = Network.of(DenseLayer.of(Matrix.of(1, 1, 0.5), Activation.SIGMOID),
                DenseLayer.of(Matrix.of(1, 1, 2.0), Activation.IDENTITY));
        double x = 1.5;
        double hidden = 1.0 / (1.0 + Math.exp(-0.5 * x));
        double residual = 2.0 * hidden - 1.0;
        double[] expected = {residual * 2.0 * hidden * (1.0 - hidden) * x, residual * hidden};

        double[] gradient = BACKPROP.gradient(network, Loss.SUM_SQUARED_ERROR, Matrix.of(1, 1, x),
                Matrix.of(1, 1, 1.0));

        assertThat(gradient[0]).isCloseTo(expected[0], within(1e-15));
        assertThat(gradient[1]).isCloseTo(expected[1], within(1e-15));
    }

    @Test
    void softmaxWithCrossEntropyGivesPredictionsMinusTargetsOverTheSampleCount() {
        // One layer, identity weights: z = x, so dJ/dW = x^T (softmax(x) - y) / N with N = 2.
        Network network = Network.of(DenseLayer.of(Matrix.identity(3), Activation.SOFTMAX));
        Matrix inputs = Matrix.of(2, 3, 1.0, 2.0, 3.0, 0.5, -1.0, 0.0);
        Matrix targets = Matrix.of(2, 3, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0);
        Matrix residual = Activation.SOFTMAX.apply(inputs).minus(targets).scale(0.5);
        double[] expected = inputs.transpose().times(residual).toRowMajorArray();

        double[] gradient = BACKPROP.gradient(network, Loss.CROSS_ENTROPY, inputs, targets);

        assertThat(gradient).containsExactly(expected, within(1e-15));
    }

    @ParameterizedTest(name = "{0} biases={1}")
    @MethodSource("architecturesWithBiasSetting")
    void agreesWithTheMatrixFormulationWrittenIndependently(String name, int[] sizes, boolean biases) {
        for (long seed = 1; seed <= 10; seed++) {
            Network network = GradientFixtures.network(sizes, Activation.TANH, Activation.SOFTMAX, biases, seed);
            Matrix inputs = GradientFixtures.inputs(ROWS, sizes[0], seed);
            Matrix targets = GradientFixtures.classTargets(ROWS, sizes[sizes.length - 1], seed, true);
            for (Loss loss : Loss.values()) {
                double[] expected = ReferenceBackprop.correct().gradient(network, loss, inputs, targets);
                double[] actual = BACKPROP.gradient(network, loss, inputs, targets);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("seed %d %s %s", seed, loss, network.parameterLocation(i))
                            .isCloseTo(expected[i], within(1e-12 * (1 + Math.abs(expected[i]))));
                }
            }
        }
    }

    static Stream<Arguments> architecturesWithBiasSetting() {
        List<Arguments> out = new ArrayList<>();
        for (int[] sizes : new int[][] {{2, 3, 2}, {4, 5, 3}, {4, 8, 8, 3}}) {
            for (boolean biases : new boolean[] {true, false}) {
                out.add(Arguments.of(GradientFixtures.describe(sizes), sizes, biases));
            }
        }
        return out.stream();
    }

    @Test
    void handlesLayersWithAndWithoutBiasesAndASoftmaxHiddenLayerInOneNetwork() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Network built = GradientFixtures.network(new int[] {3, 4, 5, 2}, Activation.SOFTMAX, Activation.SIGMOID,
                    true, seed);
            List<DenseLayer> layers = built.layers();
            Network network = Network.of(
                    DenseLayer.of(layers.get(0).weights(), layers.get(0).bias(), Activation.TANH),
                    DenseLayer.of(layers.get(1).weights(), Activation.SOFTMAX),
                    DenseLayer.of(layers.get(2).weights(), layers.get(2).bias(), Activation.SIGMOID));
            Matrix inputs = GradientFixtures.inputs(ROWS, 3, seed);
            Matrix targets = GradientFixtures.regressionTargets(ROWS, 2, seed);

            for (Loss loss : Loss.values()) {
                GradientCheckResult result = CHECK.check(network, loss, inputs, targets);
                assertThat(result.passed()).as("seed %d %s:%n%s", seed, loss, result.report()).isTrue();
            }
        }
    }

    @Test
    void sameNetworkAndBatchGiveABitIdenticalGradient() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Network network = GradientFixtures.network(new int[] {4, 8, 8, 3}, Activation.TANH, Activation.SOFTMAX,
                    true, seed);
            Matrix inputs = GradientFixtures.inputs(ROWS, 4, seed);
            Matrix targets = GradientFixtures.classTargets(ROWS, 3, seed, false);

            double[] first = BACKPROP.gradient(network, Loss.CROSS_ENTROPY, inputs, targets);
            double[] second = BACKPROP.gradient(network, Loss.CROSS_ENTROPY, inputs, targets);

            for (int i = 0; i < first.length; i++) {
                assertThat(Double.doubleToRawLongBits(second[i])).as("seed %d parameter %d", seed, i)
                        .isEqualTo(Double.doubleToRawLongBits(first[i]));
            }
        }
    }

    @Test
    void oneInstanceServesManyThreadsWithBitIdenticalGradients() throws Exception {
        Network network = GradientFixtures.network(new int[] {4, 8, 8, 3}, Activation.TANH, Activation.SOFTMAX,
                true, 9);
        Matrix inputs = GradientFixtures.inputs(ROWS, 4, 9);
        Matrix targets = GradientFixtures.classTargets(ROWS, 3, 9, true);
        double[] expected = BACKPROP.gradient(network, Loss.CROSS_ENTROPY, inputs, targets);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int r = 0; r < 500; r++) {
                        same &= Arrays.equals(expected, BACKPROP.gradient(network, Loss.CROSS_ENTROPY, inputs, targets));
                    }
                    return same;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void leavesTheNetworkAndTheBatchUnchanged() {
        Network network = GradientFixtures.network(new int[] {4, 5, 3}, Activation.SIGMOID, Activation.IDENTITY,
                true, 3);
        Matrix inputs = GradientFixtures.inputs(ROWS, 4, 3);
        Matrix targets = GradientFixtures.regressionTargets(ROWS, 3, 3);
        double[] parameters = network.parameters();
        double[] inputValues = inputs.toRowMajorArray();
        double[] targetValues = targets.toRowMajorArray();

        BACKPROP.gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets);

        assertThat(network.parameters()).containsExactly(parameters);
        assertThat(inputs.toRowMajorArray()).containsExactly(inputValues);
        assertThat(targets.toRowMajorArray()).containsExactly(targetValues);
    }

    @Test
    void aSingleSoftmaxOutputHasAZeroGradientAndPassesTheCheck() {
        // softmax of one value is always 1, so the loss does not depend on any parameter.
        Network network = GradientFixtures.network(new int[] {2, 3, 1}, Activation.SIGMOID, Activation.SOFTMAX,
                true, 5);
        Matrix inputs = GradientFixtures.inputs(ROWS, 2, 5);
        Matrix targets = Matrix.filled(ROWS, 1, 1.0);

        GradientCheckResult result = CHECK.check(network, Loss.CROSS_ENTROPY, inputs, targets);

        assertThat(result.analyticGradient()).containsOnly(0.0);
        assertThat(result.normError()).isZero();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void rejectsABatchThatDoesNotFitTheNetwork() {
        Network network = GradientFixtures.network(new int[] {2, 3, 1}, Activation.SIGMOID, Activation.IDENTITY,
                false, 1);

        assertThatThrownBy(() -> BACKPROP.gradient(network, Loss.SUM_SQUARED_ERROR, Matrix.zeros(4, 3),
                Matrix.zeros(4, 1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x3");
        assertThatThrownBy(() -> BACKPROP.gradient(network, null, Matrix.zeros(4, 2), Matrix.zeros(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loss");
        assertThatThrownBy(() -> BACKPROP.gradient(null, Loss.SUM_SQUARED_ERROR, Matrix.zeros(4, 2),
                Matrix.zeros(4, 1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network");
    }

    @Test
    void rejectsACrossEntropyTargetOutsideTheUnitIntervalNamingItsPlace() {
        Network network = GradientFixtures.network(new int[] {2, 3, 2}, Activation.SIGMOID, Activation.SOFTMAX,
                false, 1);
        Matrix targets = Matrix.of(2, 2, 1.0, 0.0, -0.5, 1.5);

        assertThatThrownBy(() -> BACKPROP.gradient(network, Loss.CROSS_ENTROPY, Matrix.zeros(2, 2), targets))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.5")
                .hasMessageContaining("row 1, column 0");
    }

    @Test
    void isTheSourceTheInterfaceFactoryReturns() {
        assertThat(GradientSource.backpropagation()).isSameAs(Backpropagation.instance());
        assertThat(Backpropagation.instance()).hasToString("Backpropagation");
    }
}
