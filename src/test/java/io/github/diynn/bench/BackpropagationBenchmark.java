package io.github.diynn.bench;

import io.github.diynn.core.Activation;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
    public void setUp() {
        List<double[]> rows = new ArrayList<>();
        try (InputStream stream = BackpropagationBenchmark.class.getResourceAsStream("/iris.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",");
                    rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1]),
                        Double.parseDouble(cells[2])});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] max = new double[3];
        for (double[] row : rows) {
            for (int j = 0; j < 3; j++) {
                max[j] = Math.max(max[j], row[j]);
            }
        }
        double[][] x = new double[rows.size()][];
        double[][] y = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            x[i] = new double[] {row[0] / max[0], row[1] / max[1]};
            y[i] = new double[] {row[2] / max[2]};
        }
        inputs = Matrix.of(x);
        targets = Matrix.of(y);
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
