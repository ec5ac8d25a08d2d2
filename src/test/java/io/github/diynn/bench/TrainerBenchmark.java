package io.github.diynn.bench;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import io.github.diynn.train.Optimizer;
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
 * Ten epochs of the Iris species classifier (150 z-scored flowers, 4-8-3 tanh/softmax, cross-entropy,
 * backpropagation) by batch size and optimizer: the cost of minibatches (more steps, each with its
 * batch copy, parameter check and batch loss) and of the optimizers' state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainerBenchmark {

    /** Samples per step; 150 is the whole set. */
    @Param({"1", "16", "150"})
    public int batchSize;

    /** The optimizer's name. */
    @Param({"gradientDescent", "adam"})
    public String optimizer;

    private Network start;
    private Dataset data;
    private Trainer trainer;

    /** Loads Iris and builds the trainer. */
    @Setup
    public void setUp() throws IOException {
        Dataset iris = CsvLoader.builder().oneHotTarget("species").build()
                .loadResource(TrainerBenchmark.class, "/iris.csv");
        data = iris.withInputs(Scaler.fitZScore(iris.inputs()).transform(iris.inputs()));
        start = Network.builder(4).dense(8, Activation.TANH).dense(3, Activation.SOFTMAX)
                .initializer(Initializer.XAVIER_NORMAL).build(1);
        trainer = Trainer.builder()
                .loss(Loss.CROSS_ENTROPY)
                .gradientSource(GradientSource.backpropagation())
                .optimizer("adam".equals(optimizer) ? Optimizer.adam() : Optimizer.gradientDescent())
                .learningRate(0.01)
                .epochs(10)
                .batchSize(batchSize)
                .seed(1)
                .build();
    }

    /**
     * Trains for ten epochs.
     *
     * @return the result, so that the work is not eliminated
     */
    @Benchmark
    public TrainingResult tenEpochs() {
        return trainer.train(start, data);
    }
}
