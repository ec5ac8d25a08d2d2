package io.github.diynn.core;

/**
 * The closed set of elementwise activation functions, each with its derivative beside it.
 *
 * <p>Every function is total on finite inputs: it never returns NaN for a finite argument and never
 * overflows. The exponential used is {@link StrictMath#exp}, whose result is specified to the bit,
 * so activations give the same bits on every JVM.
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
                return 1.0 / (1.0 + StrictMath.exp(-z));
            }
            double e = StrictMath.exp(z);
            return e / (1.0 + e);
        }

        @Override
        public double derivative(double z) {
            double s = apply(z);
            return s * (1.0 - s);
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
            double t = StrictMath.tanh(z);
            return 1.0 - t * t;
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
    };

    /**
     * Applies the function to one value.
     *
     * @param z the pre-activation
     * @return {@code f(z)}
     */
    public abstract double apply(double z);

    /**
     * Returns the derivative of the function at one value.
     *
     * @param z the pre-activation
     * @return {@code f'(z) = df/dz}
     */
    public abstract double derivative(double z);

    /**
     * Applies the function to every entry of a matrix.
     *
     * @param z the pre-activations
     * @return a new matrix of {@code f(z)}
     * @throws IllegalArgumentException if {@code z} is null
     */
    public Matrix apply(Matrix z) {
        return z == null ? nullMatrix() : transform(z, false);
    }

    /**
     * Returns the derivative at every entry of a matrix.
     *
     * @param z the pre-activations
     * @return a new matrix of {@code f'(z)}
     * @throws IllegalArgumentException if {@code z} is null
     */
    public Matrix derivative(Matrix z) {
        return z == null ? nullMatrix() : transform(z, true);
    }

    private Matrix transform(Matrix z, boolean derivative) {
        double[] in = z.raw();
        double[] out = new double[in.length];
        for (int k = 0; k < in.length; k++) {
            out[k] = derivative ? derivative(in[k]) : apply(in[k]);
        }
        return Matrix.wrap(z.rows(), z.columns(), out);
    }

    private Matrix nullMatrix() {
        throw new IllegalArgumentException(name() + " applied to a null matrix");
    }
}
