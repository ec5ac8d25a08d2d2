package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelEvaluatorTest {

    /**
     * 20-48-5: 1,253 parameters, so chunks of 64 rows ({@link ParallelEvaluator#chunkRows(int)}) and
     * 53 rows or more are worth a helper (rows x parameters >= 2^16).
     */
    private static final int[] SIZES = {20, 48, 5};

    private static Network network(Activation output, long seed) {
        return GradientFixtures.network(SIZES, Activation.TANH, output, true, seed);
    }

    private static Matrix inputs(int rows, long seed) {
        return GradientFixtures.inputs(rows, SIZES[0], seed);
    }

    /**
     * The tree as the class documents it, written independently: the node covering chunks
     * {@code [first, first + size)} (size a power of two) is its left half plus its right half, or its
     * left half alone when the right half starts at or after the last chunk.
     */
    private static double[] tree(double[][] leaves, int first, int size) {
        if (size == 1) {
            return leaves[first].clone();
        }
        double[] left = tree(leaves, first, size / 2);
        if (first + size / 2 >= leaves.length) {
            return left;
        }
        double[] right = tree(leaves, first + size / 2, size / 2);
        for (int k = 0; k < left.length; k++) {
            left[k] = left[k] + right[k];
        }
        return left;
    }

    /**
     * The oracle: each 64-row chunk by a plain {@link BatchEvaluator} on the summed squared error (a
     * sum, so a chunk's share is its own loss), the loss as the last entry, added up in the tree.
     */
    private static double[] oracle(Network network, Matrix inputs, Matrix targets) {
        int rows = inputs.rows();
        int chunks = (rows + 63) / 64;
        double[][] leaves = new double[chunks][];
        BatchEvaluator evaluator = BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, 64);
        for (int c = 0; c < chunks; c++) {
            int from = c * 64;
            int count = Math.min(64, rows - from);
            double[] x = Arrays.copyOfRange(inputs.raw(), from * inputs.columns(), (from + count) * inputs.columns());
            double[] y = Arrays.copyOfRange(targets.raw(), from * targets.columns(),
                    (from + count) * targets.columns());
            double[] leaf = new double[network.parameterCount() + 1];
            leaf[network.parameterCount()] = evaluator.lossAndGradient(network.parameters(), x, y, count, leaf);
            leaves[c] = leaf;
        }
        int size = 1;
        while (size < chunks) {
            size *= 2;
        }
        return tree(leaves, 0, size);
    }

    @Test
    void aChunkIsTheLeastMultipleOf64RowsWorthAThread() {
        // rows x parameters >= 2^16 = 65,536, in whole multiples of 64 rows, never below 64.
        assertThat(ParallelEvaluator.chunkRows(13)).isEqualTo(5056); // 79 x 64: 65,728 >= 65,536 > 78 x 64 x 13
        assertThat(ParallelEvaluator.chunkRows(1002)).isEqualTo(128); // 64 x 1002 = 64,128 is short of 2^16
        assertThat(ParallelEvaluator.chunkRows(1024)).isEqualTo(64);
        assertThat(ParallelEvaluator.chunkRows(9610)).isEqualTo(64);
        assertThat(ParallelEvaluator.chunkRows(1)).isEqualTo(65536);
        for (int parameters = 1; parameters < 5000; parameters += 7) {
            int rows = ParallelEvaluator.chunkRows(parameters);
            assertThat(rows % 64).isZero();
            assertThat((long) rows * parameters).isGreaterThanOrEqualTo(1L << 16);
            assertThat(rows == 64 || (long) (rows - 64) * parameters < (1L << 16)).as("%d parameters", parameters)
                    .isTrue();
        }
    }

    @Test
    void lossAndGradientAreTheChunksAddedInTheDocumentedTreeOnEveryThreadCount() {
        // 1 chunk; 2; an odd 5; 37 (more than 32 tasks: subtrees of 2 chunks); 100 (subtrees of 4).
        for (int rows : new int[] {40, 100, 300, 64 * 36 + 5, 64 * 99 + 1}) {
            Network network = network(Activation.IDENTITY, rows);
            Matrix x = inputs(rows, rows);
            Matrix y = GradientFixtures.regressionTargets(rows, 5, rows);
            double[] expected = oracle(network, x, y);
            for (int threads : new int[] {1, 2, 3, 8}) {
                try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.SUM_SQUARED_ERROR, rows,
                        Parallelism.threads(threads))) {
                    double[] gradient = new double[network.parameterCount()];
                    double loss = evaluator.lossAndGradient(Backpropagation.instance(), network.parameters(), x.raw(),
                            y.raw(), rows, gradient);
                    assertThat(gradient).as("%d rows, %d threads", rows, threads)
                            .isEqualTo(Arrays.copyOf(expected, gradient.length));
                    assertThat(loss).isEqualTo(expected[gradient.length]);
                    assertThat(evaluator.loss(network.parameters(), x.raw(), y.raw(), rows)).isEqualTo(loss);
                }
            }
        }
    }

    @Test
    void aNamedLibrarySourceIsChunkedAsTheSourceItself() {
        Network network = network(Activation.IDENTITY, 13);
        Matrix x = inputs(300, 13);
        Matrix y = GradientFixtures.regressionTargets(300, 5, 13);
        double[] onePass = new double[network.parameterCount()];
        BatchEvaluator.of(network, Loss.MEAN_SQUARED_ERROR, 300).lossAndGradient(network.parameters(), x.raw(),
                y.raw(), 300, onePass);
        double[] plain = new double[network.parameterCount()];
        double[] named = new double[network.parameterCount()];
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 300,
                Parallelism.threads(2))) {
            evaluator.lossAndGradient(Backpropagation.instance(), network.parameters(), x.raw(), y.raw(), 300, plain);
            evaluator.lossAndGradient(GradientSource.named("exact", GradientSource.named("inner",
                    Backpropagation.instance())), network.parameters(), x.raw(), y.raw(), 300, named);
        }
        assertThat(named).isEqualTo(plain);
        assertThat(onePass).isNotEqualTo(plain); // so a source not seen through would be caught here
    }

    @Test
    void aBatchOfOneChunkHasTheBitsOfABatchEvaluator() {
        for (Loss loss : new Loss[] {Loss.MEAN_SQUARED_ERROR, Loss.CROSS_ENTROPY}) {
            Activation output = loss == Loss.CROSS_ENTROPY ? Activation.SOFTMAX : Activation.IDENTITY;
            Network network = network(output, 3);
            Matrix x = inputs(64, 3);
            Matrix y = loss == Loss.CROSS_ENTROPY ? GradientFixtures.classTargets(64, 5, 3, true)
                    : GradientFixtures.regressionTargets(64, 5, 3);
            double[] expected = new double[network.parameterCount()];
            double expectedLoss = BatchEvaluator.of(network, loss, 64).lossAndGradient(network.parameters(), x.raw(),
                    y.raw(), 64, expected);
            double[] gradient = new double[network.parameterCount()];
            try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, loss, 64, Parallelism.threads(4))) {
                assertThat(evaluator.lossAndGradient(Backpropagation.instance(), network.parameters(), x.raw(), y.raw(),
                        64, gradient)).isEqualTo(expectedLoss);
            }
            assertThat(gradient).isEqualTo(expected);
        }
    }

    @Test
    void meanLossesDivideEachChunkByTheWholeBatch() {
        // Chunked means agree with the one-pass mean to rounding, which they would not if a chunk
        // divided by its own 64 rows (each term would weigh rows / 64 times too much). Wide and narrow
        // networks (layers of at most 8 units may take other passes inside the evaluator).
        for (int[] sizes : new int[][] {SIZES, {4, 6, 5}, {3, 2, 5}, {4, 6, 1}}) {
            for (Loss loss : new Loss[] {Loss.MEAN_SQUARED_ERROR, Loss.MEAN_ABSOLUTE_ERROR, Loss.CROSS_ENTROPY,
                    Loss.BINARY_CROSS_ENTROPY, Loss.SUM_SQUARED_ERROR}) {
                if (loss != Loss.CROSS_ENTROPY || sizes[sizes.length - 1] > 1) {
                    requireChunkedMeanIsTheBatchMean(sizes, loss);
                }
            }
        }
    }

    private static void requireChunkedMeanIsTheBatchMean(int[] sizes, Loss loss) {
        Activation output = loss == Loss.CROSS_ENTROPY ? Activation.SOFTMAX
                : loss == Loss.BINARY_CROSS_ENTROPY ? Activation.SIGMOID : Activation.IDENTITY;
        Network network = GradientFixtures.network(sizes, Activation.TANH, output, true, 5);
        Matrix x = GradientFixtures.inputs(300, sizes[0], 5);
        int outputs = sizes[sizes.length - 1];
        Matrix y = loss == Loss.CROSS_ENTROPY ? GradientFixtures.classTargets(300, outputs, 5, true)
                : loss == Loss.BINARY_CROSS_ENTROPY ? GradientFixtures.binaryTargets(300, outputs, 5, false)
                : GradientFixtures.regressionTargets(300, outputs, 5);
        double[] onePass = new double[network.parameterCount()];
        double onePassLoss = BatchEvaluator.of(network, loss, 300).lossAndGradient(network.parameters(), x.raw(),
                y.raw(), 300, onePass);
        LossAndGradient chunked = Backpropagation.instance().lossAndGradient(network, loss, x, y);
        assertThat(chunked.loss()).as("%s %s", Arrays.toString(sizes), loss)
                .isCloseTo(onePassLoss, within(1e-12 * Math.abs(onePassLoss)));
        for (int k = 0; k < onePass.length; k++) {
            assertThat(chunked.gradient()[k]).as("%s %s entry %d", Arrays.toString(sizes), loss, k)
                    .isCloseTo(onePass[k], within(1e-12 * Math.max(1.0, Math.abs(onePass[k]))));
        }
        assertThat(network.loss(loss, x, y)).isEqualTo(chunked.loss());
    }

    @Test
    void finiteDifferencesSplitByParameterHaveTheBitsOfOneThread() {
        Network network = network(Activation.SOFTMAX, 7);
        Matrix x = inputs(150, 7);
        Matrix y = GradientFixtures.classTargets(150, 5, 7, true);
        LossAndGradient expected = FiniteDifferences.central().lossAndGradient(network, Loss.CROSS_ENTROPY, x, y);
        for (int threads : new int[] {2, 3, 8}) {
            double[] theta = network.parameters();
            double[] gradient = new double[theta.length];
            try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.CROSS_ENTROPY, 150,
                    Parallelism.threads(threads))) {
                double loss = evaluator.lossAndGradient(FiniteDifferences.central(), theta, x.raw(), y.raw(), 150,
                        gradient);
                assertThat(loss).isEqualTo(network.loss(Loss.CROSS_ENTROPY, x, y)).isEqualTo(expected.loss());
            }
            assertThat(gradient).as("%d threads", threads).isEqualTo(expected.gradient());
            assertThat(theta).isEqualTo(network.parameters());
        }
    }

    @Test
    void aCallersExecutorRunsTheHelpersAndNoThreadIsMade() {
        Network network = network(Activation.IDENTITY, 9);
        Matrix x = inputs(1000, 9);
        Matrix y = GradientFixtures.regressionTargets(1000, 5, 9);
        AtomicInteger submitted = new AtomicInteger();
        Executor executor = task -> {
            submitted.incrementAndGet();
            task.run(); // on the calling thread, inside execute: a helper that takes every task
        };
        double[] gradient = new double[network.parameterCount()];
        Set<String> before = diynnThreads();
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 1000,
                Parallelism.executor(executor, 4))) {
            evaluator.lossAndGradient(Backpropagation.instance(), network.parameters(), x.raw(), y.raw(), 1000,
                    gradient);
            assertThat(diynnThreads()).isEqualTo(before);
        }
        assertThat(submitted.get()).isEqualTo(3);
        assertThat(gradient).isEqualTo(Backpropagation.instance().gradient(network, Loss.MEAN_SQUARED_ERROR, x, y));
    }

    @Test
    void anExecutorThatNeverRunsItsTasksOnlySlowsTheCall() {
        Network network = network(Activation.IDENTITY, 9);
        Matrix x = inputs(1000, 9);
        Matrix y = GradientFixtures.regressionTargets(1000, 5, 9);
        double[] gradient = new double[network.parameterCount()];
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 1000,
                Parallelism.executor(task -> { }, 4))) {
            evaluator.lossAndGradient(Backpropagation.instance(), network.parameters(), x.raw(), y.raw(), 1000,
                    gradient);
        }
        assertThat(gradient).isEqualTo(Backpropagation.instance().gradient(network, Loss.MEAN_SQUARED_ERROR, x, y));
    }

    @Test
    void aRejectingExecutorEndsTheCallWithAClearException() {
        Network network = network(Activation.IDENTITY, 9);
        Matrix x = inputs(1000, 9);
        Matrix y = GradientFixtures.regressionTargets(1000, 5, 9);
        Executor shutDown = task -> {
            throw new RejectedExecutionException("pool is shut down");
        };
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 1000,
                Parallelism.executor(shutDown, 2))) {
            assertThatThrownBy(() -> evaluator.loss(network.parameters(), x.raw(), y.raw(), 1000))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("rejected")
                    .hasMessageContaining("pool is shut down");
        }
    }

    @Test
    void threadsAreMadeByTheFirstLargeCallAndJoinedByClose() {
        Network network = network(Activation.IDENTITY, 9);
        Matrix x = inputs(1000, 9);
        Matrix y = GradientFixtures.regressionTargets(1000, 5, 9);
        Set<String> before = diynnThreads();
        ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 1000,
                Parallelism.threads(3));
        evaluator.loss(network.parameters(), x.raw(), y.raw(), 40); // one chunk: the calling thread alone
        assertThat(diynnThreads()).isEqualTo(before);
        evaluator.loss(network.parameters(), x.raw(), y.raw(), 1000);
        assertThat(diynnThreads()).containsAll(before)
                .contains("diynn-ParallelEvaluator-worker-1", "diynn-ParallelEvaluator-worker-2");
        evaluator.close();
        assertThat(diynnThreads()).isEqualTo(before);
    }

    @Test
    void aFailingChunkIsReportedWithItsRowsAndTheFirstFailingChunkWinsOnEveryThreadCount() {
        Network network = GradientFixtures.network(SIZES, Activation.IDENTITY, Activation.IDENTITY, true, 11);
        double[] x = inputs(1000, 11).raw().clone();
        double[] y = GradientFixtures.regressionTargets(1000, 5, 11).raw();
        // Rows 700 and 200 (chunks 10 and 3) overflow the loss; chunk 3's failure is the one reported.
        x[700 * SIZES[0]] = 1e300;
        x[200 * SIZES[0]] = 1e300;
        double[] theta = network.parameters();
        for (int threads : new int[] {1, 2, 8}) {
            try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.SUM_SQUARED_ERROR, 1000,
                    Parallelism.threads(threads))) {
                assertThatThrownBy(() -> evaluator.lossAndGradient(Backpropagation.instance(), theta, x, y, 1000,
                        new double[theta.length])).as("%d threads", threads).isInstanceOf(ArithmeticException.class)
                        .hasMessageStartingWith("rows 192 to 255 of a batch of 1000 (samples counted from row 192)")
                        .hasCauseInstanceOf(ArithmeticException.class);
            }
        }
        assertThat(theta).isEqualTo(network.parameters());
    }

    @Test
    void finiteChunkLossesThatAddUpToInfinityAreReportedAsAnOverflow() {
        // 1 -> 1 identity, w = 1, b = 0: the error of the first row of each chunk is e, e^2 = 1.5e308, so each
        // chunk's half sum of squares is 0.75e308 and three of them pass Double.MAX_VALUE.
        Network network = Network.of(DenseLayer.of(Matrix.of(1, 1, new double[] {1.0}), Matrix.rowVector(0.0),
                Activation.IDENTITY));
        double e = Math.sqrt(1.5e308);
        int chunk = ParallelEvaluator.chunkRows(network.parameterCount()); // 2 parameters: 32,768 rows
        int rows = 2 * chunk + 2;
        double[] x = new double[rows];
        double[] y = new double[rows];
        x[0] = e;
        x[chunk] = e;
        x[2 * chunk] = e;
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.SUM_SQUARED_ERROR, rows,
                Parallelism.sequential())) {
            assertThat(evaluator.loss(network.parameters(), x, y, chunk)).isEqualTo(0.5 * (e * e));
            assertThat(evaluator.loss(network.parameters(), x, y, 2 * chunk))
                    .isEqualTo(0.5 * (e * e) + 0.5 * (e * e));
            assertThatThrownBy(() -> evaluator.loss(network.parameters(), x, y, rows))
                    .isInstanceOf(ArithmeticException.class)
                    .hasMessageContaining("the loss of a batch of " + rows + " rows overflowed: its 3 chunks");
        }
    }

    @Test
    void anInterruptedCallingThreadEndsAParallelCallAndKeepsItsInterruptStatus() {
        Network network = network(Activation.IDENTITY, 9);
        Matrix x = inputs(1000, 9);
        Matrix y = GradientFixtures.regressionTargets(1000, 5, 9);
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 1000,
                Parallelism.threads(2))) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> evaluator.loss(network.parameters(), x.raw(), y.raw(), 1000))
                        .isInstanceOf(CancellationException.class).hasMessageContaining("interrupted");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void anInterruptedWorkerThreadEndsTheNextCallNamingIt() throws InterruptedException {
        Network network = network(Activation.IDENTITY, 9);
        Matrix x = inputs(1000, 9);
        Matrix y = GradientFixtures.regressionTargets(1000, 5, 9);
        ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 1000,
                Parallelism.threads(2));
        evaluator.loss(network.parameters(), x.raw(), y.raw(), 1000);
        Thread worker = thread("diynn-ParallelEvaluator-worker-1");
        worker.interrupt();
        worker.join();
        assertThatThrownBy(() -> evaluator.loss(network.parameters(), x.raw(), y.raw(), 1000))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("diynn-ParallelEvaluator-worker-1 was interrupted");
        assertThatThrownBy(evaluator::close).isInstanceOf(CancellationException.class);
        assertThat(diynnThreads()).doesNotContain("diynn-ParallelEvaluator-worker-1");
    }

    @Test
    void openRejectsMissingArgumentsAndCallsRejectBadBatches() {
        Network network = network(Activation.IDENTITY, 9);
        assertThatThrownBy(() -> ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 10, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 0, Parallelism.sequential()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, Loss.MEAN_SQUARED_ERROR, 10,
                Parallelism.sequential())) {
            assertThat(evaluator.capacity()).isEqualTo(10);
            assertThat(evaluator.parameterCount()).isEqualTo(network.parameterCount());
            assertThatThrownBy(() -> evaluator.loss(network.parameters(), new double[200], new double[50], 11))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11 rows");
            assertThatThrownBy(() -> evaluator.loss(network.parameters(), new double[19], new double[5], 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputs array holds 19");
            assertThatThrownBy(() -> evaluator.lossAndGradient(null, network.parameters(), new double[20],
                    new double[5], 1, new double[network.parameterCount()]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradient source");
        }
    }

    @Test
    void pairwiseSumAddsPairsThenPairsOfPairs() {
        // Doubles near 1e16 are 2 apart, so each 1 added to one is lost; the order decides how many.
        double[] values = {1.0, 1e16, -1e16, 1.0, 3.0};
        double tree = ((1.0 + 1e16) + (-1e16 + 1.0)) + 3.0;
        double inOrder = (((1.0 + 1e16) + -1e16) + 1.0) + 3.0;
        assertThat(tree).isEqualTo(3.0);
        assertThat(inOrder).isEqualTo(4.0);
        assertThat(ParallelEvaluator.pairwiseSum(values, 5)).isEqualTo(tree);
        assertThat(ParallelEvaluator.pairwiseSum(new double[] {7.5}, 1)).isEqualTo(7.5);
    }

    static Set<String> diynnThreads() {
        Set<String> names = new TreeSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().startsWith("diynn-")) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    private static Thread thread(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread;
            }
        }
        throw new AssertionError("no thread " + name);
    }
}
