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
