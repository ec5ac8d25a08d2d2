package io.github.diynn.bench;

/**
 * The plain-Java reference for W2, the tutorial's linear regression
 * {@code f(x) = w1 x1 + w2 x2 + b} by gradient descent on the summed squared error, with its
 * partials
 *
 * <pre>  dJ/dw_j = -sum_i x_ij (y_i - f(x_i)),   dJ/db = -sum_i (y_i - f(x_i))</pre>
 *
 * <p>Two update orders: {@link #simultaneous} (all three from the same residuals, ordinary gradient
 * descent, what diynn's trainer does) and {@link #tutorialOrder} (the tutorial's loop: {@code w1},
 * then {@code w2} from residuals with the new {@code w1}, then {@code b} with both new weights).
 * Inputs are row-major {@code rows x 2}; parameters are {@code {w1, w2, b}}, diynn's layout.
 */
final class ReferenceLinearRegression {

    private ReferenceLinearRegression() {
    }

    /**
     * Ordinary gradient descent; the loss after each step comes from the next iteration's pass over
     * the residuals, plus one pass at the end.
     *
     * @param parameters {@code {w1, w2, b}}, updated in place
     * @return the loss after each iteration
     */
    static double[] simultaneous(double[] x, double[] y, double[] parameters, double alpha, int iterations) {
        int rows = y.length;
        double[] history = new double[iterations];
        for (int it = 0; it <= iterations; it++) {
            double g1 = 0.0;
            double g2 = 0.0;
            double gb = 0.0;
            double cost = 0.0;
            for (int i = 0; i < rows; i++) {
                double residual = y[i] - (parameters[0] * x[2 * i] + parameters[1] * x[2 * i + 1] + parameters[2]);
                g1 -= x[2 * i] * residual;
                g2 -= x[2 * i + 1] * residual;
                gb -= residual;
                cost += residual * residual;
            }
            if (it > 0) {
                history[it - 1] = 0.5 * cost;
            }
            if (it < iterations) {
                parameters[0] -= alpha * g1;
                parameters[1] -= alpha * g2;
                parameters[2] -= alpha * gb;
            }
        }
        return history;
    }

    /**
     * The tutorial's loop: each parameter's partial is taken with the others' newest values, then the
     * cost; four passes over the data per iteration.
     *
     * @param parameters {@code {w1, w2, b}}, updated in place
     * @return the loss after each iteration
     */
    static double[] tutorialOrder(double[] x, double[] y, double[] parameters, double alpha, int iterations) {
        double[] history = new double[iterations];
        for (int it = 0; it < iterations; it++) {
            for (int p = 0; p < 3; p++) {
                double partial = 0.0;
                for (int i = 0; i < y.length; i++) {
                    double residual = y[i] - (parameters[0] * x[2 * i] + parameters[1] * x[2 * i + 1] + parameters[2]);
                    partial -= (p == 2 ? 1.0 : x[2 * i + p]) * residual;
                }
                parameters[p] -= alpha * partial;
            }
            double cost = 0.0;
            for (int i = 0; i < y.length; i++) {
                double residual = y[i] - (parameters[0] * x[2 * i] + parameters[1] * x[2 * i + 1] + parameters[2]);
                cost += residual * residual;
            }
            history[it] = 0.5 * cost;
        }
        return history;
    }
}
