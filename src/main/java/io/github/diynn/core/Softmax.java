package io.github.diynn.core;

/**
 * The softmax of each row, {@link Activation#SOFTMAX}, shifted by the row's maximum so that no
 * exponential overflows.
 *
 * <pre>  a[i][j] = e^(z[i][j] - m_i) / sum over k of e^(z[i][k] - m_i),   m_i = max over k of z[i][k]
 *  dJ/dz[i][j] = a[i][j] * (dJ/da[i][j] - sum over k of dJ/da[i][k] * a[i][k])</pre>
 *
 * <p>Each output row lies in {@code [0, 1]} and sums to 1 up to rounding. Softmax is row-wise, not
 * elementwise, so it has no scalar {@code f(z)} or {@code f'(z)}: use {@link #apply(Matrix)} and
 * {@link #backward(Matrix, Matrix)}. It belongs with {@link Loss#CROSS_ENTROPY}, with which
 * backpropagation takes the fused step {@code dJ/dz = (a - y) / N}.
 */
public final class Softmax extends Activation {

    Softmax() {
    }

    @Override
    public String name() {
        return "SOFTMAX";
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

    /**
     * The rows' shifted values {@code z - max} gathered a group at a time into {@code scratch[0]}
     * and their exponentials computed in one pass ({@link Exp#expOfMinusMagnitude}: {@code z - max}
     * is at most 0, so {@code -|z - max|} is that value, or {@code -0.0} for {@code +0.0}, and its
     * exponential has the bits of {@code Exp.exp(z - max)}); then each row's sum and divisions, in
     * {@link #forward}'s order. The same values as {@code forward}, row by row, bit for bit; only a
     * NaN (of a row with a NaN or an infinity in it, which training and prediction reject) may have
     * another sign bit, as which NaN an operation returns is not specified.
     */
    @Override
    void forwardRows(double[][] z, double[][] a, int rows, int columns, double[][] scratch) {
        double[] shiftedZ = scratch[0];
        double[] e = scratch[1];
        int group = shiftedZ.length / Math.max(columns, 1);
        if (columns == 0 || group < 2 || rows < 2) {
            forwardRows(z, a, rows, columns);
            return;
        }
        for (int from = 0; from < rows; from += group) {
            int count = Math.min(group, rows - from);
            for (int i = 0; i < count; i++) {
                double[] zi = z[from + i];
                double max = zi[0];
                for (int k = 1; k < columns; k++) {
                    max = Math.max(max, zi[k]);
                }
                int at = i * columns;
                for (int k = 0; k < columns; k++) {
                    shiftedZ[at + k] = zi[k] - max;
                }
            }
            Exp.expOfMinusMagnitude(shiftedZ, e, scratch[2], count * columns);
            for (int i = 0; i < count; i++) {
                double[] ai = a[from + i];
                int at = i * columns;
                double sum = 0.0;
                for (int k = 0; k < columns; k++) {
                    double ek = e[at + k];
                    ai[k] = ek;
                    sum += ek;
                }
                for (int k = 0; k < columns; k++) {
                    ai[k] /= sum;
                }
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
}
