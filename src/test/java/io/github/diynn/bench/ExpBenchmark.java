package io.github.diynn.bench;

import io.github.diynn.core.BenchmarkAccess;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of each exponential inside a sigmoid over an array, per element: {@link Math#exp},
 * {@link StrictMath#exp} and the library's plain-Java {@code Exp.exp}. The sigmoid is evaluated as
 * {@code Activation.SIGMOID} does, with the exponent never positive. The last two compare
 * {@code exp(-|z|)} element by element with the array form the sigmoid and softmax run
 * ({@code Exp.expOfMinusMagnitude}, the same bits).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(ExpBenchmark.SIZE)
public class ExpBenchmark {

    static final int SIZE = 1024;

    private final double[] z = new double[SIZE];
    private final double[] out = new double[SIZE];
    private final double[] shifted = new double[SIZE];

    /** Draws pre-activations uniformly from [-10, 10] with a fixed seed. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < SIZE; i++) {
            z[i] = random.nextDouble(-10.0, 10.0);
        }
    }

    /**
     * Sigmoid with {@link Math#exp}.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] sigmoidMathExp() {
        for (int i = 0; i < SIZE; i++) {
            double v = z[i];
            if (v >= 0) {
                out[i] = 1.0 / (1.0 + Math.exp(-v));
            } else {
                double e = Math.exp(v);
                out[i] = e / (1.0 + e);
            }
        }
        return out;
    }

    /**
     * Sigmoid with {@link StrictMath#exp}.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] sigmoidStrictMathExp() {
        for (int i = 0; i < SIZE; i++) {
            double v = z[i];
            if (v >= 0) {
                out[i] = 1.0 / (1.0 + StrictMath.exp(-v));
            } else {
                double e = StrictMath.exp(v);
                out[i] = e / (1.0 + e);
            }
        }
        return out;
    }

    /**
     * Sigmoid with the library's plain-Java exponential.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] sigmoidPlainJavaExp() {
        for (int i = 0; i < SIZE; i++) {
            double v = z[i];
            if (v >= 0) {
                out[i] = 1.0 / (1.0 + BenchmarkAccess.exp(-v));
            } else {
                double e = BenchmarkAccess.exp(v);
                out[i] = e / (1.0 + e);
            }
        }
        return out;
    }

    /**
     * {@link Math#exp} alone.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] expMath() {
        for (int i = 0; i < SIZE; i++) {
            out[i] = Math.exp(z[i]);
        }
        return out;
    }

    /**
     * {@link StrictMath#exp} alone.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] expStrictMath() {
        for (int i = 0; i < SIZE; i++) {
            out[i] = StrictMath.exp(z[i]);
        }
        return out;
    }

    /**
     * The plain-Java exponential alone.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] expPlainJava() {
        for (int i = 0; i < SIZE; i++) {
            out[i] = BenchmarkAccess.exp(z[i]);
        }
        return out;
    }

    /**
     * {@code Exp.exp(-|z|)} one element at a time.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] expOfMinusMagnitudeOneByOne() {
        for (int i = 0; i < SIZE; i++) {
            out[i] = BenchmarkAccess.exp(-Math.abs(z[i]));
        }
        return out;
    }

    /**
     * {@code Exp.expOfMinusMagnitude} over the array.
     *
     * @return the outputs, so that the work is not eliminated
     */
    @Benchmark
    public double[] expOfMinusMagnitudeArray() {
        BenchmarkAccess.expOfMinusMagnitude(z, out, shifted, SIZE);
        return out;
    }
}
