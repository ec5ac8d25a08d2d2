package io.github.diynn.core;

/**
 * The one home of the dense kernels: the products {@code x W}, {@code x^T d} and {@code d W^T}, the
 * bias add and the column sums. {@link Matrix#times}, the forward pass of
 * {@link Network#predict(Matrix)}, backpropagation, finite differences and the training engine all
 * call these, so their bits agree because the code is the same.
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
 * <p><b>Layout.</b> Results and right-hand operands are arrays of rows ({@code double[][]}, each
 * row its own array from index 0); left-hand operands are read one scalar at a time, from a
 * row-major array at an offset or from a row. The innermost loop of every kernel then walks whole
 * rows from index 0 with no reduction, each output entry accumulating in place; four terms are added
 * per pass, written {@code c + t0 + t1 + t2 + t3}, which Java evaluates left to right. That is the
 * order above exactly, and it is the shape of loop the JIT turns into vector instructions. How the
 * loops run changes speed, never bits; {@code KernelsTest} checks every kernel against the plain
 * triple loop bit for bit.
 *
 * <p>Every method trusts its caller: shapes and offsets were checked at the public boundary.
 */
final class Kernels {

    private Kernels() {
    }

    /**
     * Writes row {@code c = a b} for one row: {@code a} is {@code inner} values of an array from
     * {@code aAt}, {@code b} has {@code inner} rows of {@code columns}, {@code c} is a row of at
     * least {@code columns}.
     */
    static void rowTimes(double[] a, int aAt, double[][] b, double[] c, int inner, int columns) {
        if (columns == 1) {
            // One output (a regression head): a dot product, summed in a register in the same order.
            double sum = 0.0;
            for (int k = 0; k < inner; k++) {
                sum += a[aAt + k] * b[k][0];
            }
            c[0] = sum;
            return;
        }
        for (int j = 0; j < columns; j++) {
            c[j] = 0.0;
        }
        int k = 0;
        for (; k + 3 < inner; k += 4) {
            double a0 = a[aAt + k];
            double a1 = a[aAt + k + 1];
            double a2 = a[aAt + k + 2];
            double a3 = a[aAt + k + 3];
            double[] b0 = b[k];
            double[] b1 = b[k + 1];
            double[] b2 = b[k + 2];
            double[] b3 = b[k + 3];
            for (int j = 0; j < columns; j++) {
                c[j] = c[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; k < inner; k++) {
            double a0 = a[aAt + k];
            double[] b0 = b[k];
            for (int j = 0; j < columns; j++) {
                c[j] += a0 * b0[j];
            }
        }
    }

    /** Up to this many values in the right-hand operand, {@link #multiply} works on the flat arrays. */
    static final int SMALL = 64;

    /**
     * Writes {@code c = a b} for row-major arrays from index 0 ({@code a} is {@code rows x inner},
     * {@code b} {@code inner x columns}, {@code c} {@code rows x columns}), the kernel of
     * {@link Matrix#times}. A small right-hand operand is used as it lies (copying it into rows
     * would cost more than the product); a larger one is copied into rows once, so that every row of
     * the product runs {@link #rowTimes}.
     */
    static void multiply(double[] a, double[] b, double[] c, int rows, int inner, int columns) {
        if ((long) inner * columns <= SMALL) {
            // Each entry summed in a register over k, down a column of b that fits in a cache line or
            // two; four entries of a row at a time, four independent sums (JMH: a 4x4 Matrix.times
            // in 37 ns, was about 62).
            for (int i = 0; i < rows; i++) {
                int aRow = i * inner;
                int cRow = i * columns;
                int j = 0;
                for (; j + 3 < columns; j += 4) {
                    double s0 = 0.0;
                    double s1 = 0.0;
                    double s2 = 0.0;
                    double s3 = 0.0;
                    for (int k = 0; k < inner; k++) {
                        double aik = a[aRow + k];
                        int bk = k * columns + j;
                        s0 += aik * b[bk];
                        s1 += aik * b[bk + 1];
                        s2 += aik * b[bk + 2];
                        s3 += aik * b[bk + 3];
                    }
                    c[cRow + j] = s0;
                    c[cRow + j + 1] = s1;
                    c[cRow + j + 2] = s2;
                    c[cRow + j + 3] = s3;
                }
                for (; j < columns; j++) {
                    double sum = 0.0;
                    for (int k = 0; k < inner; k++) {
                        sum += a[aRow + k] * b[k * columns + j];
                    }
                    c[cRow + j] = sum;
                }
            }
            return;
        }
        double[][] right = new double[inner][columns];
        toRows(b, 0, right, inner, columns, false);
        double[] row = new double[columns];
        for (int i = 0; i < rows; i++) {
            rowTimes(a, i * inner, right, row, inner, columns);
            for (int j = 0; j < columns; j++) {
                c[i * columns + j] = row[j];
            }
        }
    }

    /**
     * Writes {@code out = x^T d}, the weight gradient of a layer: {@code x} is {@code rows x in}
     * (row-major from 0 when {@code xRows} is null, else the rows {@code xRows}), {@code d} has
     * {@code rows} rows of {@code columns}, {@code out} has {@code in} rows of {@code columns}.
     */
    static void transposeTimes(double[] x, double[][] xRows, double[][] d, double[][] out, int rows, int in,
            int columns) {
        for (int p = 0; p < in; p++) {
            double[] o = out[p];
            for (int q = 0; q < columns; q++) {
                o[q] = 0.0;
            }
        }
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            double[] d0 = d[i];
            double[] d1 = d[i + 1];
            double[] d2 = d[i + 2];
            double[] d3 = d[i + 3];
            for (int p = 0; p < in; p++) {
                double s0 = entry(x, xRows, i, p, in);
                double s1 = entry(x, xRows, i + 1, p, in);
                double s2 = entry(x, xRows, i + 2, p, in);
                double s3 = entry(x, xRows, i + 3, p, in);
                double[] o = out[p];
                for (int q = 0; q < columns; q++) {
                    o[q] = o[q] + s0 * d0[q] + s1 * d1[q] + s2 * d2[q] + s3 * d3[q];
                }
            }
        }
        for (; i < rows; i++) {
            double[] d0 = d[i];
            for (int p = 0; p < in; p++) {
                double s0 = entry(x, xRows, i, p, in);
                double[] o = out[p];
                for (int q = 0; q < columns; q++) {
                    o[q] += s0 * d0[q];
                }
            }
        }
    }

    private static double entry(double[] x, double[][] xRows, int i, int p, int in) {
        return xRows == null ? x[i * in + p] : xRows[i][p];
    }

    /**
     * Writes the sum of each column of {@code d} ({@code rows} rows of {@code columns}) into
     * {@code out}, a row of at least {@code columns}.
     */
    static void columnSums(double[][] d, double[] out, int rows, int columns) {
        for (int j = 0; j < columns; j++) {
            out[j] = 0.0;
        }
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            double[] d0 = d[i];
            double[] d1 = d[i + 1];
            double[] d2 = d[i + 2];
            double[] d3 = d[i + 3];
            for (int j = 0; j < columns; j++) {
                out[j] = out[j] + d0[j] + d1[j] + d2[j] + d3[j];
            }
        }
        for (; i < rows; i++) {
            double[] d0 = d[i];
            for (int j = 0; j < columns; j++) {
                out[j] += d0[j];
            }
        }
    }

