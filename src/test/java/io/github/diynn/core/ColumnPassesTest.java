package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The column layout of narrow networks gives the row layout's bits, on every pass. */
class ColumnPassesTest {

    static Stream<Arguments> narrowNetworks() {
        return Stream.of(
                Arguments.of(new int[] {2, 1}, Activation.IDENTITY, Activation.IDENTITY, true, Loss.SUM_SQUARED_ERROR),
                Arguments.of(new int[] {3, 1}, Activation.IDENTITY, Activation.SIGMOID, false, Loss.MEAN_SQUARED_ERROR),
                Arguments.of(new int[] {1, 1}, Activation.IDENTITY, Activation.TANH, true, Loss.SUM_SQUARED_ERROR),
                Arguments.of(new int[] {4, 1}, Activation.IDENTITY, Activation.IDENTITY, true, Loss.MEAN_SQUARED_ERROR),
                Arguments.of(new int[] {2, 3, 1}, Activation.SIGMOID, Activation.IDENTITY, false, Loss.SUM_SQUARED_ERROR),
                Arguments.of(new int[] {2, 3, 1}, Activation.SIGMOID, Activation.IDENTITY, true, Loss.SUM_SQUARED_ERROR),
                Arguments.of(new int[] {3, 5, 4, 2}, Activation.TANH, Activation.IDENTITY, true, Loss.MEAN_SQUARED_ERROR),
                Arguments.of(new int[] {2, 3, 4, 1}, Activation.SIGMOID, Activation.IDENTITY, true,
                        Loss.MEAN_SQUARED_ERROR),
                Arguments.of(new int[] {8, 8, 8}, Activation.RELU, Activation.SIGMOID, true, Loss.BINARY_CROSS_ENTROPY),
                Arguments.of(new int[] {1, 7, 1}, Activation.leakyRelu(), Activation.IDENTITY, true,
                        Loss.MEAN_ABSOLUTE_ERROR),
                Arguments.of(new int[] {4, 6, 3}, Activation.SIGMOID, Activation.SIGMOID, false, Loss.SUM_SQUARED_ERROR),
                Arguments.of(new int[] {5, 2, 6}, Activation.TANH, Activation.TANH, true, Loss.MEAN_SQUARED_ERROR));
    }

    private static Matrix targets(Loss loss, int rows, int columns, long seed) {
        return loss == Loss.BINARY_CROSS_ENTROPY ? GradientFixtures.binaryTargets(rows, columns, seed, false)
                : GradientFixtures.regressionTargets(rows, columns, seed);
    }

    @ParameterizedTest
    @MethodSource("narrowNetworks")
    void lossGradientAndPredictionsHaveTheRowLayoutsBits(int[] sizes, Activation hidden, Activation output,
            boolean biases, Loss loss) {
        Network network = GradientFixtures.network(sizes, hidden, output, biases, 7);
        BatchEvaluator byColumns = BatchEvaluator.of(network, loss, 200);
        BatchEvaluator byRows = BatchEvaluator.inRowLayout(network, loss, 200);
        assertThat(byColumns.byColumns()).isTrue();
        assertThat(byRows.byColumns()).isFalse();
        int in = sizes[0];
        int out = sizes[sizes.length - 1];
        for (long seed = 1; seed <= 12; seed++) {
            // small batches (an activation's short columns grouped), then 84 to 187 rows (one pass a column)
            int rows = seed <= 8 ? 1 + (int) (seed * 13 % 40) : 60 + (int) (seed * 37 % 140);
            double[] theta = GradientFixtures.shifted(network.parameters(), seed);
            double[] x = GradientFixtures.inputs(rows, in, seed).raw();
            double[] y = targets(loss, rows, out, seed).raw();
            double[] g1 = new double[theta.length];
            double[] g2 = new double[theta.length];
            double v1 = byColumns.lossAndGradient(theta, x, y, rows, g1);
            double v2 = byRows.lossAndGradient(theta, x, y, rows, g2);
            assertThat(Double.doubleToLongBits(v1)).as("loss, seed %d", seed).isEqualTo(Double.doubleToLongBits(v2));
            assertThat(bits(g1)).as("gradient, seed %d", seed).isEqualTo(bits(g2));
            double[] p1 = new double[rows * out];
            double[] p2 = new double[rows * out];
            byColumns.predict(theta, x, rows, p1);
            byRows.predict(theta, x, rows, p2);
            assertThat(bits(p1)).as("predictions, seed %d", seed).isEqualTo(bits(p2));
            Network moved = network.withParameters(theta);
            Matrix inputs = Matrix.of(rows, in, x);
            assertThat(bits(p1)).isEqualTo(bits(moved.predict(inputs).raw()));
            assertThat(Double.doubleToLongBits(byColumns.loss(theta, x, y, rows)))
                    .isEqualTo(Double.doubleToLongBits(moved.loss(loss, inputs, Matrix.of(rows, out, y))));
        }
    }

