package io.github.diynn.bench;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
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
 * Forward passes of the Iris species classifier (4-8-3 tanh/softmax): all 150 z-scored flowers at
 * once, one flower, and the cross-entropy loss of all 150 (the trainer's per-epoch loss).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PredictBenchmark {

    private Network network;
    private Dataset data;
    private double[] flower;

    /** Loads Iris and builds the network. */
    @Setup
    public void setUp() throws IOException {
        Dataset iris = CsvLoader.builder().oneHotTarget("species").build()
                .loadResource(PredictBenchmark.class, "/iris.csv");
        data = iris.withInputs(Scaler.fitZScore(iris.inputs()).transform(iris.inputs()));
        network = Network.builder(4).dense(8, Activation.TANH).dense(3, Activation.SOFTMAX)
                .initializer(Initializer.XAVIER_NORMAL).build(1);
        flower = data.inputs().row(0);
    }

    /**
     * Predicts all 150 flowers in one batch.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public Matrix batchOf150() {
        return network.predict(data.inputs());
    }

    /**
     * Predicts one flower.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] oneSample() {
        return network.predict(flower);
    }

    /**
     * The cross-entropy loss on all 150 flowers.
     *
     * @return the loss, so that the work is not eliminated
     */
    @Benchmark
    public double lossOf150() {
        return network.loss(Loss.CROSS_ENTROPY, data.inputs(), data.targets());
    }
}
