package io.github.diynn.core;

/**
 * The closed set of activation functions, each with its derivative beside it.
 *
 * <p>Most activations are elementwise: {@link #apply(double)} maps one pre-activation to one
 * output and {@link #derivative(double)} gives {@code f'(z)}. {@link #SOFTMAX} is row-wise: each
 * output depends on the whole row, so it has no scalar form and its derivative is a Jacobian. Every
 * activation therefore also offers the row-wise form used by backpropagation,
 * {@link #backward(Matrix, Matrix)}, which turns {@code dJ/da} into {@code dJ/dz}.
 *
 * <p>Every function is total on finite inputs: it never returns NaN for a finite argument and never
 * overflows. Activations give the same bits on every JVM: the sigmoid and the softmax use the
 * library's own exponential, written in plain (strict) Java arithmetic and within 1 ulp of
 * {@link StrictMath#exp}, and tanh uses {@link StrictMath#tanh}; both are specified to the bit
 * (the choice and its cost are in {@code docs/reproducibility.md}).
 */
public enum Activation {

    /** The identity, {@code f(z) = z}, {@code f'(z) = 1}; the tutorial's linear output unit. */
    IDENTITY {
        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1.0;
        }

        @Override
        double derivative(double z, double a) {
            return 1.0;
        }
    },

    /**
     * The logistic sigmoid, {@code f(z) = 1 / (1 + e^-z)}, {@code f'(z) = f(z) (1 - f(z))}.
     *
     * <p>Evaluated so that the exponential never overflows: {@code e^z / (1 + e^z)} for negative
     * {@code z}. The result lies in {@code [0, 1]} for every double except NaN.
     */
    SIGMOID {
        @Override
        public double apply(double z) {
            if (z >= 0) {
                return 1.0 / (1.0 + Exp.exp(-z));
            }
            double e = Exp.exp(z);
            return e / (1.0 + e);
        }

        @Override
        public double derivative(double z) {
            return derivative(z, apply(z));
        }

        @Override
        double derivative(double z, double a) {
            return a * (1.0 - a);
        }
    },

    /** The hyperbolic tangent, {@code f(z) = tanh z}, {@code f'(z) = 1 - tanh^2 z}. */
    TANH {
        @Override
        public double apply(double z) {
            return StrictMath.tanh(z);
        }

        @Override
        public double derivative(double z) {
            return derivative(z, apply(z));
        }

        @Override
        double derivative(double z, double a) {
            return 1.0 - a * a;
        }
    },

    /**
     * The rectified linear unit, {@code f(z) = max(0, z)}; {@code f'(z)} is 1 for {@code z > 0}
     * and 0 otherwise (0 is taken at the kink).
     */
    RELU {
        @Override
        public double apply(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        @Override
        double derivative(double z, double a) {
            return z > 0 ? 1.0 : 0.0;
        }
    },

    /**
     * The softmax of each row, shifted by the row's maximum so that no exponential overflows.
     *
     * <pre>  a[i][j] = e^(z[i][j] - m_i) / sum over k of e^(z[i][k] - m_i),   m_i = max over k of z[i][k]
     *  dJ/dz[i][j] = a[i][j] * (dJ/da[i][j] - sum over k of dJ/da[i][k] * a[i][k])</pre>
     *
     * <p>Each output row lies in {@code [0, 1]} and sums to 1 up to rounding. Softmax is not
     * elementwise: {@link #apply(double)}, {@link #derivative(double)} and
     * {@link #derivative(Matrix)} throw {@link UnsupportedOperationException}; use
     * {@link #apply(Matrix)} and {@link #backward(Matrix, Matrix)}.
     */
    SOFTMAX {
        @Override
        public double apply(double z) {
            throw notElementwise(this);
        }

        @Override
        public double derivative(double z) {
            throw notElementwise(this);
        }

        @Override
        double derivative(double z, double a) {
            throw notElementwise(this);
        }

        @Override
        public boolean isElementwise() {
            return false;
        }

        @Override
        void forward(double[] z, double[] a, int rows, int columns) {
            if (columns == 0) {
                return; // rows of no values have an empty softmax
            }
            for (int i = 0; i < rows; i++) {
                int start = i * columns;
                int end = start + columns;
                double max = z[start];
                for (int k = start + 1; k < end; k++) {
                    max = Math.max(max, z[k]);
                }
                double sum = 0.0;
                for (int k = start; k < end; k++) {
                    double e = Exp.exp(z[k] - max);
                    a[k] = e;
                    sum += e;
                }
                for (int k = start; k < end; k++) {
                    a[k] /= sum;
                }
            }
        }

        @Override
        void backward(double[] z, double[] a, double[] gradient, int rows, int columns) {
            for (int i = 0; i < rows; i++) {
                int start = i * columns;
                int end = start + columns;
                double dot = 0.0;
                for (int k = start; k < end; k++) {
                    dot += gradient[k] * a[k];
                }
                for (int k = start; k < end; k++) {
                    gradient[k] = a[k] * (gradient[k] - dot);
                }
            }
        }
    };

    /**
     * Applies an elementwise function to one value.
     *
     * @param z the pre-activation
     * @return {@code f(z)}
     * @throws UnsupportedOperationException for {@link #SOFTMAX}, which is row-wise
     */
    public abstract double apply(double z);

    /**
     * Returns the derivative of an elementwise function at one value.
     *
     * @param z the pre-activation
     * @return {@code f'(z) = df/dz}
     * @throws UnsupportedOperationException for {@link #SOFTMAX}, which is row-wise
     */
    public abstract double derivative(double z);

    /** {@code f'(z)} given {@code a = f(z)} already computed, so no exponential is repeated. */
    abstract double derivative(double z, double a);

    /**
     * Tells whether the function acts on each value alone; false only for {@link #SOFTMAX}.
     *
     * @return true if {@link #apply(double)} and {@link #derivative(double)} are defined
     */
    public boolean isElementwise() {
        return true;
    }

    /**
     * Applies the function to a matrix: to every entry, or to every row for {@link #SOFTMAX}.
     *
     * @param z the pre-activations, one sample per row
     * @return a new matrix of {@code f(z)}
     * @throws IllegalArgumentException if {@code z} is null
     */
    public Matrix apply(Matrix z) {
        requireNonNull(z, "applied to");
        double[] out = new double[z.raw().length];
        forward(z.raw(), out, z.rows(), z.columns());
        return Matrix.wrap(z.rows(), z.columns(), out);
    }

    /**
     * Returns the elementwise derivative at every entry of a matrix.
     *
     * @param z the pre-activations
     * @return a new matrix of {@code f'(z)}
     * @throws IllegalArgumentException if {@code z} is null
     * @throws UnsupportedOperationException for {@link #SOFTMAX}, whose derivative is not elementwise
     *     (use {@link #backward(Matrix, Matrix)})
     */
    public Matrix derivative(Matrix z) {
        requireNonNull(z, "applied to");
        if (!isElementwise()) {
            throw notElementwise(this);
        }
        double[] in = z.raw();
        double[] out = new double[in.length];
        for (int k = 0; k < in.length; k++) {
            out[k] = derivative(in[k]);
        }
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
    public Matrix backward(Matrix z, Matrix outputGradient) {
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
    void forward(double[] z, double[] a, int rows, int columns) {
        int size = rows * columns;
        for (int k = 0; k < size; k++) {
            a[k] = apply(z[k]);
        }
    }

    /**
     * Turns {@code dJ/da} into {@code dJ/dz} in place, given {@code z} and {@code a = f(z)}; all are
     * row-major {@code rows x columns} arrays.
     */
    void backward(double[] z, double[] a, double[] gradient, int rows, int columns) {
        int size = rows * columns;
        for (int k = 0; k < size; k++) {
            gradient[k] *= derivative(z[k], a[k]);
        }
    }

    private static UnsupportedOperationException notElementwise(Activation activation) {
        return new UnsupportedOperationException(activation + " is row-wise, not elementwise: use apply(Matrix)"
                + " and backward(Matrix, Matrix)");
    }

    private void requireNonNull(Matrix z, String action) {
        if (z == null) {
            throw new IllegalArgumentException(name() + " " + action + " a null matrix");
        }
    }
}
