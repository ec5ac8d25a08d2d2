package io.github.diynn.core;

/**
 * The closed set of activation functions, each with its derivative beside it.
 *
 * <p>Two kinds make up the set, and the type says which an activation is:
 * {@link ElementwiseActivation} maps each pre-activation to one output on its own
 * ({@link #IDENTITY}, {@link #SIGMOID}, {@link #TANH}, {@link #RELU} and
 * {@link #leakyRelu(double) leaky ReLU}), so it offers {@code f(z)} and {@code f'(z)} for one value;
 * {@link Softmax} maps each whole row, so it has no scalar form and its derivative is a Jacobian.
 * Every activation offers the row-wise forms used by backpropagation: {@link #apply(Matrix)} and
 * {@link #backward(Matrix, Matrix)}, which turns {@code dJ/da} into {@code dJ/dz}.
 *
 * <p>Every function is total on finite inputs: it never returns NaN for a finite argument and never
 * overflows. Activations give the same bits on every JVM: the sigmoid and the softmax use the
 * library's own exponential, written in plain (strict) Java arithmetic and within 1 ulp of
 * {@link StrictMath#exp}, and tanh uses {@link StrictMath#tanh}; both are specified to the bit
 * (the choice and its cost are in {@code docs/reproducibility.md}).
 *
 * <p>Activations are immutable and safe to share between threads. The parameterless ones are
 * singletons, so {@code ==} and {@link #equals(Object)} agree for them; a leaky ReLU equals another
 * with the same slope.
 */
public abstract sealed class Activation permits ElementwiseActivation, Softmax {

    /*
     * Class initialisation: the constants below are instances of subclasses. A subclass is only ever
     * instantiated here or by a static method of this class, and no subclass has static members of
     * its own, so a subclass is never initialised before this class: two threads cannot deadlock
     * initialising the two in opposite orders.
     */

    /** The identity, {@code f(z) = z}, {@code f'(z) = 1}; the tutorial's linear output unit. */
    public static final ElementwiseActivation IDENTITY = new ElementwiseActivation.Identity();

    /**
     * The logistic sigmoid, {@code f(z) = 1 / (1 + e^-z)}, {@code f'(z) = f(z) (1 - f(z))}.
     *
     * <p>Evaluated so that the exponential never overflows: {@code e^z / (1 + e^z)} for negative
     * {@code z}. The result lies in {@code [0, 1]} for every double except NaN.
     */
    public static final ElementwiseActivation SIGMOID = new ElementwiseActivation.Sigmoid();

    /** The hyperbolic tangent, {@code f(z) = tanh z}, {@code f'(z) = 1 - tanh^2 z}. */
    public static final ElementwiseActivation TANH = new ElementwiseActivation.Tanh();

    /**
     * The rectified linear unit, {@code f(z) = max(0, z)}; {@code f'(z)} is 1 for {@code z > 0}
     * and 0 otherwise (0 is taken at the kink).
     */
    public static final ElementwiseActivation RELU = new ElementwiseActivation.Relu();

    /**
     * The softmax of each row, shifted by the row's maximum so that no exponential overflows; see
     * {@link Softmax}.
     */
    public static final Softmax SOFTMAX = new Softmax();

    /** The slope of {@link #leakyRelu()}, 0.01, as in Keras, PyTorch and ONNX. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    Activation() {
    }

    /**
     * Returns a leaky rectified linear unit: {@code f(z) = z} for {@code z > 0} and
     * {@code slope * z} otherwise; {@code f'(z)} is 1 for {@code z > 0} and {@code slope} otherwise.
     *
     * @param slope the slope for negative inputs, in {@code [0, 1]} ({@code 0} is {@link #RELU}'s
     *     function, {@code 1} the identity's)
     * @return the activation
     * @throws IllegalArgumentException if the slope is NaN, infinite or outside {@code [0, 1]}
     */
    public static LeakyRelu leakyRelu(double slope) {
        if (!(slope >= 0.0 && slope <= 1.0)) {
            throw new IllegalArgumentException("leaky ReLU slope must lie in [0, 1], got " + slope);
        }
        return new LeakyRelu(slope);
    }

    /**
     * Returns a leaky rectified linear unit with the usual slope {@value #DEFAULT_LEAKY_SLOPE}.
     *
     * @return {@code leakyRelu(DEFAULT_LEAKY_SLOPE)}
     */
    public static LeakyRelu leakyRelu() {
        return leakyRelu(DEFAULT_LEAKY_SLOPE);
    }

