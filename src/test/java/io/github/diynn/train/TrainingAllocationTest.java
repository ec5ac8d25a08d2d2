package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The engine allocates nothing per step in steady state: the bytes a run allocates grow with its
 * epochs only by the history it returns (a few doubles per epoch). Counted with the JVM's per-thread
 * allocation counter, not timed; the figures per step are in {@code docs/benchmarks.md} (JMH's GC
 * profiler).
 */
class TrainingAllocationTest {

    private static long allocatedBy(Runnable run) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        run.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }

    private static boolean countable() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled();
    }

    /**
     * Bytes per extra epoch: the run with {@code 3e} epochs against the run with {@code e}, after
     * warming up; the least of three such measurements. An allocation in every step shows in all
     * three; a one-off one (the JIT replacing a method mid-run, say: seen up to a few kilobytes)
     * in one at most.
     */
    private static double bytesPerExtraEpoch(Trainer.Builder builder, Network start, Matrix x, Matrix y, int epochs) {
        Trainer short_ = builder.epochs(epochs).build();
        Trainer long_ = builder.epochs(3 * epochs).build();
        for (int warm = 0; warm < 3; warm++) {
            short_.train(start, x, y);
            long_.train(start, x, y);
        }
        double least = Double.POSITIVE_INFINITY;
        for (int measurement = 0; measurement < 3; measurement++) {
            long few = allocatedBy(() -> short_.train(start, x, y));
            long many = allocatedBy(() -> long_.train(start, x, y));
            least = Math.min(least, (many - few) / (2.0 * epochs));
        }
        return least;
    }

    private static Matrix random(int rows, int columns, long seed, boolean oneHot) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[rows * columns];
        for (int i = 0; i < rows; i++) {
            int hot = random.nextInt(columns);
            for (int j = 0; j < columns; j++) {
                values[i * columns + j] = oneHot ? (j == hot ? 1 : 0) : random.nextDouble();
            }
        }
        return Matrix.of(rows, columns, values);
    }

    @Test
    void aMinibatchStepAllocatesNothing() {
        assumeTrue(countable(), "this JVM does not count allocated bytes per thread");
        Network start = Network.builder(16).dense(12, Activation.SIGMOID).dense(4, Activation.SOFTMAX).build(1);
        Matrix x = random(640, 16, 1, false);
        Matrix y = random(640, 4, 2, true);
        Trainer.Builder builder = Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam())
                .learningRate(0.01).batchSize(32).lossHistory(LossHistory.BATCH_ESTIMATE);
        double perEpoch = bytesPerExtraEpoch(builder, start, x, y, 20);
        // 20 steps per epoch; the history costs a few doubles per epoch, a step nothing.
        assertThat(perEpoch / 20).as("bytes per step").isLessThan(4.0);
    }

    @Test
    void aFullBatchStepAllocatesNothingButTheHistory() {
        assumeTrue(countable(), "this JVM does not count allocated bytes per thread");
        Network start = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);
        Matrix x = random(150, 2, 3, false);
        Matrix y = random(150, 1, 4, false);
        double perEpoch = bytesPerExtraEpoch(Trainer.builder().learningRate(0.01), start, x, y, 500);
        // The history: the losses array, its trimmed copy and the result's copy, 8 bytes each.
        assertThat(perEpoch).as("bytes per epoch").isLessThan(48.0);
    }
}
