package io.github.diynn.bench;

import io.github.diynn.core.Matrix;
import java.util.Random;
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

/** Matrix product of a 150x2 batch by 2x3 weights, the tutorial's first layer. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatrixBenchmark {

    private Matrix batch;
    private Matrix weights;

    /** Draws the operands from a fixed seed. */
    @Setup
    public void setUp() {
        Random random = new Random(7);
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        batch = Matrix.of(150, 2, x);
        weights = Matrix.of(2, 3, random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
    }

    /**
     * Multiplies the batch by the weights.
     *
     * @return the product, so that the work is not eliminated
     */
    @Benchmark
    public Matrix times() {
        return batch.times(weights);
    }
}
