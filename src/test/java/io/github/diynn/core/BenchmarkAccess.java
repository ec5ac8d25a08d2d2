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
}
