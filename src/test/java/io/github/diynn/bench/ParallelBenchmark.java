package io.github.diynn.bench;

import io.github.diynn.core.Activation;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.core.Parallelism;
import io.github.diynn.core.Predictor;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 13's speed-ups: the same work at 1 and 2 threads ({@code threads}), results bit-identical.
 *
 * <ul>
 *   <li>{@code train32}, {@code train256}, {@code trainFull}: three epochs of a 64-128-10 network
 *       (sigmoid, softmax; cross-entropy; gradient descent at 0.1) on the 1797 digits with batches of
 *       32, 256 and the whole set; each epoch ends with the whole set's loss ({@code AFTER_EPOCH});
 *   <li>{@code finiteDifferencesFull}: one full-batch step by forward differences on a 64-16-10
 *       network (1,210 parameters, so 1,210 probes over 1797 rows; 64-128-10 would take seconds a step);
 *   <li>{@code predict100k}: the 64-128-10 network's outputs for 100,000 rows (the digits repeated)
 *       through one reused {@link Predictor}.
 * </ul>
 *
 * <pre>  mvn -B -q test-compile exec:exec@bench -Dbench="ParallelBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParallelBenchmark {

    /** The rows predicted by {@link #predict100k()}. */
    static final int PREDICTED_ROWS = 100_000;

    /** The workers of every call. */
    @Param({"1", "2"})
    public int threads;

    private Dataset digits;
    private Network wide;
    private Network narrow;
    private Trainer batch32;
    private Trainer batch256;
    private Trainer fullBatch;
    private Trainer finiteDifferences;
    private Predictor predictor;
    private double[] manyInputs;
    private double[] manyOutputs;

    /**
     * Loads the digits, builds the networks and the trainers for {@link #threads}.
     *
     * @throws IOException if the digits cannot be read
     */
    @Setup
    public void setUp() throws IOException {
        digits = Workloads.digits();
        wide = Network.builder(64).dense(128, Activation.SIGMOID).dense(10, Activation.SOFTMAX)
                .initializer(Initializer.XAVIER_NORMAL).build(Workloads.SEED);
        narrow = Network.builder(64).dense(16, Activation.SIGMOID).dense(10, Activation.SOFTMAX)
                .initializer(Initializer.XAVIER_NORMAL).build(Workloads.SEED);
        Parallelism parallelism = Parallelism.threads(threads);
        batch32 = trainer(32, 3, parallelism).build();
        batch256 = trainer(256, 3, parallelism).build();
        fullBatch = trainer(Trainer.FULL_BATCH, 3, parallelism).build();
        finiteDifferences = trainer(Trainer.FULL_BATCH, 1, parallelism).gradientSource(FiniteDifferences.forward())
                .build();
        predictor = wide.predictor(parallelism);
        double[] x = digits.inputs().toRowMajorArray();
        manyInputs = new double[PREDICTED_ROWS * 64];
        for (int at = 0; at < manyInputs.length; at += x.length) {
            System.arraycopy(x, 0, manyInputs, at, Math.min(x.length, manyInputs.length - at));
        }
        manyOutputs = new double[PREDICTED_ROWS * 10];
    }

    private static Trainer.Builder trainer(int batchSize, int epochs, Parallelism parallelism) {
        return Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.1).epochs(epochs).batchSize(batchSize)
                .seed(Workloads.SEED).parallelism(parallelism);
    }

    /**
     * Three epochs in batches of 32 (one chunk each: on the calling thread; the epoch losses split).
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    public TrainingResult train32() {
        return batch32.train(wide, digits);
    }

    /**
     * Three epochs in batches of 256 (four chunks each).
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    public TrainingResult train256() {
        return batch256.train(wide, digits);
    }

    /**
     * Three full-batch epochs (29 chunks a step).
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    public TrainingResult trainFull() {
        return fullBatch.train(wide, digits);
    }

    /**
     * One full-batch step by forward differences on 64-16-10.
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    public TrainingResult finiteDifferencesFull() {
        return finiteDifferences.train(narrow, digits);
    }

    /**
     * The outputs of 100,000 rows.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] predict100k() {
        predictor.predict(manyInputs, PREDICTED_ROWS, manyOutputs);
        return manyOutputs;
    }
}
