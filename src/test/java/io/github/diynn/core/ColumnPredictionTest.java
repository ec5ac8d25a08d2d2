package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Prediction by columns gives the row layout's bits, for every network the row layout serves. */
class ColumnPredictionTest {

    static Stream<Arguments> wideNetworks() {
        return Stream.of(
                Arguments.of(new int[] {64, 32, 10}, Activation.SIGMOID, Activation.SOFTMAX, true),
                Arguments.of(new int[] {9, 3, 1}, Activation.SIGMOID, Activation.IDENTITY, true),
                Arguments.of(new int[] {2, 17, 2}, Activation.TANH, Activation.SIGMOID, false),
                Arguments.of(new int[] {3, 13, 5, 4}, Activation.RELU, Activation.SOFTMAX, true),
                Arguments.of(new int[] {1, 11, 1}, Activation.leakyRelu(), Activation.IDENTITY, true),
                Arguments.of(new int[] {6, 2, 3}, Activation.SIGMOID, Activation.SOFTMAX, false),
                Arguments.of(new int[] {10, 1}, Activation.IDENTITY, Activation.SOFTMAX, true),
                Arguments.of(new int[] {5, 9, 9, 7}, Activation.SOFTMAX, Activation.TANH, true));
    }

    /** Inputs of order 1, and of order 100 in some rows, so that activations reach their tails. */
    private static double[] inputs(int rows, int columns, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[rows * columns];
        for (int k = 0; k < x.length; k++) {
            x[k] = (k / columns) % 5 == 4 ? random.nextDouble(-100.0, 100.0) : random.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("wideNetworks")
    void hasTheRowLayoutsBits(int[] sizes, Activation hidden, Activation output, boolean biases) {
        Network network = GradientFixtures.network(sizes, hidden, output, biases, 5);
        int in = sizes[0];
        int out = sizes[sizes.length - 1];
        BatchEvaluator byColumns = BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, 300);
        BatchEvaluator byRows = BatchEvaluator.inRowLayout(network, Loss.SUM_SQUARED_ERROR, 300);
        assertThat(byColumns.predictsByColumns(ColumnPrediction.MIN_ROWS)).isTrue();
        assertThat(byColumns.predictsByColumns(ColumnPrediction.MIN_ROWS - 1)).isFalse();
        assertThat(byRows.predictsByColumns(300)).isFalse();
        for (int rows : new int[] {64, 65, 150, 257, 300}) {
            double[] x = inputs(rows, in, rows);
            double[] expected = new double[rows * out + 3];
            double[] actual = new double[rows * out + 3];
            byRows.predictOwn(x, 0, rows, expected, 3);
            byColumns.predictOwn(x, 0, rows, actual, 3);
            for (int k = 3; k < actual.length; k++) {
                // doubleToLongBits: every NaN is one NaN (which NaN an operation returns is not specified)
                assertThat(Double.doubleToLongBits(actual[k])).as("%d rows, row %d, output %d", rows,
                        (k - 3) / out, (k - 3) % out).isEqualTo(Double.doubleToLongBits(expected[k]));
            }
            assertThat(actual[0] + actual[1] + actual[2]).as("before the outputs").isZero();
            // and a row alone, through the single-row path
            int row = rows / 2;
            double[] one = network.predict(java.util.Arrays.copyOfRange(x, row * in, row * in + in));
            for (int j = 0; j < out; j++) {
                assertThat(Double.doubleToLongBits(actual[3 + row * out + j]))
                        .isEqualTo(Double.doubleToLongBits(one[j]));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("wideNetworks")
    void predictOfAMatrixInBlocksHasTheBitsOfTheRowLayoutOnTheWholeBatch(int[] sizes, Activation hidden,
            Activation output, boolean biases) {
        Network network = GradientFixtures.network(sizes, hidden, output, biases, 9);
        int in = sizes[0];
        int out = sizes[sizes.length - 1];
        int rows = 2 * Predictor.BLOCK + 77; // two full blocks and a short one
        double[] x = inputs(rows, in, 3);
        double[] expected = new double[rows * out];
        BatchEvaluator.inRowLayout(network, Loss.SUM_SQUARED_ERROR, rows).predictOwn(x, 0, rows, expected, 0);
        double[] actual = network.predict(Matrix.of(rows, in, x)).raw();
        for (int k = 0; k < actual.length; k++) {
            assertThat(Double.doubleToLongBits(actual[k])).as("row %d, output %d", k / out, k % out)
                    .isEqualTo(Double.doubleToLongBits(expected[k]));
        }
    }

    @Test
    void aShortBlockAfterTheFirstGoesByColumnsOnceTheyHaveRunAndACallOfAFewRowsAloneDoesNot() {
        Network network = GradientFixtures.network(new int[] {64, 32, 10}, Activation.SIGMOID, Activation.SOFTMAX,
                true, 2);
        BatchEvaluator evaluator = BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, 256);
        assertThat(evaluator.predictsBlockByColumns(5, 64 * 256)).as("no column workspace yet").isFalse();
        double[] x = inputs(300, 64, 3);
        double[] outputs = new double[300 * 10];
        evaluator.predictOwn(x, 0, 256, outputs, 0);
        assertThat(evaluator.predictsBlockByColumns(44, 64 * 256)).isTrue();
        assertThat(evaluator.predictsBlockByColumns(1, 0)).as("one sample on its own").isFalse();
        assertThat(evaluator.predictsByColumns(44)).isFalse();
        evaluator.predictOwn(x, 64 * 256, 44, outputs, 10 * 256); // read where it lies
        BatchEvaluator byRows = BatchEvaluator.inRowLayout(network, Loss.SUM_SQUARED_ERROR, 300);
        double[] expected = new double[300 * 10];
        byRows.predictOwn(x, 0, 300, expected, 0);
        double[] tailByRows = new double[300 * 10];
        byRows.predictOwn(x, 64 * 256, 44, tailByRows, 10 * 256); // the row kernels read at the offset too
        for (int k = 0; k < expected.length; k++) {
            assertThat(Double.doubleToLongBits(outputs[k])).as("row %d, output %d", k / 10, k % 10)
                    .isEqualTo(Double.doubleToLongBits(expected[k]));
            if (k >= 10 * 256) {
                assertThat(Double.doubleToLongBits(tailByRows[k])).as("by rows, row %d", k / 10)
                        .isEqualTo(Double.doubleToLongBits(expected[k]));
            }
        }
    }

    static Stream<Arguments> blockedBatches() {
        Network wide = GradientFixtures.network(new int[] {64, 32, 10}, Activation.SIGMOID, Activation.SOFTMAX, true, 2);
        Network narrow = GradientFixtures.network(new int[] {2, 3, 1}, Activation.SIGMOID, Activation.IDENTITY, true, 2);
        Network wideInput = GradientFixtures.network(new int[] {9, 2, 1}, Activation.TANH, Activation.IDENTITY, true, 2);
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Network network : new Network[] {wide, narrow, wideInput}) {
            // a last block of 1 and of 63 rows (the row kernels, from an offset) and of 10; blocks of 256
            for (int rows : new int[] {257, Predictor.BLOCK + 63, 2 * Predictor.BLOCK + 10, 63, 1}) {
                cases.add(Arguments.of(network, rows));
            }
        }
        return cases.build();
    }

    @ParameterizedTest
    @MethodSource("blockedBatches")
    void networkPredictAndPredictorInBlocksHaveTheBitsOfTheRowLayoutOnTheWholeBatch(Network network, int rows) {
        int in = network.inputSize();
        int out = network.outputSize();
        double[] x = inputs(rows, in, rows + 11L);
        double[] expected = new double[rows * out];
        BatchEvaluator.inRowLayout(network, Loss.SUM_SQUARED_ERROR, rows).predictOwn(x, 0, rows, expected, 0);
        double[] byPredict = network.predict(Matrix.of(rows, in, x)).raw();
        double[] byPredictor = new double[rows * out];
        network.predictor().predict(x, rows, byPredictor);
        for (int k = 0; k < expected.length; k++) {
            assertThat(Double.doubleToLongBits(byPredict[k])).as("predict: row %d, output %d", k / out, k % out)
                    .isEqualTo(Double.doubleToLongBits(expected[k]));
            assertThat(Double.doubleToLongBits(byPredictor[k])).as("predictor: row %d, output %d", k / out, k % out)
                    .isEqualTo(Double.doubleToLongBits(expected[k]));
        }
    }
}
