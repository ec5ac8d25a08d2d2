package io.github.diynn.core;

import java.util.Arrays;

/**
 * The one home of the dense kernels: the products {@code x W}, {@code x^T d} and {@code d W^T}, the
 * bias add and the column sums, on raw row-major arrays. {@link Matrix#times}, the forward pass of
 * {@link Network#predict(Matrix)}, backpropagation and the training engine all call these, so their
 * bits agree because the code is the same.
 *
 * <p><b>Order of summation</b>, fixed for every entry and so the same on every JVM: each entry of a
 * product starts at {@code +0.0} and adds its terms one at a time in ascending order of the summed
 * index, in plain Java arithmetic (no fused multiply-add):
 *
 * <pre>  (a b)[i][j]   = ((0 + a[i][0] b[0][j]) + a[i][1] b[1][j]) + ...       k ascending
 *  (x^T d)[p][q] = ((0 + x[0][p] d[0][q]) + x[1][p] d[1][q]) + ...       row i ascending
 *  (d W^T)[i][p] = ((0 + d[i][0] W[p][0]) + d[i][1] W[p][1]) + ...       q ascending
 *  column sum[j] = ((0 + d[0][j]) + d[1][j]) + ...                         row i ascending</pre>
 *
 * <p>How the loops run changes speed, never bits: an entry either accumulates in a local variable
 * over its whole sum (register tiles of the product), or in place in memory with four terms added
 * per pass, written {@code c + t0 + t1 + t2 + t3}, which Java evaluates left to right. Either way the
 * entry sees the same additions in the same order. The choice is made by shape, here and nowhere
 * else; {@code KernelsTest} checks every path against the plain triple loop bit for bit.
 *
 * <p>Every method trusts its caller: shapes and offsets were checked at the public boundary.
 */
final class Kernels {

    private Kernels() {
    }

    /** From this many columns and inner terms on, {@link #multiply} streams rows instead of tiling. */
    private static final int STREAMING = 96;

    /**
     * Writes {@code c = a b}: {@code a} is {@code rows x inner} (row-major from index 0), {@code b} is
     * {@code inner x columns} starting at {@code bOffset}, {@code c} is {@code rows x columns} from 0.
     * Small products keep a 2x4 tile of {@code c} in registers over the whole sum; large ones stream
     * four rows of {@code b} at a time through each row of {@code c}. Both add in the documented order.
     */
    static void multiply(double[] a, double[] b, int bOffset, double[] c, int rows, int inner, int columns) {
        if (columns >= STREAMING && inner >= STREAMING) {
            multiplyStreaming(a, b, bOffset, c, rows, inner, columns);
        } else {
            multiplyTiled(a, b, bOffset, c, rows, inner, columns);
        }
    }

    private static void multiplyTiled(double[] a, double[] b, int bOffset, double[] c, int rows, int inner,
            int columns) {
        int i = 0;
        for (; i + 1 < rows; i += 2) {
            int a0 = i * inner;
            int a1 = a0 + inner;
            int c0 = i * columns;
            int c1 = c0 + columns;
            int j = 0;
            for (; j + 3 < columns; j += 4) {
                double s00 = 0.0;
                double s01 = 0.0;
                double s02 = 0.0;
                double s03 = 0.0;
                double s10 = 0.0;
                double s11 = 0.0;
                double s12 = 0.0;
                double s13 = 0.0;
                for (int k = 0; k < inner; k++) {
                    int bk = bOffset + k * columns + j;
                    double b0 = b[bk];
                    double b1 = b[bk + 1];
                    double b2 = b[bk + 2];
                    double b3 = b[bk + 3];
                    double x0 = a[a0 + k];
                    double x1 = a[a1 + k];
                    s00 += x0 * b0;
                    s01 += x0 * b1;
                    s02 += x0 * b2;
                    s03 += x0 * b3;
                    s10 += x1 * b0;
                    s11 += x1 * b1;
                    s12 += x1 * b2;
                    s13 += x1 * b3;
                }
                c[c0 + j] = s00;
                c[c0 + j + 1] = s01;
                c[c0 + j + 2] = s02;
                c[c0 + j + 3] = s03;
                c[c1 + j] = s10;
                c[c1 + j + 1] = s11;
                c[c1 + j + 2] = s12;
                c[c1 + j + 3] = s13;
            }
            for (; j < columns; j++) {
                double s0 = 0.0;
                double s1 = 0.0;
                for (int k = 0; k < inner; k++) {
                    double bk = b[bOffset + k * columns + j];
                    s0 += a[a0 + k] * bk;
                    s1 += a[a1 + k] * bk;
                }
                c[c0 + j] = s0;
                c[c1 + j] = s1;
            }
        }
        if (i < rows) {
            int a0 = i * inner;
            int c0 = i * columns;
            int j = 0;
            for (; j + 3 < columns; j += 4) {
                double s0 = 0.0;
                double s1 = 0.0;
                double s2 = 0.0;
                double s3 = 0.0;
                for (int k = 0; k < inner; k++) {
                    int bk = bOffset + k * columns + j;
                    double x = a[a0 + k];
                    s0 += x * b[bk];
                    s1 += x * b[bk + 1];
                    s2 += x * b[bk + 2];
                    s3 += x * b[bk + 3];
                }
                c[c0 + j] = s0;
                c[c0 + j + 1] = s1;
                c[c0 + j + 2] = s2;
                c[c0 + j + 3] = s3;
            }
            for (; j < columns; j++) {
                double s = 0.0;
                for (int k = 0; k < inner; k++) {
                    s += a[a0 + k] * b[bOffset + k * columns + j];
                }
                c[c0 + j] = s;
            }
        }
    }

