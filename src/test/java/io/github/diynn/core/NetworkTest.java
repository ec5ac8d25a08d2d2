package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.ParameterLocation.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkTest {

    /**
     * A 2-2-1 network worked by hand: layer 0 is ReLU with weights [[1, -1], [0.5, 2]] and bias [0, 1],
     * layer 1 is linear with weights [[2], [-1]] and bias [0.5].
     */
    private static Network handNetwork() {
        return Network.of(
                DenseLayer.of(Matrix.of(new double[][] {{1, -1}, {0.5, 2}}), Matrix.rowVector(0, 1), Activation.RELU),
                DenseLayer.of(Matrix.columnVector(2, -1), Matrix.rowVector(0.5), Activation.IDENTITY));
    }

    private static Network tutorialShape(long seed) {
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).withoutBiases()
                .build(seed);
    }

    private static Network withBiases(long seed) {
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(seed);
    }

    // ----------------------------------------------------------------- forward pass

    @Test
    void predictRunsTheLayersInOrder() {
        // row [1, 2]:  [1 + 1, -1 + 4] + [0, 1] = [2, 4] -> relu [2, 4]   -> 2*2 - 4 + 0.5 = 0.5
        // row [2, -1]: [2 - 0.5, -2 - 2] + [0, 1] = [1.5, -3] -> relu [1.5, 0] -> 3 - 0 + 0.5 = 3.5
        Matrix inputs = Matrix.of(new double[][] {{1, 2}, {2, -1}});
        assertThat(handNetwork().predict(inputs)).isEqualTo(Matrix.columnVector(0.5, 3.5));
        assertThat(inputs).isEqualTo(Matrix.of(new double[][] {{1, 2}, {2, -1}}));
    }

    @Test
    void predictOfOneSampleMatchesTheBatchRow() {
        assertThat(handNetwork().predict(2, -1)).containsExactly(3.5);
        double[] features = {1, 2};
        assertThat(handNetwork().predict(features)).containsExactly(0.5);
        assertThat(features).containsExactly(1, 2);
    }

    @Test
    void predictOfTheTutorialShapeIsSigmoidOfXW1TimesW2() {
        Network network = tutorialShape(3);
        Matrix w1 = network.layers().get(0).weights();
        Matrix w2 = network.layers().get(1).weights();
        Matrix inputs = Matrix.of(new double[][] {{0.5, 0.25}, {-1, 2}, {0.75, 0.75}});
        // The tutorial's forward pass, written out: sigmoid(x W1) W2.
        Matrix expected = inputs.times(w1).map(z -> 1 / (1 + Math.exp(-z))).times(w2);
        assertThat(network.predict(inputs).isCloseTo(expected, 1e-14)).isTrue();
    }

    @ParameterizedTest(name = "hidden {0}")
    @ValueSource(strings = {"SIGMOID", "TANH", "RELU", "IDENTITY", "SOFTMAX"})
    void predictHasTheBitsOfTheLayersForwardPassesInTurn(String hidden) {
        // The oracle: DenseLayer.forward, one immutable matrix operation after another.
        for (Activation output : Activations.all().toList()) {
            for (long seed = 1; seed <= 10; seed++) {
                for (boolean biases : new boolean[] {true, false}) {
                    Network network = GradientFixtures.network(new int[] {3, 6, 5, 2}, Activations.named(hidden),
                            output, biases, seed);
                    Matrix inputs = GradientFixtures.inputs(7, 3, seed).times(Matrix.of(3, 3, 4, 0, 0, 0, -4, 0, 0,
                            0, 4));
                    Matrix expected = inputs;
                    for (DenseLayer layer : network.layers()) {
                        expected = layer.forward(expected);
                    }
                    long[] want = Arrays.stream(expected.raw()).mapToLong(Double::doubleToRawLongBits).toArray();
                    long[] got = Arrays.stream(network.predict(inputs).raw()).mapToLong(Double::doubleToRawLongBits)
                            .toArray();
                    assertThat(got).as("%s/%s seed %d biases %s", hidden, output, seed, biases)
                            .containsExactly(want);
                }
            }
        }
    }

    @Test
    void predictAcceptsAnEmptyBatch() {
        assertThat(handNetwork().predict(Matrix.zeros(0, 2)).shape()).isEqualTo("0x1");
    }

    @Test
    void predictRejectsInputsOfTheWrongWidthNamingTheShape() {
        Network network = handNetwork();
        assertThatThrownBy(() -> network.predict(Matrix.zeros(4, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("network takes 2 inputs per sample, got a 4x3 batch");
        assertThatThrownBy(() -> network.predict(Matrix.zeros(4, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4x1");
        assertThatThrownBy(() -> network.predict(1, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("network takes 2 inputs, got 3");
        assertThatThrownBy(() -> network.predict((Matrix) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> network.predict((double[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void predictOfOneSampleRejectsNonFiniteFeaturesNamingTheColumn() {
        assertThatThrownBy(() -> handNetwork().predict(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 1").hasMessageContaining("NaN");
    }

    @Test
    void lossIsTheLossOfThePredictions() {
        Matrix inputs = Matrix.of(new double[][] {{1, 2}, {2, -1}});
        Matrix targets = Matrix.columnVector(1.5, 3.5);
        // predictions 0.5 and 3.5: 1/2 (1^2 + 0^2)
        assertThat(handNetwork().loss(Loss.SUM_SQUARED_ERROR, inputs, targets)).isEqualTo(0.5);
        assertThat(handNetwork().loss(Loss.MEAN_SQUARED_ERROR, inputs, targets)).isEqualTo(0.5);
        assertThatThrownBy(() -> handNetwork().loss(null, inputs, targets)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loss is null");
    }

    @Test
    void requireBatchRejectsBatchesThatDoNotFitNamingBothShapes() {
        Network network = handNetwork();
        String expected = "a 2-input, 1-output network needs inputs Nx2 and targets Nx1 with N >= 1, got inputs ";
        assertThatThrownBy(() -> network.requireBatch(Matrix.zeros(3, 3), Matrix.zeros(3, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(expected + "3x3 and targets 3x1");
        assertThatThrownBy(() -> network.requireBatch(Matrix.zeros(3, 2), Matrix.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(expected + "3x2 and targets 3x2");
        assertThatThrownBy(() -> network.requireBatch(Matrix.zeros(3, 2), Matrix.zeros(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(expected + "3x2 and targets 4x1");
        assertThatThrownBy(() -> network.requireBatch(Matrix.zeros(0, 2), Matrix.zeros(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(expected + "0x2 and targets 0x1");
        assertThatThrownBy(() -> network.requireBatch(null, Matrix.zeros(1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        network.requireBatch(Matrix.zeros(3, 2), Matrix.zeros(3, 1));
    }

    @Test
    void predictGivesTheSameResultFromManyThreadsAtOnce() throws Exception {
        Network network = withBiases(5);
        Matrix inputs = Matrix.of(new double[][] {{0.1, 0.2}, {0.3, -0.4}, {5, 6}});
        Matrix expected = network.predict(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                results.add(pool.submit(() -> IntStream.range(0, 500)
                        .allMatch(i -> network.predict(inputs).equals(expected))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ----------------------------------------------------------------- construction

    @Test
    void ofChainsLayersAndReportsSizes() {
        Network network = handNetwork();
        assertThat(network.inputSize()).isEqualTo(2);
        assertThat(network.outputSize()).isEqualTo(1);
        assertThat(network.layers()).hasSize(2);
        assertThat(network.parameterCount()).isEqualTo(4 + 2 + 2 + 1);
    }

    @Test
    void ofRejectsLayersWhoseSizesDoNotChain() {
        DenseLayer first = DenseLayer.of(Matrix.zeros(2, 3), Activation.SIGMOID);
        DenseLayer second = DenseLayer.of(Matrix.zeros(4, 1), Activation.IDENTITY);
        assertThatThrownBy(() -> Network.of(first, second)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 takes 4 inputs but layer 0 gives 3");
    }

    @Test
    void ofRejectsNoLayersAndNullLayers() {
        DenseLayer layer = DenseLayer.of(Matrix.zeros(2, 2), Activation.SIGMOID);
        assertThatThrownBy(() -> Network.of()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> Network.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> Network.of((List<DenseLayer>) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> Network.of(layer, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 is null");
    }

    @Test
    void ofCopiesTheListOfLayers() {
        List<DenseLayer> layers = new ArrayList<>(handNetwork().layers());
        Network network = Network.of(layers);
        layers.remove(1);
        assertThat(network.layers()).hasSize(2);
        assertThat(network).isEqualTo(handNetwork());
    }

    @Test
    void layersCannotBeModified() {
        Network network = handNetwork();
        assertThatThrownBy(() -> network.layers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builderReadsLikeTheArchitecture() {
        Network network = tutorialShape(1);
        assertThat(network.layers()).extracting(DenseLayer::inputSize).containsExactly(2, 3);
        assertThat(network.layers()).extracting(DenseLayer::outputSize).containsExactly(3, 1);
        assertThat(network.layers()).extracting(DenseLayer::activation)
                .containsExactly(Activation.SIGMOID, Activation.IDENTITY);
        assertThat(network.layers()).extracting(DenseLayer::hasBias).containsExactly(false, false);
        assertThat(network.parameterCount()).isEqualTo(9);
        assertThat(network).hasToString("Network 2 -> 3 SIGMOID -> 1 IDENTITY (9 parameters, no biases)");
    }

    @Test
    void builderAddsZeroBiasesUnlessToldNotTo() {
        Network network = withBiases(1);
        assertThat(network.layers()).extracting(DenseLayer::hasBias).containsExactly(true, true);
        assertThat(network.layers().get(0).bias()).isEqualTo(Matrix.zeros(1, 3));
        assertThat(network.layers().get(1).bias()).isEqualTo(Matrix.zeros(1, 1));
        assertThat(network.parameterCount()).isEqualTo(13);
        assertThat(network).hasToString("Network 2 -> 3 SIGMOID -> 1 IDENTITY (13 parameters, with biases)");
    }

    @Test
    void toStringSaysWhenOnlySomeLayersHaveBiases() {
        Network mixed = Network.of(DenseLayer.of(Matrix.zeros(2, 2), Activation.TANH),
                DenseLayer.of(Matrix.zeros(2, 1), Matrix.zeros(1, 1), Activation.IDENTITY));
        assertThat(mixed).hasToString("Network 2 -> 2 TANH -> 1 IDENTITY (7 parameters, some biases)");
    }

    @Test
    void builderRejectsBadSizesAndMissingLayers() {
        assertThatThrownBy(() -> Network.builder(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a network needs at least 1 input, got 0");
        assertThatThrownBy(() -> Network.builder(2).dense(3, Activation.SIGMOID).dense(0, Activation.IDENTITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("layer 1 needs at least 1 unit, got 0");
        assertThatThrownBy(() -> Network.builder(2).dense(3, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 0 activation is null");
        assertThatThrownBy(() -> Network.builder(2).build(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> Network.builder(2).dense(1, Activation.IDENTITY).build(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    // ----------------------------------------------------------------- seeded initialisation

    @Test
    void theSameSeedBuildsAnEqualNetwork() {
        assertThat(tutorialShape(42)).isEqualTo(tutorialShape(42)).hasSameHashCodeAs(tutorialShape(42));
        assertThat(withBiases(42)).isEqualTo(withBiases(42));
    }

    @Test
    void differentSeedsBuildDifferentNetworks() {
        assertThat(tutorialShape(42)).isNotEqualTo(tutorialShape(43));
        assertThat(tutorialShape(42).parameters()).isNotEqualTo(tutorialShape(43).parameters());
    }

    @Test
    void weightsAreGaussianDrawsInParameterOrder() {
        // The documented order: layer by layer, row by row, one nextGaussian() per weight.
        Random random = new Random(42);
        double[] expected = new double[9];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = random.nextGaussian();
        }
        assertThat(tutorialShape(42).parameters()).containsExactly(expected);
    }

    @Test
    void buildFromASeedEqualsBuildFromARandomWithThatSeed() {
        Network fromGenerator = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY)
                .withoutBiases().build(new Random(7));
        assertThat(tutorialShape(7)).isEqualTo(fromGenerator);
    }

    @Test
    void buildWithAGeneratorAdvancesIt() {
        SplittableRandom random = new SplittableRandom(9);
        Network.Builder builder = Network.builder(2).dense(3, Activation.SIGMOID);
        Network first = builder.build(random);
        Network second = builder.build(random);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void initialWeightsHaveMeanZeroAndVarianceOne() {
        double[] weights = Network.builder(10).dense(500, Activation.TANH).withoutBiases().build(2026).parameters();
        double mean = Arrays.stream(weights).average().orElseThrow();
        double variance = Arrays.stream(weights).map(w -> (w - mean) * (w - mean)).sum() / (weights.length - 1);
        // 5000 draws: the standard error of the mean is 0.014 and of the variance 0.02; allow about 4 of each.
        assertThat(mean).isCloseTo(0.0, within(0.06));
        assertThat(variance).isCloseTo(1.0, within(0.08));
        // About 68.3% of N(0,1) draws lie within one standard deviation (standard error 0.0066).
        double withinOne = Arrays.stream(weights).filter(w -> Math.abs(w) < 1).count() / (double) weights.length;
        assertThat(withinOne).isCloseTo(0.683, within(0.03));
    }

    // ----------------------------------------------------------------- parameter vector

    @Test
    void parametersListWeightsRowByRowThenBiasLayerByLayer() {
        assertThat(handNetwork().parameters()).containsExactly(1, -1, 0.5, 2, 0, 1, 2, -1, 0.5);
    }

    @Test
    void withParametersPlacesValuesInTheDocumentedLayout() {
        double[] values = IntStream.range(0, 13).asDoubleStream().toArray();
        Network network = withBiases(1).withParameters(values);
        DenseLayer first = network.layers().get(0);
        DenseLayer second = network.layers().get(1);
        assertThat(first.weights()).isEqualTo(Matrix.of(new double[][] {{0, 1, 2}, {3, 4, 5}}));
        assertThat(first.bias()).isEqualTo(Matrix.rowVector(6, 7, 8));
        assertThat(second.weights()).isEqualTo(Matrix.columnVector(9, 10, 11));
        assertThat(second.bias()).isEqualTo(Matrix.rowVector(12));
        assertThat(network.layers()).extracting(DenseLayer::activation)
                .containsExactly(Activation.SIGMOID, Activation.IDENTITY);
    }

    @Test
    void parametersAndWithParametersRoundTrip() {
        Network network = withBiases(11);
        assertThat(network.withParameters(network.parameters())).isEqualTo(network);
        double[] values = new SplittableRandom(3).doubles(13, -2, 2).toArray();
        assertThat(network.withParameters(values).parameters()).containsExactly(values);
    }

    @Test
    void parameterLocationNamesLayerKindRowAndColumn() {
        Network network = withBiases(1);
        assertThat(network.parameterLocation(0)).isEqualTo(new ParameterLocation(0, 0, Kind.WEIGHT, 0, 0));
        assertThat(network.parameterLocation(4)).isEqualTo(new ParameterLocation(4, 0, Kind.WEIGHT, 1, 1));
        assertThat(network.parameterLocation(7)).isEqualTo(new ParameterLocation(7, 0, Kind.BIAS, 0, 1));
        assertThat(network.parameterLocation(10)).isEqualTo(new ParameterLocation(10, 1, Kind.WEIGHT, 1, 0));
        assertThat(network.parameterLocation(12)).isEqualTo(new ParameterLocation(12, 1, Kind.BIAS, 0, 0));
        assertThat(tutorialShape(1).parameterLocation(8)).isEqualTo(new ParameterLocation(8, 1, Kind.WEIGHT, 2, 0));
    }

    @Test
    void everyParameterLocationPointsAtItsValue() {
        for (Network network : List.of(withBiases(4), tutorialShape(4), handNetwork())) {
            double[] parameters = network.parameters();
            for (int index = 0; index < parameters.length; index++) {
                ParameterLocation location = network.parameterLocation(index);
                DenseLayer layer = network.layers().get(location.layer());
                Matrix holder = location.kind() == Kind.WEIGHT ? layer.weights() : layer.bias();
                assertThat(location.index()).isEqualTo(index);
                assertThat(holder.get(location.row(), location.column())).as("%s of %s", location, network)
                        .isEqualTo(parameters[index]);
            }
        }
    }

    @Test
    void parameterLocationRejectsIndicesOutsideTheVector() {
        assertThatThrownBy(() -> withBiases(1).parameterLocation(13)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("parameter index 13 is outside [0, 13)");
        assertThatThrownBy(() -> withBiases(1).parameterLocation(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void withParametersRejectsTheWrongLength() {
        assertThatThrownBy(() -> withBiases(1).withParameters(new double[12]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("network has 13 parameters, got 12");
        assertThatThrownBy(() -> tutorialShape(1).withParameters(new double[13]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("network has 9 parameters, got 13");
        assertThatThrownBy(() -> withBiases(1).withParameters(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void withParametersRejectsNonFiniteValuesNamingTheLocation(double bad) {
        double[] values = new double[13];
        values[7] = bad;
        assertThatThrownBy(() -> withBiases(1).withParameters(values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameter 7 (layer 0 bias[1]) is " + bad);
        double[] weights = new double[13];
        weights[10] = bad;
        assertThatThrownBy(() -> withBiases(1).withParameters(weights)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameter 10 (layer 1 weight[1][0]) is " + bad);
    }

    @Test
    void parametersReturnsACopy() {
        Network network = withBiases(8);
        double[] parameters = network.parameters();
        parameters[0] = 1e6;
        assertThat(network).isEqualTo(withBiases(8));
        assertThat(network.parameters()[0]).isNotEqualTo(1e6);
    }

    @Test
    void withParametersCopiesItsArgumentAndLeavesTheOriginalUnchanged() {
        Network original = withBiases(8);
        double[] values = IntStream.range(0, 13).asDoubleStream().toArray();
        Network changed = original.withParameters(values);
        values[0] = 1e6;
        assertThat(changed.parameters()[0]).isEqualTo(0.0);
        assertThat(original).isEqualTo(withBiases(8)).isNotEqualTo(changed);
    }

    // ----------------------------------------------------------------- equality

    @Test
    void networksWithEqualLayersAreEqual() {
        assertThat(handNetwork()).isEqualTo(handNetwork()).hasSameHashCodeAs(handNetwork());
        assertThat(handNetwork()).isNotEqualTo(null).isNotEqualTo(handNetwork().layers());
        double[] nudged = handNetwork().parameters();
        nudged[8] = Math.nextUp(nudged[8]);
        assertThat(handNetwork()).isNotEqualTo(handNetwork().withParameters(nudged));
    }

    @Test
    void isCloseToComparesArchitectureExactlyAndParametersWithinTheTolerance() {
        Network net = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(5);
        double[] nudged = net.parameters();
        nudged[4] += 1e-6;
        Network near = net.withParameters(nudged);

        assertThat(net.isCloseTo(near, 1e-5)).isTrue();
        assertThat(net.isCloseTo(near, 1e-7)).isFalse();
        assertThat(net.isCloseTo(net, 0.0)).isTrue();
        Network noBias = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY)
                .withoutBiases().build(5);
        assertThat(net.isCloseTo(noBias, 1e9)).isFalse();
        Network tanh = Network.builder(2).dense(3, Activation.TANH).dense(1, Activation.IDENTITY).build(5);
        assertThat(net.isCloseTo(tanh, 1e9)).isFalse();
        assertThatThrownBy(() -> net.isCloseTo(near, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.0");
        assertThatThrownBy(() -> net.isCloseTo(null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void predictingOneSampleHasTheBitsOfABatchOfOne() {
        Object[][] shapes = {
            {new int[] {2, 3, 1}, Activation.SIGMOID, Activation.IDENTITY, false},
            {new int[] {2, 1}, Activation.IDENTITY, Activation.IDENTITY, true},
            {new int[] {64, 32, 10}, Activation.SIGMOID, Activation.SOFTMAX, true},
            {new int[] {4, 9, 5, 3}, Activation.TANH, Activation.SIGMOID, true},
            {new int[] {3, 4, 2}, Activation.leakyRelu(), Activation.IDENTITY, false},
        };
        for (Object[] shape : shapes) {
            int[] sizes = (int[]) shape[0];
            for (long seed = 1; seed <= 5; seed++) {
                Network network = GradientFixtures.network(sizes, (Activation) shape[1], (Activation) shape[2],
                        (Boolean) shape[3], seed);
                Matrix inputs = GradientFixtures.inputs(4, sizes[0], seed);
                Matrix batch = network.predict(inputs);
                for (int r = 0; r < inputs.rows(); r++) {
                    double[] one = network.predict(inputs.row(r));
                    double[] expected = network.predict(Matrix.rowVector(inputs.row(r))).row(0);
                    assertThat(Arrays.equals(one, expected)).as("%s seed %d row %d", Arrays.toString(sizes), seed, r)
                            .isTrue();
                    assertThat(Arrays.equals(one, batch.row(r))).isTrue();
                }
            }
        }
    }
}
