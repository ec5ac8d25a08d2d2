package io.github.diynn.bench;

import io.github.diynn.core.BatchEvaluator;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One evaluation of the engine's step, the loss and gradient of one W4 batch (32 digits, 64-32-10,
 * softmax and cross-entropy) on a reused {@link BatchEvaluator}: with {@code -prof gc} its
 * {@code gc.alloc.rate.norm} is the bytes a training step allocates in steady state (0), which a
 * whole {@code train} call hides behind its set-up (the data copy and the buffers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepBenchmark {

    private BatchEvaluator evaluator;
    private double[] theta;
    private double[] inputs;
    private double[] targets;
    private double[] gradient;

    /** Takes the first 32 digits and the W4 starting network. */
    @Setup
    public void setUp() throws IOException {
        Dataset batch = Workloads.digits().slice(0, Workloads.DIGITS_BATCH);
        Network start = Workloads.digitsNetwork(Workloads.DIGITS_HIDDEN);
        evaluator = BatchEvaluator.of(start, Loss.CROSS_ENTROPY, Workloads.DIGITS_BATCH);
        theta = start.parameters();
        inputs = batch.inputs().toRowMajorArray();
        targets = batch.targets().toRowMajorArray();
        gradient = new double[theta.length];
    }

    /**
     * The loss and gradient of one batch, as a training step computes them.
     *
     * @return the loss, so that the work is not eliminated
     */
    @Benchmark
    public double lossAndGradientOfABatch() {
        return GradientSource.backpropagation().lossAndGradient(evaluator, theta, inputs, targets, Workloads.DIGITS_BATCH,
                gradient);
    }
}
