package io.github.diynn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.diynn.core.Matrix;
import java.util.Arrays;

/**
 * Matrix factories on arbitrary shapes and doubles: each either returns a matrix of finite values
 * holding exactly what was given, or throws {@link IllegalArgumentException} with a message. Any other
 * exception or a wrong matrix is a finding.
 */
class MatrixFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void factoriesReturnFiniteCopiesOrRejectWithIllegalArgument(byte[] data) {
        FuzzBytes in = new FuzzBytes(data);
        int factory = in.nextUnsignedByte() % 7;
        try {
            switch (factory) {
                case 0 -> ofRows(in);
                case 1 -> ofRowMajor(in);
                case 2 -> {
                    double[] values = in.nextDoubles(in.nextUnsignedByte() % 40);
                    expectHolds(Matrix.rowVector(values), 1, values.length, values);
                }
                case 3 -> {
                    double[] values = in.nextDoubles(in.nextUnsignedByte() % 40);
                    expectHolds(Matrix.columnVector(values), values.length, 1, values);
                }
                case 4 -> {
                    int rows = in.nextSignedByte();
                    int columns = in.nextSignedByte();
                    double[] expected = new double[Math.max(0, rows * columns)];
                    expectHolds(Matrix.zeros(rows, columns), rows, columns, expected);
                }
                case 5 -> {
                    int rows = in.nextSignedByte();
                    int columns = in.nextSignedByte();
                    double value = in.nextDouble();
                    double[] expected = new double[Math.max(0, rows * columns)];
                    Arrays.fill(expected, value);
                    expectHolds(Matrix.filled(rows, columns, value), rows, columns, expected);
                }
                default -> {
                    int size = in.nextSignedByte();
                    Matrix identity = Matrix.identity(size);
                    assertThat(identity.rows()).isEqualTo(size);
                    assertThat(identity.isFinite()).isTrue();
                    assertThat(identity.sum()).isEqualTo(size);
                }
            }
        } catch (IllegalArgumentException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
        }
    }

    /** {@code Matrix.of(double[][])} on up to 8 rows of up to 8 values each, jagged or null rows included. */
    private static void ofRows(FuzzBytes in) {
        int rows = in.nextUnsignedByte() % 9;
        double[][] data = new double[rows][];
        for (int i = 0; i < rows; i++) {
            int length = in.nextUnsignedByte() % 10;
            data[i] = length == 9 ? null : in.nextDoubles(length);
        }
        double[][] before = deepCopy(data);
        Matrix matrix = Matrix.of(data);
        assertThat(data).isDeepEqualTo(before);
        double[] flat = Arrays.stream(data).flatMapToDouble(Arrays::stream).toArray();
        expectHolds(matrix, rows, rows == 0 ? 0 : data[0].length, flat);
        assertThat(matrix.toArray()).isDeepEqualTo(data);
    }

    /** {@code Matrix.of(rows, columns, values)} with any ints as the shape. */
    private static void ofRowMajor(FuzzBytes in) {
        int rows = in.nextInt();
        int columns = in.nextInt();
        double[] values = in.nextDoubles(in.nextUnsignedByte() % 40);
        double[] before = values.clone();
        Matrix matrix = Matrix.of(rows, columns, values);
        assertThat(values).isEqualTo(before);
        expectHolds(matrix, rows, columns, values);
    }

    private static void expectHolds(Matrix matrix, int rows, int columns, double[] values) {
        assertThat(matrix.rows()).isEqualTo(rows);
        assertThat(matrix.columns()).isEqualTo(columns);
        assertThat(matrix.isFinite()).as("every entry finite").isTrue();
        assertThat(matrix.toRowMajorArray()).isEqualTo(values);
        assertThat(matrix).isEqualTo(Matrix.of(rows, columns, matrix.toRowMajorArray()));
    }

    private static double[][] deepCopy(double[][] data) {
        double[][] copy = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            copy[i] = data[i] == null ? null : data[i].clone();
        }
        return copy;
    }
}
