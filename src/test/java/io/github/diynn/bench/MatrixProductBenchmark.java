package io.github.diynn.bench;

import io.github.diynn.core.Matrix;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
 * W6: the product of two {@code n x n} matrices, {@code 2 n^3} floating-point operations, by diynn's
 * {@link Matrix#times} (a new matrix each call), a plain {@code i-k-j} loop on {@code double[]} and
 * EJML's {@code CommonOps_DDRM.mult}. The plain loop and EJML write into an output allocated once,
 * as their users would; diynn's immutable API cannot. GFLOP/s is {@code 2 n^3 / time}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MatrixProductBenchmark {

    /** The order {@code n} of the square matrices. */
    @Param({"4", "16", "64", "256"})
    public int order;

    private Matrix a;
    private Matrix b;
    private double[] plainA;
    private double[] plainB;
    private double[] plainC;
    private DMatrixRMaj ejmlA;
    private DMatrixRMaj ejmlB;
    private DMatrixRMaj ejmlC;

    /** Draws both operands from fixed seeds and copies them for each contender. */
    @Setup
    public void setUp() {
        a = Workloads.squareMatrix(order, 1);
        b = Workloads.squareMatrix(order, 2);
        plainA = a.toRowMajorArray();
        plainB = b.toRowMajorArray();
        plainC = new double[order * order];
        ejmlA = new DMatrixRMaj(order, order, true, plainA);
        ejmlB = new DMatrixRMaj(order, order, true, plainB);
        ejmlC = new DMatrixRMaj(order, order);
    }

    /**
     * diynn's product.
     *
     * @return the product, so that the work is not eliminated
     */
    @Benchmark
    public Matrix diynn() {
        return a.times(b);
    }

    /**
     * The plain loop into a reused output.
     *
     * @return the product, so that the work is not eliminated
     */
    @Benchmark
    public double[] plainLoop() {
        multiply(plainA, plainB, plainC, order);
        return plainC;
    }

    /**
     * EJML into a reused output.
     *
     * @return the product, so that the work is not eliminated
     */
    @Benchmark
    public DMatrixRMaj ejml() {
        CommonOps_DDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }

    /**
     * Writes {@code a b} into {@code c} for row-major {@code n x n} arrays: for each row {@code i} of
     * {@code a} and each {@code k}, adds {@code a[i][k]} times row {@code k} of {@code b} to row
     * {@code i} of {@code c} (the inner loop runs along rows, so it vectorises).
     */
    static void multiply(double[] a, double[] b, double[] c, int n) {
        Arrays.fill(c, 0.0);
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int k = 0; k < n; k++) {
                double aik = a[row + k];
                int bRow = k * n;
                for (int j = 0; j < n; j++) {
                    c[row + j] += aik * b[bRow + j];
                }
            }
        }
    }
}