    private static void multiplyStreaming(double[] a, double[] b, int bOffset, double[] c, int rows, int inner,
            int columns) {
        Arrays.fill(c, 0, rows * columns, 0.0);
        for (int i = 0; i < rows; i++) {
            int cRow = i * columns;
            int aRow = i * inner;
            int k = 0;
            for (; k + 3 < inner; k += 4) {
                double a0 = a[aRow + k];
                double a1 = a[aRow + k + 1];
                double a2 = a[aRow + k + 2];
                double a3 = a[aRow + k + 3];
                int b0 = bOffset + k * columns;
                int b1 = b0 + columns;
                int b2 = b1 + columns;
                int b3 = b2 + columns;
                for (int j = 0; j < columns; j++) {
                    c[cRow + j] = c[cRow + j] + a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
                }
            }
            for (; k < inner; k++) {
                double a0 = a[aRow + k];
                int b0 = bOffset + k * columns;
                for (int j = 0; j < columns; j++) {
                    c[cRow + j] += a0 * b[b0 + j];
                }
            }
        }
    }

    /**
     * Writes {@code out = x^T d} at {@code outOffset}: {@code x} is {@code rows x in}, {@code d} is
     * {@code rows x columns} (both from index 0), the result {@code in x columns}; the weight gradient
     * of a layer.
     */
    static void transposeTimes(double[] x, double[] d, double[] out, int outOffset, int rows, int in, int columns) {
        Arrays.fill(out, outOffset, outOffset + in * columns, 0.0);
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            int x0 = i * in;
            int x1 = x0 + in;
            int x2 = x1 + in;
            int x3 = x2 + in;
            int d0 = i * columns;
            int d1 = d0 + columns;
            int d2 = d1 + columns;
            int d3 = d2 + columns;
            for (int p = 0; p < in; p++) {
                double s0 = x[x0 + p];
                double s1 = x[x1 + p];
                double s2 = x[x2 + p];
                double s3 = x[x3 + p];
                int o = outOffset + p * columns;
                for (int q = 0; q < columns; q++) {
                    out[o + q] = out[o + q] + s0 * d[d0 + q] + s1 * d[d1 + q] + s2 * d[d2 + q] + s3 * d[d3 + q];
                }
            }
        }
        for (; i < rows; i++) {
            int x0 = i * in;
            int d0 = i * columns;
            for (int p = 0; p < in; p++) {
                double s0 = x[x0 + p];
                int o = outOffset + p * columns;
                for (int q = 0; q < columns; q++) {
                    out[o + q] += s0 * d[d0 + q];
                }
            }
        }
    }

    /**
     * Writes {@code out = d W^T}: {@code d} is {@code rows x columns}, {@code W} is {@code in x columns}
     * at {@code wOffset}, the result {@code rows x in}; the delta carried back to a layer's inputs.
     * {@code transposed} is scratch of at least {@code in * columns} values, which receives
     * {@code W^T} so that the inner loop walks contiguous memory.
     */
    static void timesTranspose(double[] d, double[] w, int wOffset, double[] out, int rows, int in, int columns,
            double[] transposed) {
        for (int p = 0; p < in; p++) {
            int wRow = wOffset + p * columns;
            for (int q = 0; q < columns; q++) {
                transposed[q * in + p] = w[wRow + q];
            }
        }
        multiply(d, transposed, 0, out, rows, columns, in);
    }

    /** Adds {@code bias} (at {@code biasOffset}, {@code columns} long) to every row of {@code z}. */
    static void addRow(double[] z, double[] bias, int biasOffset, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            int row = i * columns;
            for (int j = 0; j < columns; j++) {
                z[row + j] += bias[biasOffset + j];
            }
        }
    }

    /** Writes the sum of each column of {@code d} ({@code rows x columns}) into {@code out} at {@code outOffset}. */
    static void columnSums(double[] d, double[] out, int outOffset, int rows, int columns) {
        Arrays.fill(out, outOffset, outOffset + columns, 0.0);
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            int d0 = i * columns;
            int d1 = d0 + columns;
            int d2 = d1 + columns;
            int d3 = d2 + columns;
            for (int j = 0; j < columns; j++) {
                out[outOffset + j] = out[outOffset + j] + d[d0 + j] + d[d1 + j] + d[d2 + j] + d[d3 + j];
            }
        }
        for (; i < rows; i++) {
            int d0 = i * columns;
            for (int j = 0; j < columns; j++) {
                out[outOffset + j] += d[d0 + j];
            }
        }
    }
}
