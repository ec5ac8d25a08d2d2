package io.github.diynn.bench;

import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W4 and W5 on the 1797 8x8 digits (pixels / 16), 64-32-10 with a sigmoid hidden layer and a
 * softmax output, diynn's public API beside a plain-Java loop from the same start:
 * <ul>
 *   <li>W4: ten epochs of SGD, batches of 32 (the last of each epoch 5 rows), rate 0.1, mean
 *       cross-entropy per batch; both visit the samples in the trainer's seeded per-epoch shuffle.
 *       Samples per second is {@code 17970 / time};</li>
 *   <li>W5: the prediction of one sample and of all 1797 rows.</li>
 * </ul>
 * {@code BenchmarkAnswersTest} checks that each pair gives the same losses, weights and outputs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DigitsBenchmark {

    private Dataset digits;
    private double[] x;
    private double[] y;
    private double[] sample;
    private Network start;
    private Trainer trainer;
    private ReferenceNet predictor;
    private double[] oneOutput;
    private double[] allOutputs;
    private Predictor reusable;
    private double[] reusableOne;
    private double[] reusableAll;

    /** Loads the digits and builds the starting network, the trainer and the plain predictor. */
    @Setup
    public void setUp() throws IOException {
        digits = Workloads.digits();
        x = digits.inputs().toRowMajorArray();
        y = digits.targets().toRowMajorArray();
        sample = digits.inputs().row(5);
        start = Workloads.digitsNetwork(Workloads.DIGITS_HIDDEN);
        trainer = Workloads.digitsTrainer(Workloads.DIGITS_EPOCHS);
        predictor = new ReferenceNet(64, Workloads.DIGITS_HIDDEN, 10, true, true, start.parameters(), digits.size());
        oneOutput = new double[10];
        allOutputs = new double[digits.size() * 10];
        reusable = start.predictor();
        reusableOne = new double[10];
        reusableAll = new double[digits.size() * 10];
    }

    /**
     * W4 with diynn's trainer.
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public TrainingResult w4TrainDiynn() {
        return trainer.train(start, digits);
    }

    /**
     * W4 as a plain loop.
     *
     * @return the loss history, so that the work is not eliminated
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double[] w4TrainPlainLoop() {
        ReferenceNet net = new ReferenceNet(64, Workloads.DIGITS_HIDDEN, 10, true, true, start.parameters(),
                digits.size());
        return net.trainMinibatch(x, y, digits.size(), Workloads.DIGITS_RATE, Workloads.DIGITS_EPOCHS,
                Workloads.DIGITS_BATCH, Workloads.SEED);
    }

    /**
     * W5, one sample, with diynn.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double[] w5PredictOneDiynn() {
        return start.predict(sample);
    }

    /**
     * W5, one sample, as a plain loop into a reused output.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double[] w5PredictOnePlainLoop() {
        predictor.predict(sample, 1, oneOutput);
        return oneOutput;
    }

    /**
     * W5, all 1797 rows in one batch, with diynn.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Matrix w5PredictAllDiynn() {
        return start.predict(digits.inputs());
    }

    /**
     * W5, all 1797 rows, as a plain loop into a reused output.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] w5PredictAllPlainLoop() {
        predictor.predict(x, digits.size(), allOutputs);
        return allOutputs;
    }

    /**
     * W5, one sample, with diynn's {@link Predictor} into a reused output (no allocation).
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double[] w5PredictOneDiynnPredictor() {
        reusable.predict(sample, reusableOne);
        return reusableOne;
    }

    /**
     * W5, all 1797 rows, with diynn's {@link Predictor} into a reused output.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] w5PredictAllDiynnPredictor() {
        reusable.predict(x, digits.size(), reusableAll);
        return reusableAll;
    }
}
