package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PredictorTest {

    private static final Network NETWORK = GradientFixtures.network(new int[] {5, 7, 3}, Activation.SIGMOID,
            Activation.SOFTMAX, true, 4);

    @Test
    void writesTheBitsOfPredictForEveryBatchSizeAcrossBlocks() {
        Predictor predictor = NETWORK.predictor();
        for (int rows : new int[] {1, 2, 255, 256, 257, 1000}) {
            Matrix inputs = GradientFixtures.inputs(rows, 5, rows);
            double[] outputs = new double[rows * 3 + 2];
            outputs[rows * 3] = 42.0;
            predictor.predict(inputs.raw(), rows, outputs);
            assertThat(Arrays.equals(Arrays.copyOf(outputs, rows * 3), NETWORK.predict(inputs).raw()))
                    .as("%d rows", rows).isTrue();
            assertThat(outputs[rows * 3]).isEqualTo(42.0);
        }
    }

    @Test
    void oneSampleIntoTheCallersArrayIsPredictOfThatSample() {
        Predictor predictor = NETWORK.predictor();
        double[] features = {0.5, -1.0, 2.0, 0.0, 3.5};
        double[] out = new double[3];
        predictor.predict(features, out);
        assertThat(out).containsExactly(NETWORK.predict(features));
        assertThat(features).containsExactly(0.5, -1.0, 2.0, 0.0, 3.5);
        assertThat(predictor.network()).isSameAs(NETWORK);
    }

    @Test
    void rejectsBadArraysAndNonFiniteInputsNamingThePlace() {
        Predictor predictor = NETWORK.predictor();
        assertThatThrownBy(() -> predictor.predict(new double[4], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("5 inputs", "got 4");
        assertThatThrownBy(() -> predictor.predict(new double[10], 2, new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("need 6", "got 5");
        assertThatThrownBy(() -> predictor.predict(new double[10], 3, new double[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("need 15", "got 10");
        assertThatThrownBy(() -> predictor.predict(new double[10], 0, new double[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        double[] nan = new double[10];
        nan[7] = Double.NaN;
        assertThatThrownBy(() -> predictor.predict(nan, 2, new double[6]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("row 1, column 2", "NaN");
    }

    @Test
    void readsAndChecksOnlyTheRowsItIsGiven() {
        // A non-finite value past rows * inputs is not part of the batch: neither checked nor read.
        Predictor predictor = NETWORK.predictor();
        Matrix inputs = GradientFixtures.inputs(300, 5, 9);
        double[] longer = Arrays.copyOf(inputs.raw(), 301 * 5);
        longer[300 * 5 + 2] = Double.POSITIVE_INFINITY;
        for (int rows : new int[] {1, 64, 300}) {
            double[] outputs = new double[rows * 3];
            predictor.predict(longer, rows, outputs);
            Matrix first = inputs.selectRows(IntStream.range(0, rows).toArray());
            assertThat(Arrays.equals(outputs, NETWORK.predict(first).raw())).as("%d rows", rows).isTrue();
        }
        longer[299 * 5 + 4] = Double.NaN; // now inside a batch of 300 rows, the last value of its last row
        assertThatThrownBy(() -> predictor.predict(longer, 300, new double[900]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("row 299, column 4", "NaN");
    }

    @Test
    void anOverflowingOutputIsReported() {
        Network huge = Network.of(DenseLayer.of(Matrix.of(1, 1, 1e300), Activation.IDENTITY));
        assertThatThrownBy(() -> huge.predictor().predict(new double[] {1e10}, new double[1]))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("output 0 of sample 0");
    }

    @Test
    void aParallelPredictorWritesTheBitsOfOneThreadAndLeavesNoThreadAfterACall() {
        Network wide = GradientFixtures.network(new int[] {20, 64, 10}, Activation.TANH, Activation.SOFTMAX, true, 5);
        Matrix inputs = GradientFixtures.inputs(3000, 20, 5); // 12 blocks; 3000 x 2,026 is worth helpers
        Matrix expected = wide.predict(inputs);
        java.util.Set<String> before = ParallelEvaluatorTest.diynnThreads();
        for (int threads : new int[] {2, 3, 8}) {
            Predictor predictor = wide.predictor(Parallelism.threads(threads));
            assertThat(predictor.parallelism()).isEqualTo(Parallelism.threads(threads));
            for (int call = 0; call < 2; call++) {
                double[] outputs = new double[3000 * 10];
                predictor.predict(inputs.raw(), 3000, outputs);
                assertThat(outputs).as("%d threads", threads).isEqualTo(expected.raw());
                assertThat(ParallelEvaluatorTest.diynnThreads()).isEqualTo(before);
            }
            assertThat(wide.predict(inputs, Parallelism.threads(threads))).isEqualTo(expected);
        }
        assertThat(wide.predictor().parallelism()).isEqualTo(Parallelism.sequential());
    }

    @Test
    void aParallelPredictionNamesANonFiniteInputAsOneThreadDoes() {
        Network wide = GradientFixtures.network(new int[] {20, 64, 10}, Activation.TANH, Activation.SOFTMAX, true, 5);
        double[] inputs = GradientFixtures.inputs(3000, 20, 5).raw().clone();
        inputs[2500 * 20 + 3] = Double.NaN;
        assertThatThrownBy(() -> wide.predictor(Parallelism.threads(2)).predict(inputs, 3000, new double[30000]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 2500, column 3");
        Matrix good = GradientFixtures.inputs(3, 20, 5);
        assertThatThrownBy(() -> wide.predict(good, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism is null");
        assertThatThrownBy(() -> wide.predictor(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism is null");
    }
}
