package io.github.diynn.bench;

import io.github.diynn.core.Activation;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientSource;
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
 * One gradient of the tutorial's 2-3-1 network (no biases, sigmoid hidden, identity output,
 * sum-squared error) on the 150 Iris rows: backpropagation against the tutorial's forward
 * differences.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BackpropagationBenchmark {

    private final GradientSource backpropagation = GradientSource.backpropagation();
    private final GradientSource forwardDifferences = FiniteDifferences.forward();
    private Network network;
    private Matrix inputs;
    private Matrix targets;

    /** Loads sepal length and width (inputs) and petal length (target), each scaled by its column max. */
    @Setup
    public void setUp() throws IOException {
        Dataset iris = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width")
                .targets("petal_length")
                .build()
                .loadResource(BackpropagationBenchmark.class, "/iris.csv");
        inputs = Scaler.fitMax(iris.inputs()).transform(iris.inputs());
        targets = Scaler.fitMax(iris.targets()).transform(iris.targets());
        network = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).withoutBiases()
                .build(42);
    }

    /**
     * The exact gradient by one forward and one backward pass.
     *
     * @return the gradient, so that the work is not eliminated
     */
    @Benchmark
    public double[] backpropagation() {
        return backpropagation.gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets);
    }

    /**
     * The tutorial's forward-difference estimate: one loss at theta, then one per parameter.
     *
     * @return the gradient, so that the work is not eliminated
     */
    @Benchmark
    public double[] forwardDifferences() {
        return forwardDifferences.gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets);
    }
}
