package io.github.diynn.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable dense matrix of {@code double}s, stored row-major in exactly rows&times;columns values.
 *
 * <p>Every factory copies its input and every operation returns a new matrix, so a {@code Matrix}
 * can be shared freely between threads. Factories that take user data ({@link #of(double[][])},
 * {@link #of(int, int, double...)}, {@link #rowVector(double...)}, {@link #columnVector(double...)})
 * reject NaN and infinite values; arithmetic on valid matrices may still overflow, and such results
 * are not rejected here (the trainer's divergence checks catch them).
 *
 * <p>A matrix may have zero rows or zero columns (an empty batch, for example).
 *
 * <p>{@link #equals(Object)} is exact (bit for bit, as {@link Double#compare} sees values);
 * {@link #isCloseTo(Matrix, double)} compares with a tolerance.
 *
 * <pre>{@code
 * Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
 * Matrix b = a.times(Matrix.identity(2)).plus(Matrix.filled(2, 2, 1.0)); // [[2, 3], [4, 5]]
 * double corner = b.get(1, 1);                                          // 5.0
 * Matrix sums = b.columnSums();                                         // [[6, 8]]
 * boolean same = b.transpose().transpose().equals(b);                   // true: exact
 * }</pre>
 */
public final class Matrix {

    private final int rows;
    private final int columns;
    private final double[] values;
    /**
     * Whether every value is known to be finite: checked when the matrix was made, or by an earlier
     * {@link #isFinite}; false only means "not checked yet". Not final, as {@code String}'s cached
     * hash is not: a thread that sees {@code false} scans the values (which never change) again.
     */
    private boolean checkedFinite;

    private Matrix(int rows, int columns, double[] values) {
        this(rows, columns, values, false);
    }

    private Matrix(int rows, int columns, double[] values, boolean checkedFinite) {
        this.rows = rows;
        this.columns = columns;
        this.values = values;
        this.checkedFinite = checkedFinite;
    }

    /** Wraps a row-major array without copying or checking; for code in this package only. */
    static Matrix wrap(int rows, int columns, double[] values) {
        return new Matrix(rows, columns, values);
    }

    /** The backing row-major array, not copied; callers in this package must not modify it. */
    double[] raw() {
        return values;
    }

    /**
     * Builds a matrix from rows of values.
     *
     * @param data the rows; each must have the same length
     * @return a new matrix holding a copy of {@code data}
     * @throws IllegalArgumentException if {@code data} is null, has a null or jagged row, or holds
     *     a NaN or infinite value (the message names the row and column)
     */
    public static Matrix of(double[][] data) {
        if (data == null) {
            throw new IllegalArgumentException("matrix data is null");
        }
        int rows = data.length;
        int columns = rows == 0 ? 0 : lengthOfRow(data, 0);
        double[] values = new double[Math.multiplyExact(rows, columns)];
        for (int i = 0; i < rows; i++) {
            int length = lengthOfRow(data, i);
            if (length != columns) {
                throw new IllegalArgumentException("jagged matrix data: row " + i + " has " + length
                        + " values but row 0 has " + columns);
            }
            System.arraycopy(data[i], 0, values, i * columns, columns);
        }
        requireFinite(values, columns);
        return new Matrix(rows, columns, values, true);
    }

    private static int lengthOfRow(double[][] data, int i) {
        if (data[i] == null) {
            throw new IllegalArgumentException("matrix data row " + i + " is null");
        }
        return data[i].length;
    }

    /**
     * Builds a {@code rows x columns} matrix from values listed row by row.
     *
     * @param rows the number of rows, at least 0
     * @param columns the number of columns, at least 0
     * @param values exactly {@code rows * columns} finite values, row-major
     * @return a new matrix holding a copy of {@code values}
     * @throws IllegalArgumentException if a size is negative, the count of values does not match
     *     the shape, or a value is NaN or infinite
     */
    public static Matrix of(int rows, int columns, double... values) {
        requireShape(rows, columns);
        if (values == null) {
            throw new IllegalArgumentException("matrix values are null");
        }
        long expected = (long) rows * columns;
        if (values.length != expected) {
            throw new IllegalArgumentException("a " + rows + "x" + columns + " matrix needs " + expected
                    + " values, got " + values.length);
        }
        double[] copy = values.clone();
        requireFinite(copy, columns);
        return new Matrix(rows, columns, copy, true);
    }

    /**
     * Builds a {@code 1 x n} matrix.
     *
     * @param values the finite values of the single row
     * @return a new row vector
     * @throws IllegalArgumentException if {@code values} is null or holds a NaN or infinite value
     */
    public static Matrix rowVector(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("row vector values are null");
        }
        return of(1, values.length, values);
    }

    /**
     * Builds an {@code n x 1} matrix.
     *
     * @param values the finite values of the single column
     * @return a new column vector
     * @throws IllegalArgumentException if {@code values} is null or holds a NaN or infinite value
     */
    public static Matrix columnVector(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("column vector values are null");
        }
        return of(values.length, 1, values);
    }

    /**
     * Builds a matrix of zeros.
     *
     * @param rows the number of rows, at least 0
     * @param columns the number of columns, at least 0
     * @return a new {@code rows x columns} matrix of zeros
     * @throws IllegalArgumentException if a size is negative or the product overflows an int
     */
    public static Matrix zeros(int rows, int columns) {
        return filled(rows, columns, 0.0);
    }

    /**
     * Builds a matrix with every entry equal to {@code value}.
     *
     * @param rows the number of rows, at least 0
     * @param columns the number of columns, at least 0
     * @param value the finite value of every entry
     * @return a new {@code rows x columns} matrix
     * @throws IllegalArgumentException if a size is negative, the product overflows an int, or
     *     {@code value} is NaN or infinite
     */
    public static Matrix filled(int rows, int columns, double value) {
        requireShape(rows, columns);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("fill value must be finite, got " + value);
        }
        double[] values = new double[Math.multiplyExact(rows, columns)];
        Arrays.fill(values, value);
        return new Matrix(rows, columns, values);
    }

    /**
     * Builds the {@code size x size} identity matrix.
     *
     * @param size the number of rows and columns, at least 0
     * @return a new identity matrix
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public static Matrix identity(int size) {
        requireShape(size, size);
        double[] values = new double[Math.multiplyExact(size, size)];
        for (int i = 0; i < size; i++) {
            values[i * size + i] = 1.0;
        }
        return new Matrix(size, size, values);
    }

    private static void requireShape(int rows, int columns) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("matrix sizes must be at least 0, got " + rows + "x" + columns);
        }
        if ((long) rows * columns > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix " + rows + "x" + columns + " is too large");
        }
    }

    private static void requireFinite(double[] values, int columns) {
        if (Kernels.allFinite(values, values.length)) {
            return;
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw new IllegalArgumentException("matrix value at row " + (k / columns) + ", column "
                        + (k % columns) + " is " + values[k] + "; only finite values are allowed");
            }
        }
    }

    /**
     * Returns the number of rows.
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * Returns the number of columns.
     *
     * @return the number of columns
     */
    public int columns() {
        return columns;
    }

    /**
     * Returns the shape as text, {@code "rows x columns"} written {@code "2x3"}.
     *
     * @return the shape, for messages
     */
    public String shape() {
        return rows + "x" + columns;
    }

    /**
     * Returns one entry.
     *
     * @param row the row index, from 0
     * @param column the column index, from 0
     * @return the entry at {@code (row, column)}
     * @throws IndexOutOfBoundsException if an index is outside the shape
     */
    public double get(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("index (" + row + ", " + column + ") is outside a "
                    + shape() + " matrix");
        }
        return values[row * columns + column];
    }

    /**
     * Returns a copy of one row.
     *
     * @param row the row index, from 0
     * @return a new array of {@link #columns()} values
     * @throws IndexOutOfBoundsException if {@code row} is outside the shape
     */
    public double[] row(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " is outside a " + shape() + " matrix");
        }
        return Arrays.copyOfRange(values, row * columns, (row + 1) * columns);
    }

    /**
     * Returns a copy of one column.
     *
     * @param column the column index, from 0
     * @return a new array of {@link #rows()} values
     * @throws IndexOutOfBoundsException if {@code column} is outside the shape
     */
    public double[] column(int column) {
        if (column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("column " + column + " is outside a " + shape() + " matrix");
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = values[i * columns + column];
        }
        return out;
    }

    /**
     * Returns a copy of the entries as rows.
     *
     * @return a new {@code rows x columns} array
     */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(values, i * columns, (i + 1) * columns);
        }
        return out;
    }

    /**
     * Returns a copy of the entries, row-major.
     *
     * @return a new array of {@code rows * columns} values
     */
    public double[] toRowMajorArray() {
        return values.clone();
    }

    /**
     * Returns the rows at the given indices, in that order (indices may repeat).
     *
     * @param indices row indices, each from 0 to {@code rows - 1}
     * @return a new {@code indices.length x columns} matrix
     * @throws IllegalArgumentException if {@code indices} is null
     * @throws IndexOutOfBoundsException if an index is outside the shape
     */
    public Matrix selectRows(int... indices) {
        if (indices == null) {
            throw new IllegalArgumentException("row indices are null");
        }
        double[] out = new double[Math.multiplyExact(indices.length, columns)];
        for (int k = 0; k < indices.length; k++) {
            int row = indices[k];
            if (row < 0 || row >= rows) {
                throw new IndexOutOfBoundsException("row " + row + " is outside a " + shape() + " matrix");
            }
            System.arraycopy(values, row * columns, out, k * columns, columns);
        }
        return new Matrix(indices.length, columns, out, checkedFinite); // the same values
    }

    /**
     * Returns the matrix product {@code this * other}.
     *
     * <pre>  (A B)[i][j] = sum over k of A[i][k] * B[k][j]</pre>
     *
     * <p>Each entry adds its terms in ascending order of {@code k}, starting from {@code +0.0}, so
     * the result has the same bits on every JVM (and as the forward pass of a network).
     *
     * @param other a matrix with as many rows as this one has columns
     * @return a new {@code this.rows x other.columns} matrix
     * @throws IllegalArgumentException if the inner dimensions differ (both shapes are named)
     */
    public Matrix times(Matrix other) {
        requireNonNull(other, "multiply by");
        if (columns != other.rows) {
            throw new IllegalArgumentException("cannot multiply " + shape() + " by " + other.shape()
                    + ": inner dimensions " + columns + " and " + other.rows + " differ");
        }
        int inner = columns;
        int outColumns = other.columns;
        double[] out = new double[Math.multiplyExact(rows, outColumns)];
        Kernels.multiply(values, other.values, out, rows, inner, outColumns);
        return new Matrix(rows, outColumns, out);
    }

    /**
     * Returns the elementwise sum {@code this + other}.
     *
     * @param other a matrix of the same shape
     * @return a new matrix
     * @throws IllegalArgumentException if the shapes differ (both are named)
     */
    public Matrix plus(Matrix other) {
        return zip(other, "add", Double::sum);
    }

    /**
     * Returns the elementwise difference {@code this - other}.
     *
     * @param other a matrix of the same shape
     * @return a new matrix
     * @throws IllegalArgumentException if the shapes differ (both are named)
     */
    public Matrix minus(Matrix other) {
        return zip(other, "subtract", (a, b) -> a - b);
    }

    /**
     * Returns the elementwise (Hadamard) product of this matrix and {@code other}.
     *
     * @param other a matrix of the same shape
     * @return a new matrix
     * @throws IllegalArgumentException if the shapes differ (both are named)
     */
    public Matrix multiplyElements(Matrix other) {
        return zip(other, "multiply elementwise", (a, b) -> a * b);
    }

    /**
     * Returns the elementwise quotient of this matrix by {@code other}.
     *
     * @param other a matrix of the same shape
     * @return a new matrix
     * @throws IllegalArgumentException if the shapes differ (both are named)
     */
    public Matrix divideElements(Matrix other) {
        return zip(other, "divide elementwise", (a, b) -> a / b);
    }

    /**
     * Returns this matrix with every entry multiplied by {@code factor}.
     *
     * @param factor a finite factor
     * @return a new matrix
     * @throws IllegalArgumentException if {@code factor} is NaN or infinite
     */
    public Matrix scale(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("scale factor must be finite, got " + factor);
        }
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = values[k] * factor;
        }
        return new Matrix(rows, columns, out);
    }

    /**
     * Returns the transpose.
     *
     * @return a new {@code columns x rows} matrix
     */
    public Matrix transpose() {
        double[] out = new double[values.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[j * rows + i] = values[i * columns + j];
            }
        }
        return new Matrix(columns, rows, out, checkedFinite); // the same values
    }

    /**
     * Applies a function to every entry.
     *
     * @param function the function to apply
     * @return a new matrix of the same shape
     * @throws IllegalArgumentException if {@code function} is null
     */
    public Matrix map(DoubleUnaryOperator function) {
        if (function == null) {
            throw new IllegalArgumentException("map function is null");
        }
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = function.applyAsDouble(values[k]);
        }
        return new Matrix(rows, columns, out);
    }

    /**
     * Adds a {@code 1 x columns} row vector to every row (broadcasting, as a bias is added).
     *
     * @param row a {@code 1 x columns} matrix
     * @return a new matrix of this shape
     * @throws IllegalArgumentException if {@code row} is not {@code 1 x columns} (both shapes named)
     */
    public Matrix plusRow(Matrix row) {
        return broadcastRow(row, "cannot add %2$s to every row of %1$s", Double::sum);
    }

    /**
     * Divides every row elementwise by a {@code 1 x columns} row vector (per-column scaling).
     *
     * @param row a {@code 1 x columns} matrix
     * @return a new matrix of this shape
     * @throws IllegalArgumentException if {@code row} is not {@code 1 x columns} (both shapes named)
     */
    public Matrix divideRows(Matrix row) {
        return broadcastRow(row, "cannot divide every row of %1$s by %2$s", (a, b) -> a / b);
    }

    /**
     * Multiplies every row elementwise by a {@code 1 x columns} row vector (per-column scaling).
     *
     * @param row a {@code 1 x columns} matrix
     * @return a new matrix of this shape
     * @throws IllegalArgumentException if {@code row} is not {@code 1 x columns} (both shapes named)
     */
    public Matrix multiplyRows(Matrix row) {
        return broadcastRow(row, "cannot multiply every row of %1$s by %2$s", (a, b) -> a * b);
    }

    /**
     * Returns the sum of each column.
     *
     * @return a new {@code 1 x columns} matrix
     */
    public Matrix columnSums() {
        double[][] all = new double[rows][columns];
        Kernels.toRows(values, 0, all, rows, columns, false);
        double[] out = new double[columns];
        Kernels.columnSums(all, out, rows, columns);
        return new Matrix(1, columns, out);
    }

    /**
     * Returns the largest entry of each column.
     *
     * @return a new {@code 1 x columns} matrix
     * @throws IllegalStateException if the matrix has no rows
     */
    public Matrix columnMax() {
        if (rows == 0) {
            throw new IllegalStateException("column max of a matrix with no rows (" + shape() + ")");
        }
        double[] out = Arrays.copyOf(values, columns);
        for (int i = 1; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[j] = Math.max(out[j], values[i * columns + j]);
            }
        }
        return new Matrix(1, columns, out);
    }

    /**
     * Returns the sum of all entries, added in row-major order.
     *
     * @return the sum
     */
    public double sum() {
        double total = 0.0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    /**
     * Tells whether every entry is finite (neither NaN nor infinite).
     *
     * @return true if all entries are finite
     */
    public boolean isFinite() {
        // A matrix built from checked values, or already scanned, answers at once (Network.predict
        // asks of every batch); the results of arithmetic, which may overflow, are scanned once.
        if (!checkedFinite && Kernels.allFinite(values, values.length)) {
            checkedFinite = true;
        }
        return checkedFinite;
    }

    /**
     * Tells whether {@code other} has the same shape and every entry within {@code tolerance}.
     *
     * @param other the matrix to compare with
     * @param tolerance the largest allowed absolute difference, at least 0
     * @return true if the shapes match and {@code |this[i][j] - other[i][j]| <= tolerance} everywhere
     * @throws IllegalArgumentException if {@code other} is null or {@code tolerance} is negative or NaN
     */
    public boolean isCloseTo(Matrix other, double tolerance) {
        requireNonNull(other, "compare with");
        if (!(tolerance >= 0.0)) {
            throw new IllegalArgumentException("tolerance must be at least 0, got " + tolerance);
        }
        if (rows != other.rows || columns != other.columns) {
            return false;
        }
        for (int k = 0; k < values.length; k++) {
            if (!(Math.abs(values[k] - other.values[k]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    private Matrix zip(Matrix other, String what, DoubleBinaryOperator op) {
        requireNonNull(other, what);
        if (rows != other.rows || columns != other.columns) {
            throw new IllegalArgumentException("cannot " + what + " " + shape() + " and " + other.shape()
                    + ": shapes differ");
        }
        double[] out = new double[values.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = op.applyAsDouble(values[k], other.values[k]);
        }
        return new Matrix(rows, columns, out);
    }

    /** Applies {@code op} between every row and {@code row}; {@code failure} formats a rejection. */
    private Matrix broadcastRow(Matrix row, String failure, DoubleBinaryOperator op) {
        String matrix = "a " + shape() + " matrix";
        if (row == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, failure, matrix, "a null row"));
        }
        if (row.rows != 1 || row.columns != columns) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, failure, matrix, "a " + row.shape()
                    + " row") + ": expected a 1x" + columns + " row");
        }
        double[] out = new double[values.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[i * columns + j] = op.applyAsDouble(values[i * columns + j], row.values[j]);
            }
        }
        return new Matrix(rows, columns, out);
    }

    private static void requireNonNull(Matrix other, String what) {
        if (other == null) {
            throw new IllegalArgumentException("cannot " + what + " a null matrix");
        }
    }

    /**
     * Exact equality: same shape and bit-identical entries (so {@code 0.0} and {@code -0.0} differ).
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is a matrix equal to this one
     */
    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof Matrix other)) {
            return false;
        }
        return rows == other.rows && columns == other.columns && Arrays.equals(values, other.values);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + Arrays.hashCode(values);
    }

    /**
     * Returns the shape and the rows, each value in the shortest form that reads back exactly,
     * for example {@code "2x2 [[1.0, 2.0], [3.0, 4.5]]"}. Matrices of more than 20 rows show the
     * first and last ten.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(shape()).append(" [");
        for (int i = 0; i < rows; i++) {
            if (rows > 20 && i == 10) {
                text.append(String.format(Locale.ROOT, "... %d more rows ..., ", rows - 20));
                i = rows - 10;
            }
            text.append('[');
            for (int j = 0; j < columns; j++) {
                text.append(j == 0 ? "" : ", ").append(values[i * columns + j]);
            }
            text.append(i == rows - 1 ? "]" : "], ");
        }
        return text.append(']').toString();
    }
}
