package io.github.diynn.bench;

import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scaling run: one epoch of W4's training (sigmoid hidden, softmax + mean cross-entropy, SGD
 * with batches of 32 at rate 0.1) of a 64-h-10 network on the first 320 digits, for
 * {@code h} = 8 to 2048, diynn's trainer beside the plain-Java loop. The score is the time per
 * sample; a training sample costs about {@code 6 (64 h + 10 h)} floating-point operations (forward 2
 * per weight, backward 4), so time per sample against {@code 444 h} shows where each leaves the
 * overheads behind and how close it comes to the machine's arithmetic rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(Workloads.SCALING_ROWS)
public class ScalingBenchmark {

    /** The hidden widths of the run. */
    static final int[] WIDTHS = {8, 32, 128, 512, 2048};

    /** The hidden width {@code h}. */
    @Param({"8", "32", "128", "512", "2048"})
    public int hidden;

    private Dataset rows;
    private Network start;
    private Trainer trainer;
    private double[] x;
    private double[] y;

    /** Loads the rows and builds the starting network and the trainer. */
    @Setup
    public void setUp() throws IOException {
        rows = Workloads.digits().slice(0, Workloads.SCALING_ROWS);
        start = Workloads.digitsNetwork(hidden);
        trainer = Workloads.digitsTrainer(1);
        x = rows.inputs().toRowMajorArray();
        y = rows.targets().toRowMajorArray();
    }

    /**
     * One epoch with diynn's trainer.
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    public TrainingResult diynn() {
        return trainer.train(start, rows);
    }

    /**
     * One epoch of the plain loop, from the same start in the same order.
     *
     * @return the loss history, so that the work is not eliminated
     */
    @Benchmark
    public double[] plainLoop() {
        ReferenceNet net = new ReferenceNet(64, hidden, 10, true, true, start.parameters(), Workloads.SCALING_ROWS);
        return net.trainMinibatch(x, y, Workloads.SCALING_ROWS, Workloads.DIGITS_RATE, 1, Workloads.DIGITS_BATCH,
                Workloads.SEED);
    }
}
