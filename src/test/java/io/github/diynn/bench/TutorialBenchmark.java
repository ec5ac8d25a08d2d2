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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W1-W3, the tutorial's workloads on the 150 Iris rows, each run whole (2000 epochs or iterations)
 * by diynn's public API and by a plain-Java loop from the same start:
 * <ul>
 *   <li>W1: the 2-3-1 without biases on max-scaled data, trained by forward differences;</li>
 *   <li>W2: linear regression on max-scaled data (diynn updates w1, w2 and b together; the
 *       tutorial's in-turn order is timed as a second plain loop);</li>
 *   <li>W3: the 2-3-1 with biases on unscaled data, trained by backpropagation.</li>
 * </ul>
 * {@code BenchmarkAnswersTest} checks that each pair ends at the same cost and parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TutorialBenchmark {

    private Dataset scaled;
    private Dataset unscaled;
    private double[] scaledX;
    private double[] scaledY;
    private double[] unscaledX;
    private double[] unscaledY;
    private Network w1Start;
    private Network w2Start;
    private Network w3Start;
    private Trainer w1Trainer;
    private Trainer w2Trainer;
    private Trainer w3Trainer;

    /** Loads Iris both ways and builds the starting networks and trainers. */
    @Setup
    public void setUp() throws IOException {
        scaled = Workloads.tutorialIris(true);
        unscaled = Workloads.tutorialIris(false);
        scaledX = scaled.inputs().toRowMajorArray();
        scaledY = scaled.targets().toRowMajorArray();
        unscaledX = unscaled.inputs().toRowMajorArray();
        unscaledY = unscaled.targets().toRowMajorArray();
        w1Start = Workloads.w1Network();
        w2Start = Workloads.w2Network();
        w3Start = Workloads.w3Network();
        w1Trainer = Workloads.w1Trainer();
        w2Trainer = Workloads.w2Trainer();
        w3Trainer = Workloads.w3Trainer(Workloads.TUTORIAL_EPOCHS);
    }

    /**
     * W1 with diynn: {@code Trainer} with {@code FiniteDifferences.forward()}.
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    public TrainingResult w1Diynn() {
        return w1Trainer.train(w1Start, scaled);
    }

    /**
     * W1 as a plain loop.
     *
     * @return the loss history, so that the work is not eliminated
     */
    @Benchmark
    public double[] w1PlainLoop() {
        ReferenceNet net = new ReferenceNet(2, 3, 1, false, false, w1Start.parameters(), scaled.size());
        return net.trainForwardDifferences(scaledX, scaledY, scaled.size(), 0.01, Workloads.TUTORIAL_EPOCHS, 1e-8);
    }

    /**
     * W1 as a loop written for the 2-3-1 alone (every weight a local variable).
     *
     * @return the loss history, so that the work is not eliminated
     */
    @Benchmark
    public double[] w1PlainLoopFor231() {
        return ReferenceTutorialNet.trainForwardDifferences(scaledX, scaledY, w1Start.parameters(), 0.01,
                Workloads.TUTORIAL_EPOCHS, 1e-8);
    }

    /**
     * W2 with diynn: a 2-1 identity network with a bias, {@code Trainer} with backpropagation.
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    public TrainingResult w2Diynn() {
        return w2Trainer.train(w2Start, scaled);
    }

    /**
     * W2 as a plain loop, all three parameters updated together (diynn's maths).
     *
     * @return the loss history, so that the work is not eliminated
     */
    @Benchmark
    public double[] w2PlainLoop() {
        return ReferenceLinearRegression.simultaneous(scaledX, scaledY, w2Start.parameters(), 0.001,
                Workloads.TUTORIAL_EPOCHS);
    }

    /**
     * W2 as the tutorial's loop: w1, w2, b updated in turn, four passes per iteration.
     *
     * @return the loss history, so that the work is not eliminated
     */
    @Benchmark
    public double[] w2PlainLoopTutorialOrder() {
        return ReferenceLinearRegression.tutorialOrder(scaledX, scaledY, w2Start.parameters(), 0.001,
                Workloads.TUTORIAL_EPOCHS);
    }

    /**
     * W3 with diynn: {@code Trainer} with backpropagation (the default), full batch.
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    public TrainingResult w3Diynn() {
        return w3Trainer.train(w3Start, unscaled);
    }

    /**
     * W3 as a plain loop.
     *
     * @return the loss history, so that the work is not eliminated
     */
    @Benchmark
    public double[] w3PlainLoop() {
        ReferenceNet net = new ReferenceNet(2, 3, 1, true, false, w3Start.parameters(), unscaled.size());
        return net.trainFullBatch(unscaledX, unscaledY, unscaled.size(), 0.01, Workloads.TUTORIAL_EPOCHS);
    }

    /**
     * W3 as a loop written for the 2-3-1 alone (every weight a local variable).
     *
     * @return the loss history, so that the work is not eliminated
     */
    @Benchmark
    public double[] w3PlainLoopFor231() {
        return ReferenceTutorialNet.trainBackpropagation(unscaledX, unscaledY, w3Start.parameters(), 0.01,
                Workloads.TUTORIAL_EPOCHS);
    }
}
