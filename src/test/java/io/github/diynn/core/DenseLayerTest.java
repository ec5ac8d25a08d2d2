package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseLayerTest {

    // x W + b worked by hand:
    //   row 0: [1 2] W = [0.5 + 2, -1 + 0, 2 - 1]   = [2.5, -1, 1]   + b = [2.6, -0.8, 0.7]
    //   row 1: [3 -1] W = [1.5 - 1, -3 + 0, 6 + 0.5] = [0.5, -3, 6.5] + b = [0.6, -2.8, 6.2]
    private static final double[][] INPUT = {{1, 2}, {3, -1}};
    private static final double[][] WEIGHTS = {{0.5, -1, 2}, {1, 0, -0.5}};
    private static final double[] BIAS = {0.1, 0.2, -0.3};

    private static DenseLayer withBias(Activation activation) {
        return DenseLayer.of(Matrix.of(WEIGHTS), Matrix.rowVector(BIAS), activation);
    }

    @Test
    void preActivationIsInputTimesWeightsPlusBias() {
        Matrix z = withBias(Activation.SIGMOID).preActivation(Matrix.of(INPUT));
        assertThat(z.isCloseTo(Matrix.of(new double[][] {{2.6, -0.8, 0.7}, {0.6, -2.8, 6.2}}), 1e-12)).isTrue();
    }

    @Test
    void forwardAppliesTheActivationToThePreActivation() {
        Matrix output = withBias(Activation.RELU).forward(Matrix.of(INPUT));
        assertThat(output.isCloseTo(Matrix.of(new double[][] {{2.6, 0, 0.7}, {0.6, 0, 6.2}}), 1e-12)).isTrue();
    }

    @Test
    void forwardWithoutBiasIsInputTimesWeights() {
        DenseLayer layer = DenseLayer.of(Matrix.of(WEIGHTS), Activation.IDENTITY);
        assertThat(layer.forward(Matrix.of(INPUT))).isEqualTo(Matrix.of(new double[][] {{2.5, -1, 1}, {0.5, -3, 6.5}}));
    }

    @Test
    void forwardWithSigmoidMatchesTheClosedForm() {
        Matrix output = withBias(Activation.SIGMOID).forward(Matrix.of(INPUT));
        double[][] z = {{2.6, -0.8, 0.7}, {0.6, -2.8, 6.2}};
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(output.get(i, j)).isCloseTo(1 / (1 + Math.exp(-z[i][j])), within(1e-12));
            }
        }
    }

    @Test
    void forwardLeavesInputAndLayerUnchanged() {
        DenseLayer layer = withBias(Activation.TANH);
        Matrix input = Matrix.of(INPUT);
        layer.forward(input);
        assertThat(input).isEqualTo(Matrix.of(INPUT));
        assertThat(layer).isEqualTo(withBias(Activation.TANH));
    }

    @Test
    void aSingleIdentityNeuronReproducesTheTutorialsLinearCostOnIris() {
        // The tutorial: w = [0.2, 0.6], b = -0.3 on sepal length and width, target petal length,
        // cost 0.5 * sum (y - yhat)^2 printed as 313.0096.
        DenseLayer neuron = DenseLayer.of(Matrix.columnVector(0.2, 0.6), Matrix.rowVector(-0.3), Activation.IDENTITY);
        Matrix[] iris = irisSepalsAndPetalLength();
        double cost = Loss.SUM_SQUARED_ERROR.value(neuron.forward(iris[0]), iris[1]);
        assertThat(cost).isCloseTo(313.0096, within(1e-9));
    }

    @Test
    void aSingleSigmoidNeuronReproducesTheTutorialsSigmoidCostOnIris() {
        // The tutorial prints 829.4187739184515 for the same w and b through a sigmoid.
        DenseLayer neuron = DenseLayer.of(Matrix.columnVector(0.2, 0.6), Matrix.rowVector(-0.3), Activation.SIGMOID);
        Matrix[] iris = irisSepalsAndPetalLength();
        double cost = Loss.SUM_SQUARED_ERROR.value(neuron.forward(iris[0]), iris[1]);
        assertThat(cost).isCloseTo(829.4187739184515, within(1e-10));
    }

    /** Reads the bundled Iris: columns 0 and 1 as a 150x2 input, column 2 as a 150x1 target. */
    private static Matrix[] irisSepalsAndPetalLength() {
        try (InputStream stream = DenseLayerTest.class.getResourceAsStream("/iris.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String[]> rows = reader.lines().skip(1).filter(line -> !line.isBlank())
                    .map(line -> line.split(",")).toList();
            double[][] inputs = new double[rows.size()][];
            double[] targets = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String[] cells = rows.get(i);
                inputs[i] = new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])};
                targets[i] = Double.parseDouble(cells[2]);
            }
            assertThat(rows).hasSize(150);
            return new Matrix[] {Matrix.of(inputs), Matrix.columnVector(targets)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----------------------------------------------------------------- shape and accessors

    @Test
    void sizesComeFromTheWeightsShape() {
        DenseLayer layer = withBias(Activation.SIGMOID);
        assertThat(layer.inputSize()).isEqualTo(2);
        assertThat(layer.outputSize()).isEqualTo(3);
        assertThat(layer.weights()).isEqualTo(Matrix.of(WEIGHTS));
        assertThat(layer.bias()).isEqualTo(Matrix.rowVector(BIAS));
        assertThat(layer.activation()).isEqualTo(Activation.SIGMOID);
    }

    @Test
    void parameterCountIncludesTheBiasOnlyWhenThereIsOne() {
        assertThat(withBias(Activation.SIGMOID).parameterCount()).isEqualTo(2 * 3 + 3);
        assertThat(DenseLayer.of(Matrix.of(WEIGHTS), Activation.SIGMOID).parameterCount()).isEqualTo(2 * 3);
    }

    @Test
    void aLayerWithoutBiasSaysSoAndHasNoBiasToReturn() {
        DenseLayer layer = DenseLayer.of(Matrix.of(WEIGHTS), Activation.SIGMOID);
        assertThat(layer.hasBias()).isFalse();
        assertThat(withBias(Activation.SIGMOID).hasBias()).isTrue();
        assertThatThrownBy(layer::bias).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2x3").hasMessageContaining("no bias");
    }

    @Test
    void aLayerWithAZeroBiasDiffersFromALayerWithoutBias() {
        DenseLayer zeroBias = DenseLayer.of(Matrix.of(WEIGHTS), Matrix.zeros(1, 3), Activation.IDENTITY);
        DenseLayer noBias = DenseLayer.of(Matrix.of(WEIGHTS), Activation.IDENTITY);
        assertThat(zeroBias.forward(Matrix.of(INPUT))).isEqualTo(noBias.forward(Matrix.of(INPUT)));
        assertThat(zeroBias).isNotEqualTo(noBias);
    }

    @Test
    void forwardRejectsInputOfTheWrongWidthNamingBothShapes() {
        DenseLayer layer = withBias(Activation.SIGMOID);
        assertThatThrownBy(() -> layer.forward(Matrix.zeros(4, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer with 2x3 weights needs inputs with 2 columns, got 4x3");
        assertThatThrownBy(() -> layer.preActivation(Matrix.zeros(1, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3").hasMessageContaining("1x1");
        assertThatThrownBy(() -> layer.forward(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void forwardAcceptsAnEmptyBatch() {
        assertThat(withBias(Activation.SIGMOID).forward(Matrix.zeros(0, 2)).shape()).isEqualTo("0x3");
    }

    @Test
    void ofRejectsABiasOfTheWrongShapeNamingBothShapes() {
        Matrix weights = Matrix.of(WEIGHTS);
        assertThatThrownBy(() -> DenseLayer.of(weights, Matrix.rowVector(1, 2), Activation.SIGMOID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bias must be 1x3 for 2x3 weights, got 1x2");
        assertThatThrownBy(() -> DenseLayer.of(weights, Matrix.zeros(2, 3), Activation.SIGMOID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x3").hasMessageContaining("2x3");
        assertThatThrownBy(() -> DenseLayer.of(weights, Matrix.columnVector(1, 2, 3), Activation.SIGMOID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x1");
    }

    @Test
    void ofRejectsEmptyWeightsNamingTheShape() {
        assertThatThrownBy(() -> DenseLayer.of(Matrix.zeros(0, 3), Activation.SIGMOID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x3");
        assertThatThrownBy(() -> DenseLayer.of(Matrix.zeros(2, 0), Activation.SIGMOID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x0");
    }

    @Test
    void ofRejectsNullArguments() {
        Matrix weights = Matrix.of(WEIGHTS);
        assertThatThrownBy(() -> DenseLayer.of(null, Activation.SIGMOID)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer weights are null");
        assertThatThrownBy(() -> DenseLayer.of(weights, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer activation is null");
        assertThatThrownBy(() -> DenseLayer.of(weights, null, Activation.SIGMOID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bias is null");
    }

    // ----------------------------------------------------------------- equality and text

    @Test
    void equalLayersHaveEqualHashCodes() {
        assertThat(withBias(Activation.SIGMOID)).isEqualTo(withBias(Activation.SIGMOID))
                .hasSameHashCodeAs(withBias(Activation.SIGMOID));
        assertThat(DenseLayer.of(Matrix.of(WEIGHTS), Activation.TANH))
                .isEqualTo(DenseLayer.of(Matrix.of(WEIGHTS), Activation.TANH))
                .hasSameHashCodeAs(DenseLayer.of(Matrix.of(WEIGHTS), Activation.TANH));
    }

    @Test
    void layersDifferingInWeightsBiasOrActivationAreNotEqual() {
        DenseLayer base = withBias(Activation.SIGMOID);
        assertThat(base).isNotEqualTo(withBias(Activation.TANH));
        assertThat(base).isNotEqualTo(DenseLayer.of(Matrix.of(WEIGHTS), Matrix.rowVector(0.1, 0.2, 0.3),
                Activation.SIGMOID));
        assertThat(base).isNotEqualTo(DenseLayer.of(Matrix.of(WEIGHTS).scale(2), Matrix.rowVector(BIAS),
                Activation.SIGMOID));
        assertThat(base).isNotEqualTo(null).isNotEqualTo("Dense 2->3");
    }

    @Test
    void toStringDescribesSizesActivationAndBias() {
        assertThat(DenseLayer.of(Matrix.of(WEIGHTS), Activation.SIGMOID)).hasToString("Dense 2->3 SIGMOID, no bias");
        assertThat(withBias(Activation.RELU)).hasToString("Dense 2->3 RELU, bias");
    }
}