    /** Adds {@code bias} (a row of at least {@code columns}) to a row {@code z}. */
    static void addRow(double[] z, double[] bias, int columns) {
        for (int j = 0; j < columns; j++) {
            z[j] += bias[j];
        }
    }

    /**
     * Copies {@code rows x columns} values of a row-major array, from {@code at}, into the rows of
     * {@code out}; with {@code transpose}, writes the transpose ({@code columns} rows of {@code rows})
     * instead: eight rows at a time, so that each output row receives eight neighbouring values
     * together (about 1.7 times as fast as one row at a time for the digits' 64 inputs), the rows
     * left over one at a time. The batch's transposition for the column layouts.
     */
    static void toRows(double[] values, int at, double[][] out, int rows, int columns, boolean transpose) {
        if (transpose) {
            int i = 0;
            for (; i + 7 < rows; i += 8) {
                int row = at + i * columns;
                for (int j = 0; j < columns; j++) {
                    double[] column = out[j];
                    int k = row + j;
                    column[i] = values[k];
                    column[i + 1] = values[k + columns];
                    column[i + 2] = values[k + 2 * columns];
                    column[i + 3] = values[k + 3 * columns];
                    column[i + 4] = values[k + 4 * columns];
                    column[i + 5] = values[k + 5 * columns];
                    column[i + 6] = values[k + 6 * columns];
                    column[i + 7] = values[k + 7 * columns];
                }
            }
            for (; i < rows; i++) {
                int row = at + i * columns;
                for (int j = 0; j < columns; j++) {
                    out[j][i] = values[row + j];
                }
            }
        } else {
            // Plain loops rather than System.arraycopy: rows are often a handful of values, where a
            // call costs more than the copy, and the JIT vectorises a loop for the long ones.
            if (columns == 1) {
                for (int i = 0; i < rows; i++) {
                    out[i][0] = values[at + i];
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                double[] row = out[i];
                int from = at + i * columns;
                for (int j = 0; j < columns; j++) {
                    row[j] = values[from + j];
                }
            }
        }
    }

    /** Copies the first {@code columns} values of each of the first {@code rows} rows of {@code from} into {@code to}. */
    static void copyRows(double[][] from, double[][] to, int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            double[] source = from[i];
            double[] target = to[i];
            for (int j = 0; j < columns; j++) {
                target[j] = source[j];
            }
        }
    }

    /** Copies the rows of {@code rows} ({@code count} of {@code columns}) into a row-major array from {@code at}. */
    static void fromRows(double[][] rows, double[] out, int at, int count, int columns) {
        if (columns == 1) {
            for (int i = 0; i < count; i++) {
                out[at + i] = rows[i][0];
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            double[] row = rows[i];
            int to = at + i * columns;
            for (int j = 0; j < columns; j++) {
                out[to + j] = row[j];
            }
        }
    }

    /**
     * {@return whether the first {@code n} values are all finite}: a quick pass for the checks at
     * the boundary, which then look for the first value that is not only when this says there is
     * one. Each value times zero is a zero when finite and NaN otherwise (NaN or an infinity); eight
     * running sums of those stay zero exactly when every value is finite (about 1.5 times as fast
     * as {@link Double#isFinite} one value at a time, which stops at the first failure and so cannot
     * overlap its tests).
     */
    static boolean allFinite(double[] v, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        double s5 = 0.0;
        double s6 = 0.0;
        double s7 = 0.0;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            s0 += v[k] * 0.0;
            s1 += v[k + 1] * 0.0;
            s2 += v[k + 2] * 0.0;
            s3 += v[k + 3] * 0.0;
            s4 += v[k + 4] * 0.0;
            s5 += v[k + 5] * 0.0;
            s6 += v[k + 6] * 0.0;
            s7 += v[k + 7] * 0.0;
        }
        for (; k < n; k++) {
            s0 += v[k] * 0.0;
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 == 0.0;
    }
}
