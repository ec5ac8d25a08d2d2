package io.github.diynn.core;

/**
 * The leaky rectified linear unit, made by {@link Activation#leakyRelu(double)}.
 *
 * <pre>  f(z)  = z           for z &gt; 0,   slope * z   otherwise
 *  f'(z) = 1           for z &gt; 0,   slope       otherwise (the slope is taken at the kink)</pre>
 *
 * <p>Two leaky ReLUs are equal when their slopes have the same bits. Model files store the slope
 * beside the name {@code "LEAKY_RELU"}.
 */
public final class LeakyRelu extends ElementwiseActivation {

    private final double slope;

    LeakyRelu(double slope) {
        this.slope = slope;
    }

    /**
     * Returns the slope for negative inputs.
     *
     * @return the slope, in {@code [0, 1]}
     */
    public double slope() {
        return slope;
    }

    @Override
    public double apply(double z) {
        return z > 0 ? z : slope * z;
    }

    @Override
    public double derivative(double z) {
        return z > 0 ? 1.0 : slope;
    }

    @Override
    double derivative(double z, double a) {
        return z > 0 ? 1.0 : slope;
    }

    @Override
    void forwardRows(double[][] z, double[][] a, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            double[] zi = z[i];
            double[] ai = a[i];
            for (int j = 0; j < columns; j++) {
                ai[j] = apply(zi[j]);
            }
        }
    }

    @Override
    void backwardRows(double[][] z, double[][] a, double[][] gradient, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            double[] zi = z[i];
            double[] gi = gradient[i];
            for (int j = 0; j < columns; j++) {
                gi[j] *= derivative(zi[j], a[i][j]);
            }
        }
    }

    @Override
    public String name() {
        return "LEAKY_RELU";
    }

    /**
     * Exact equality of the slope ({@link Double#compare} semantics).
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is a leaky ReLU with the same slope bits
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof LeakyRelu other && Double.compare(slope, other.slope) == 0;
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Double.hashCode(slope);
    }

    /**
     * Describes the activation with its slope, for example {@code "LEAKY_RELU(0.01)"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "LEAKY_RELU(" + slope + ")";
    }
}