    /**
     * Returns the activation's name in capitals, as model files store it: {@code "IDENTITY"},
     * {@code "SIGMOID"}, {@code "TANH"}, {@code "RELU"}, {@code "LEAKY_RELU"} or {@code "SOFTMAX"}.
     * A leaky ReLU's slope is not part of its name.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * Tells whether the function acts on each value alone, that is whether this is an
     * {@link ElementwiseActivation}; false only for {@link #SOFTMAX}.
     *
     * @return true for an elementwise activation
     */
    public final boolean isElementwise() {
        return this instanceof ElementwiseActivation;
    }

    /**
     * Applies the function to a matrix: to every entry, or to every row for {@link #SOFTMAX}.
     *
     * @param z the pre-activations, one sample per row
     * @return a new matrix of {@code f(z)}
     * @throws IllegalArgumentException if {@code z} is null
     */
    public final Matrix apply(Matrix z) {
        requireNonNull(z, "applied to");
        double[] out = new double[z.raw().length];
        forward(z.raw(), out, z.rows(), z.columns());
        return Matrix.wrap(z.rows(), z.columns(), out);
    }

    /**
     * Carries a gradient back through the activation: from {@code dJ/da} to {@code dJ/dz}, where
     * {@code a = f(z)}.
     *
     * <pre>  elementwise:  dJ/dz[i][j] = f'(z[i][j]) * dJ/da[i][j]
     *  softmax:      dJ/dz[i][j] = a[i][j] * (dJ/da[i][j] - sum over k of dJ/da[i][k] * a[i][k])</pre>
     *
     * @param z the pre-activations, one sample per row
     * @param outputGradient {@code dJ/da}, the same shape as {@code z}
     * @return a new matrix {@code dJ/dz}
     * @throws IllegalArgumentException if an argument is null or the shapes differ (both named)
     */
    public final Matrix backward(Matrix z, Matrix outputGradient) {
        requireNonNull(z, "carried back through");
        if (outputGradient == null) {
            throw new IllegalArgumentException(name() + ": the output gradient is null");
        }
        if (z.rows() != outputGradient.rows() || z.columns() != outputGradient.columns()) {
            throw new IllegalArgumentException(name() + ": pre-activations are " + z.shape()
                    + " but the output gradient is " + outputGradient.shape());
        }
        double[] a = new double[z.raw().length];
        forward(z.raw(), a, z.rows(), z.columns());
        double[] gradient = outputGradient.raw().clone();
        backward(z.raw(), a, gradient, z.rows(), z.columns());
        return Matrix.wrap(z.rows(), z.columns(), gradient);
    }

    /**
     * Writes {@code f(z)} into {@code a}; both are row-major {@code rows x columns} arrays, and may be
     * the same array (each entry of {@code z} is read before the entry of {@code a} at its index is
     * written).
     */
    abstract void forward(double[] z, double[] a, int rows, int columns);

    /**
     * Turns {@code dJ/da} into {@code dJ/dz} in place, given {@code z} and {@code a = f(z)}; all are
     * row-major {@code rows x columns} arrays.
     */
    abstract void backward(double[] z, double[] a, double[] gradient, int rows, int columns);

    /**
     * Writes {@code f(z)} into {@code a} for the first {@code rows} rows of arrays of rows (each
     * {@code columns} long); the engine's form. Each member overrides it with a loop on its own
     * function, which the JIT inlines; this default serves the row-wise softmax.
     */
    void forwardRows(double[][] z, double[][] a, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            forward(z[i], a[i], 1, columns);
        }
    }

    /**
     * {@link #forwardRows(double[][], double[][], int, int)} with scratch a member may use (the
     * sigmoid and the softmax do); the same bits. Each row of {@code a} must be a different array
     * from the row of {@code z} it is computed from (the sigmoid writes part of its work into
     * {@code a} before it reads {@code z} again). {@code scratch} is three arrays: the second and
     * the third at least as long as the first, and the third at least {@code columns} long when
     * {@code columns} is at least {@code ElementwiseActivation.Sigmoid.SPLIT_FROM}; a first array
     * shorter than two rows only costs speed (the rows then go one value at a time).
     */
    void forwardRows(double[][] z, double[][] a, int rows, int columns, double[][] scratch) {
        forwardRows(z, a, rows, columns);
    }

    /** {@link #backward(double[], double[], double[], int, int)} for the first {@code rows} rows of arrays of rows. */
    void backwardRows(double[][] z, double[][] a, double[][] gradient, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            backward(z[i], a[i], gradient[i], 1, columns);
        }
    }

    /**
     * Returns the name, and a leaky ReLU's slope: {@code "SIGMOID"}, {@code "LEAKY_RELU(0.01)"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return name();
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}, the same on every run.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return name().hashCode();
    }

    final void requireNonNull(Matrix z, String action) {
        if (z == null) {
            throw new IllegalArgumentException(name() + " " + action + " a null matrix");
        }
    }
}
