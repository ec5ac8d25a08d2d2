package io.github.diynn.bench;

import java.util.Arrays;

/**
 * The tutorial's 2-3-1 (sigmoid hidden, identity output, summed squared error) written for that
 * shape alone: every weight a local variable, no inner loops, as one would write it by hand for
 * W1 and W3. It is the fastest plain-Java form of those workloads, and the bound for an engine that
 * picks its kernels by shape; {@link ReferenceNet} is the same maths for any width.
 *
 * <p>Parameters use diynn's layout: {@code W1} (2x3) row by row, then {@code b1} (3) if present,
 * {@code W2} (3x1), then {@code b2} (1) if present: 9 values without biases, 13 with.
 */
final class ReferenceTutorialNet {

    private ReferenceTutorialNet() {
    }

    /** {@return {@code 1/2 sum (y - f(x))^2} of the 2-3-1 without biases} */
    static double lossWithoutBiases(double[] x, double[] y, double[] t) {
        double total = 0.0;
        for (int r = 0; r < y.length; r++) {
            double x0 = x[2 * r];
            double x1 = x[2 * r + 1];
            double h0 = sigmoid(x0 * t[0] + x1 * t[3]);
            double h1 = sigmoid(x0 * t[1] + x1 * t[4]);
            double h2 = sigmoid(x0 * t[2] + x1 * t[5]);
            double residual = y[r] - (h0 * t[6] + h1 * t[7] + h2 * t[8]);
            total += residual * residual;
        }
        return 0.5 * total;
    }

    /**
     * W1: full-batch descent with the forward-difference gradient on the 2-3-1 without biases.
     *
     * @param t the 9 parameters, updated in place
     * @return the loss after each epoch
     */
    static double[] trainForwardDifferences(double[] x, double[] y, double[] t, double learningRate, int epochs,
            double step) {
        double[] history = new double[epochs];
        double[] gradient = new double[t.length];
        for (int epoch = 0; epoch <= epochs; epoch++) {
            double atTheta = lossWithoutBiases(x, y, t);
            if (epoch > 0) {
                history[epoch - 1] = atTheta;
            }
            if (epoch == epochs) {
                break;
            }
            for (int i = 0; i < t.length; i++) {
                double original = t[i];
                t[i] = original + step;
                gradient[i] = (lossWithoutBiases(x, y, t) - atTheta) / step;
                t[i] = original;
            }
            for (int i = 0; i < t.length; i++) {
                t[i] -= learningRate * gradient[i];
            }
        }
        return history;
    }

    /**
     * W3: full-batch backpropagation on the 2-3-1 with biases. For each sample, with
     * {@code d = f(x) - y}: {@code dJ/dW2_j = d h_j}, {@code dJ/db2 = d},
     * {@code dz_j = d W2_j h_j (1 - h_j)}, {@code dJ/dW1_ij = x_i dz_j}, {@code dJ/db1_j = dz_j},
     * summed over the samples. Each epoch's pass also gives the loss after the previous step.
     *
     * @param t the 13 parameters, updated in place
     * @return the loss after each epoch
     */
    static double[] trainBackpropagation(double[] x, double[] y, double[] t, double learningRate, int epochs) {
        double[] history = new double[epochs];
        double[] g = new double[13];
        for (int epoch = 0; epoch <= epochs; epoch++) {
            Arrays.fill(g, 0.0);
            double total = 0.0;
            for (int r = 0; r < y.length; r++) {
                double x0 = x[2 * r];
                double x1 = x[2 * r + 1];
                double h0 = sigmoid(x0 * t[0] + x1 * t[3] + t[6]);
                double h1 = sigmoid(x0 * t[1] + x1 * t[4] + t[7]);
                double h2 = sigmoid(x0 * t[2] + x1 * t[5] + t[8]);
                double d = h0 * t[9] + h1 * t[10] + h2 * t[11] + t[12] - y[r];
                total += d * d;
                g[9] += d * h0;
                g[10] += d * h1;
                g[11] += d * h2;
                g[12] += d;
                double z0 = d * t[9] * h0 * (1.0 - h0);
                double z1 = d * t[10] * h1 * (1.0 - h1);
                double z2 = d * t[11] * h2 * (1.0 - h2);
                g[0] += x0 * z0;
                g[1] += x0 * z1;
                g[2] += x0 * z2;
                g[3] += x1 * z0;
                g[4] += x1 * z1;
                g[5] += x1 * z2;
                g[6] += z0;
                g[7] += z1;
                g[8] += z2;
            }
            if (epoch > 0) {
                history[epoch - 1] = 0.5 * total;
            }
            if (epoch == epochs) {
                break;
            }
            for (int i = 0; i < 13; i++) {
                t[i] -= learningRate * g[i];
            }
        }
        return history;
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
