package io.github.diynn.train;

import io.github.diynn.core.Matrix;

/** The closed-form least-squares fit of a linear model with bias, for tests. */
final class LeastSquares {

    private LeastSquares() {
    }

    /**
     * Solves the normal equations {@code (A^T A) x = A^T y} with {@code A = [inputs | 1]} by Gaussian
     * elimination with partial pivoting.
     *
     * @return the weights, one per input column, followed by the bias
     */
    static double[] solve(Matrix inputs, Matrix targets) {
        int columns = inputs.columns() + 1;
        double[][] normal = new double[columns][columns + 1];
        for (int i = 0; i < inputs.rows(); i++) {
            double[] a = new double[columns];
            for (int j = 0; j < inputs.columns(); j++) {
                a[j] = inputs.get(i, j);
            }
            a[columns - 1] = 1.0;
            for (int r = 0; r < columns; r++) {
                for (int c = 0; c < columns; c++) {
                    normal[r][c] += a[r] * a[c];
                }
                normal[r][columns] += a[r] * targets.get(i, 0);
            }
        }
        for (int p = 0; p < columns; p++) {
            int pivot = p;
            for (int r = p + 1; r < columns; r++) {
                if (Math.abs(normal[r][p]) > Math.abs(normal[pivot][p])) {
                    pivot = r;
                }
            }
            double[] swap = normal[p];
            normal[p] = normal[pivot];
            normal[pivot] = swap;
            for (int r = p + 1; r < columns; r++) {
                double factor = normal[r][p] / normal[p][p];
                for (int c = p; c <= columns; c++) {
                    normal[r][c] -= factor * normal[p][c];
                }
            }
        }
        double[] solution = new double[columns];
        for (int r = columns - 1; r >= 0; r--) {
            double sum = normal[r][columns];
            for (int c = r + 1; c < columns; c++) {
                sum -= normal[r][c] * solution[c];
            }
            solution[r] = sum / normal[r][r];
        }
        return solution;
    }
}
