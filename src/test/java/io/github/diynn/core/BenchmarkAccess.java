package io.github.diynn.core;

/** Opens package-private kernels of {@code io.github.diynn.core} to the benchmarks; test code only. */
public final class BenchmarkAccess {

    private BenchmarkAccess() {
    }

    /**
     * Calls the library's plain-Java exponential.
     *
     * @param x any double
     * @return {@code Exp.exp(x)}
     */
    public static double exp(double x) {
        return Exp.exp(x);
    }

    /**
     * Calls the library's exponential over an array, {@code out[j] = exp(-|z[j]|)}.
     *
     * @param z the arguments' magnitudes
     * @param out receives the exponentials
     * @param shifted scratch of at least {@code n} values
     * @param n how many values
     */
    public static void expOfMinusMagnitude(double[] z, double[] out, double[] shifted, int n) {
        Exp.expOfMinusMagnitude(z, out, shifted, n);
    }
}
