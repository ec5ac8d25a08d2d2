package io.github.diynn.core;

/**
 * An activation that maps each pre-activation on its own: {@code a[i][j] = f(z[i][j])}, with its
 * derivative {@code f'(z)} beside it.
 *
 * <p>The members are {@link Activation#IDENTITY}, {@link Activation#SIGMOID},
 * {@link Activation#TANH}, {@link Activation#RELU} and {@link LeakyRelu}; each keeps its value and
 * its derivative side by side below.
 */
public abstract sealed class ElementwiseActivation extends Activation
        permits ElementwiseActivation.Identity, ElementwiseActivation.Sigmoid, ElementwiseActivation.Tanh,
        ElementwiseActivation.Relu, LeakyRelu {

    ElementwiseActivation() {
    }

    /**
     * Applies the function to one value.
     *
     * @param z the pre-activation
     * @return {@code f(z)}
     */
    public abstract double apply(double z);

    /**
     * Returns the derivative at one value.
     *
     * @param z the pre-activation
     * @return {@code f'(z) = df/dz}
     */
    public abstract double derivative(double z);

    /** {@code f'(z)} given {@code a = f(z)} already computed, so no exponential is repeated. */
    abstract double derivative(double z, double a);

    /**
     * Below this move of the pre-activation, {@link #near} takes a second-order Taylor step: its
     * remainder, at most {@code |f'''| d^3 / 6}, is then below {@code 2e-19} of the value for the
     * sigmoid and the tanh, far inside one rounding.
     */
    static final double TAYLOR_LIMIT = 1e-6;

    /**
     * Returns {@code f(zNew)} given {@code a = f(z)} at a nearby {@code z}: the value a
     * finite-difference probe needs after moving one parameter by a tiny step: {@code apply(zNew)},
     * except that a member whose {@code apply} costs an exponential (the sigmoid, the tanh; see
     * {@link #takesTaylorSteps}) takes {@code a + f'(z) d + f''(z) d^2 / 2} with {@code d = zNew - z} when
     * {@code |d| <= TAYLOR_LIMIT}, both derivatives read from {@code a}. The result is then within
     * about one rounding of {@code apply(zNew)}, which is far inside the error of the difference
     * quotient it feeds ({@code FiniteDifferencesTest} checks the estimates against the
     * straightforward ones).
     */
    final double near(double z, double a, double zNew) {
        double d = zNew - z;
        return takesTaylorSteps() && Math.abs(d) <= TAYLOR_LIMIT ? taylor(a, d) : apply(zNew);
    }

    /** {@return whether {@link #taylor} serves this member (the sigmoid and the tanh, whose {@code apply} costs an exponential)} */
    boolean takesTaylorSteps() {
        return false;
    }

    /**
     * {@code f(z + d)} from {@code a = f(z)} by the second-order Taylor step {@link #near} takes,
     * for a member that {@link #takesTaylorSteps}; the caller keeps {@code |d| <= TAYLOR_LIMIT}.
     */
    double taylor(double a, double d) {
        throw new IllegalStateException(name() + " takes no Taylor steps");
    }

    /**
     * Writes {@code out[r] = taylor(a[r], x[r] * delta)} for {@code r < n}, or
     * {@code taylor(a[r], delta)} when {@code x} is null: a unit's outputs after its weight from
     * input {@code x} (or its bias) moved by {@code delta}, the move of its pre-activation taken as
     * the exact product rather than the difference of two rounded sums. Members vectorise it.
     */
    void taylorColumn(double[] a, double[] x, double delta, double[] out, int n) {
        for (int r = 0; r < n; r++) {
            out[r] = taylor(a[r], x == null ? delta : x[r] * delta);
        }
    }

    /** Writes {@code out[k] = near(z[k], a[k], zNew[k])} for {@code k < n}. */
    final void nearColumn(double[] z, double[] a, double[] zNew, double[] out, int n) {
        for (int k = 0; k < n; k++) {
            out[k] = near(z[k], a[k], zNew[k]);
        }
    }

    /**
     * Returns the derivative at every entry of a matrix.
     *
     * @param z the pre-activations
     * @return a new matrix of {@code f'(z)}
     * @throws IllegalArgumentException if {@code z} is null
     */
    public final Matrix derivative(Matrix z) {
        requireNonNull(z, "applied to");
        double[] in = z.raw();
        double[] out = new double[in.length];
        for (int k = 0; k < in.length; k++) {
            out[k] = derivative(in[k]);
        }
        return Matrix.wrap(z.rows(), z.columns(), out);
    }

    /*
     * These loops call apply and derivative through this class, where the JIT sees every member and
     * cannot inline them; they serve the matrix API. The engine's row forms are overridden by each
     * member with the same loop on its own function, a direct, inlined call: the same bits, faster.
     */
    @Override
    void forward(double[] z, double[] a, int rows, int columns) {
        int size = rows * columns;
        for (int k = 0; k < size; k++) {
            a[k] = apply(z[k]);
        }
    }

    @Override
    void backward(double[] z, double[] a, double[] gradient, int rows, int columns) {
        int size = rows * columns;
        for (int k = 0; k < size; k++) {
            gradient[k] *= derivative(z[k], a[k]);
        }
    }

    /** {@link Activation#IDENTITY}. */
    static final class Identity extends ElementwiseActivation {
        @Override
        void forwardRows(double[][] z, double[][] a, int rows, int columns) {
            for (int i = 0; i < rows; i++) {
                double[] zi = z[i];
                double[] ai = a[i];
                for (int j = 0; j < columns; j++) {
                    ai[j] = zi[j];
                }
            }
        }

        @Override
        void backwardRows(double[][] z, double[][] a, double[][] gradient, int rows, int columns) {
            // f'(z) = 1, so dJ/dz is dJ/da as it stands.
        }

        @Override
        void backward(double[] z, double[] a, double[] gradient, int rows, int columns) {
            // f'(z) = 1, and multiplying by 1.0 leaves every double as it is.
        }

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

        @Override
        public String name() {
            return "IDENTITY";
        }
    }

    /** {@link Activation#SIGMOID}. */
    static final class Sigmoid extends ElementwiseActivation {
        /**
         * From this many values a row, {@link #forwardRows(double[][], double[][], int, int, double[][])}
         * runs each row as one pass; shorter rows are gathered in groups.
         */
        static final int SPLIT_FROM = 64;

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

        /**
         * The exponentials of many values first ({@link Exp#expOfMinusMagnitude}), then the
         * divisions in a loop of their own: the bits of {@link #apply}, about twice as fast as
         * {@code apply} value by value once a pass has about a hundred values. A row of at least
         * {@link #SPLIT_FROM} values (a unit's column of a batch) is one pass; shorter rows (a batch
         * of samples, each row a layer's units) are copied a group at a time into
         * {@code scratch[0]}, as many rows as it holds, their exponentials and then their outputs
         * written to {@code scratch[1]} and copied out; {@code scratch[2]} holds the shifted
         * arguments.
         *
         * <p>The numerator {@code z >= 0 ? 1 : e} of {@code apply} is written
         * {@code max(e, min(max(z, 0) * 2^1023 * 2^1023, 1))}, the same value without a branch, so
         * that the JIT vectorises the loop: the product is 0 for {@code z <= 0} (and NaN for NaN)
         * and at least 1 for any positive {@code z}, and {@code 0 <= e <= 1}, with {@code e = 1} at
         * {@code z = 0}, where both numerators are 1.
         */
        @Override
        void forwardRows(double[][] z, double[][] a, int rows, int columns, double[][] scratch) {
            if (columns >= SPLIT_FROM) {
                for (int i = 0; i < rows; i++) {
                    Exp.expOfMinusMagnitude(z[i], a[i], scratch[2], columns);
                    divide(z[i], a[i], a[i], columns);
                }
                return;
            }
            double[] flatZ = scratch[0];
            double[] flatE = scratch[1];
            int group = flatZ.length / Math.max(columns, 1);
            if (group < 2 || rows < 2) {
                forwardRows(z, a, rows, columns);
                return;
            }
            for (int from = 0; from < rows; from += group) {
                int count = Math.min(group, rows - from);
                for (int i = 0; i < count; i++) {
                    System.arraycopy(z[from + i], 0, flatZ, i * columns, columns);
                }
                int n = count * columns;
                Exp.expOfMinusMagnitude(flatZ, flatE, scratch[2], n);
                divide(flatZ, flatE, flatE, n); // one long loop, not one short loop a row
                for (int i = 0; i < count; i++) {
                    System.arraycopy(flatE, i * columns, a[from + i], 0, columns);
                }
            }
        }

        /** {@code a[j] = numerator / (1 + e[j])}, where {@code e[j] = e^-|z[j]|}; {@code e} may be {@code a}. */
        private static void divide(double[] z, double[] e, double[] a, int n) {
            for (int j = 0; j < n; j++) {
                double ej = e[j];
                double numerator = Math.max(ej, Math.min(Math.max(z[j], 0.0) * 0x1p1023 * 0x1p1023, 1.0));
                a[j] = numerator / (1.0 + ej);
            }
        }

        @Override
        void backwardRows(double[][] z, double[][] a, double[][] gradient, int rows, int columns) {
            for (int i = 0; i < rows; i++) {
                double[] zi = z[i];
                double[] ai = a[i];
                double[] gi = gradient[i];
                for (int j = 0; j < columns; j++) {
                    gi[j] *= derivative(zi[j], ai[j]);
                }
            }
        }

        @Override
        public double apply(double z) {
            // 1 / (1 + e^-z) for z >= 0 and e^z / (1 + e^z) below, written without a branch (the sign
            // of a hidden unit's input is a coin toss the processor cannot predict): both are
            // num / (1 + e) with e = e^-|z|, the same operations on the same values, so the same bits.
            double e = Exp.exp(-Math.abs(z));
            double numerator = z >= 0 ? 1.0 : e;
            return numerator / (1.0 + e);
        }

        @Override
        public double derivative(double z) {
            return derivative(z, apply(z));
        }

        @Override
        double derivative(double z, double a) {
            return a * (1.0 - a);
        }

        @Override
        boolean takesTaylorSteps() {
            return true;
        }

        @Override
        double taylor(double a, double d) {
            double slope = a * (1.0 - a); // f'(z); f''(z) = f'(z) (1 - 2 f(z))
            return a + d * (slope + 0.5 * d * slope * (1.0 - 2.0 * a));
        }

        @Override
        void taylorColumn(double[] a, double[] x, double delta, double[] out, int n) {
            for (int r = 0; r < n; r++) { // this member's own taylor, inlined
                out[r] = taylor(a[r], x == null ? delta : x[r] * delta);
            }
        }

        @Override
        public String name() {
            return "SIGMOID";
        }
    }

    /** {@link Activation#TANH}. */
    static final class Tanh extends ElementwiseActivation {
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
                double[] ai = a[i];
                double[] gi = gradient[i];
                for (int j = 0; j < columns; j++) {
                    gi[j] *= derivative(zi[j], ai[j]);
                }
            }
        }

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

        @Override
        boolean takesTaylorSteps() {
            return true;
        }

        @Override
        double taylor(double a, double d) {
            double slope = 1.0 - a * a; // f'(z); f''(z) = -2 f(z) f'(z)
            return a + d * (slope - d * a * slope);
        }

        @Override
        void taylorColumn(double[] a, double[] x, double delta, double[] out, int n) {
            for (int r = 0; r < n; r++) { // this member's own taylor, inlined
                out[r] = taylor(a[r], x == null ? delta : x[r] * delta);
            }
        }

        @Override
        public String name() {
            return "TANH";
        }
    }

    /** {@link Activation#RELU}. */
    static final class Relu extends ElementwiseActivation {
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
                double[] ai = a[i];
                double[] gi = gradient[i];
                for (int j = 0; j < columns; j++) {
                    gi[j] *= derivative(zi[j], ai[j]);
                }
            }
        }

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

        @Override
        public String name() {
            return "RELU";
        }
    }
}