    @ParameterizedTest
    @MethodSource("narrowNetworks")
    void finiteDifferencesHaveTheRowLayoutsBits(int[] sizes, Activation hidden,
            Activation output, boolean biases, Loss loss) {
        Network network = GradientFixtures.network(sizes, hidden, output, biases, 11);
        BatchEvaluator byColumns = BatchEvaluator.of(network, loss, 150);
        BatchEvaluator byRows = BatchEvaluator.inRowLayout(network, loss, 150);
        for (int rows : new int[] {30, 150}) {
            double[] x = GradientFixtures.inputs(rows, sizes[0], 3).raw();
            double[] y = targets(loss, rows, sizes[sizes.length - 1], 3).raw();
            // Steps of 1e-8 and 1e-6 take the Taylor steps; 1e-4 moves some units too far for them.
            for (double[] scheme : new double[][] {{1, 1e-8}, {0, 1e-6}, {0, 1e-4}, {1, 1e-4}}) {
                boolean forward = scheme[0] == 1;
                double step = scheme[1];
                double[] theta = network.parameters();
                double[] g1 = new double[theta.length];
                double[] g2 = new double[theta.length];
                double v1 = byColumns.finiteDifferences(forward, step, theta, x, y, rows, g1);
                double v2 = byRows.finiteDifferences(forward, step, theta, x, y, rows, g2);
                assertThat(v1).isEqualTo(v2);
                assertThat(theta).isEqualTo(network.parameters());
                // Both layouts make each probe by the same arithmetic (the moved unit's sum, its Taylor
                // step, the later layers in full, the loss in the same order), so the bits agree.
                assertThat(bits(g1)).as("%s, step %s, %d rows", forward ? "forward" : "central", step, rows)
                        .isEqualTo(bits(g2));
            }
        }
    }

    @Test
    void unitsTwoAtATimeHaveTheBitsOfOneUnitAtATime() {
        // Every width from 1 to 17 (pairs from 4 inputs; leftovers of 1 to 3 inputs), odd and even
        // unit counts, with and without biases, offsets into a parameter vector, rows that end a
        // vector early or late; each entry must equal the single unit's sum bit for bit.
        SplittableRandom random = new SplittableRandom(17);
        for (int width = 1; width <= 17; width++) {
            for (int out = 1; out <= 9; out++) {
                for (boolean biased : new boolean[] {true, false}) {
                    int rows = 1 + random.nextInt(40);
                    double[][] in = new double[width][rows + 3];
                    for (double[] column : in) {
                        for (int r = 0; r < column.length; r++) {
                            column[r] = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-3, 4));
                        }
                    }
                    int wAt = random.nextInt(5);
                    double[] w = new double[wAt + width * out];
                    for (int k = 0; k < w.length; k++) {
                        w[k] = random.nextDouble(-2, 2);
                    }
                    int bAt = random.nextInt(5);
                    double[] b = biased ? new double[bAt + out] : null;
                    for (int k = 0; biased && k < b.length; k++) {
                        b[k] = random.nextDouble(-2, 2);
                    }
                    double[][] paired = new double[out][rows + 3];
                    for (double[] column : paired) {
                        Arrays.fill(column, 42.0); // overwritten up to rows, untouched after
                    }
                    ColumnPasses.units(in, w, wAt, out, b, bAt, paired, rows);
                    for (int j = 0; j < out; j++) {
                        double[] alone = new double[rows];
                        ColumnPasses.unit(in, w, wAt, j, out, biased ? b[bAt + j] : Double.NaN, biased, alone, rows);
                        assertThat(bits(Arrays.copyOf(paired[j], rows)))
                                .as("%d inputs, %d units, bias %s, unit %d", width, out, biased, j)
                                .isEqualTo(bits(alone));
                        assertThat(paired[j][rows]).isEqualTo(42.0);
                    }
                }
            }
        }
    }

    @Test
    void aParameterRangeWritesOnlyItsEntriesWithTheBitsOfTheWholeEstimate() {
        Network network = GradientFixtures.network(new int[] {2, 3, 1}, Activation.SIGMOID, Activation.IDENTITY,
                true, 5);
        for (BatchEvaluator evaluator : new BatchEvaluator[] {BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, 20),
                BatchEvaluator.inRowLayout(network, Loss.SUM_SQUARED_ERROR, 20)}) {
            double[] x = GradientFixtures.inputs(20, 2, 1).raw();
            double[] y = GradientFixtures.regressionTargets(20, 1, 1).raw();
            double[] theta = network.parameters();
            double[] whole = new double[theta.length];
            evaluator.finiteDifferences(true, 1e-8, theta, x, y, 20, whole);
            double[] pieces = new double[theta.length];
            Arrays.fill(pieces, Double.NaN);
            int[] cuts = {0, 4, 5, 9, theta.length};
            for (int c = cuts.length - 1; c > 0; c--) { // out of order, as threads may take them
                evaluator.finiteDifferences(true, 1e-8, theta, x, y, 20, pieces, cuts[c - 1], cuts[c]);
            }
            assertThat(bits(pieces)).isEqualTo(bits(whole));
            double[] one = new double[theta.length];
            Arrays.fill(one, Double.NaN);
            evaluator.finiteDifferences(true, 1e-8, theta, x, y, 20, one, 6, 8);
            for (int k = 0; k < theta.length; k++) {
                assertThat(Double.isNaN(one[k])).as("entry %d", k).isEqualTo(k < 6 || k >= 8);
            }
        }
    }

    @Test
    void wideOrSoftmaxNetworksKeepTheRowLayout() {
        Network wide = GradientFixtures.network(new int[] {2, 9, 1}, Activation.SIGMOID, Activation.IDENTITY, true, 1);
        Network wideInput = GradientFixtures.network(new int[] {9, 2, 1}, Activation.SIGMOID, Activation.IDENTITY,
                true, 1);
        Network softmax = GradientFixtures.network(new int[] {2, 3, 3}, Activation.SIGMOID, Activation.SOFTMAX, true, 1);
        assertThat(BatchEvaluator.of(wide, Loss.SUM_SQUARED_ERROR, 4).byColumns()).isFalse();
        assertThat(BatchEvaluator.of(wideInput, Loss.SUM_SQUARED_ERROR, 4).byColumns()).isFalse();
        assertThat(BatchEvaluator.of(softmax, Loss.CROSS_ENTROPY, 4).byColumns()).isFalse();
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = Double.doubleToLongBits(values[k]);
        }
        return out;
    }
}
