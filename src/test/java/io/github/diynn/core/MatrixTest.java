package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.BinaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MatrixTest {

    // Fixtures; every expected value below is worked out by hand from these.
    private static final double[][] A = {{1, 2, 3}, {4, 5, 6}};
    private static final double[][] B = {{7, 8}, {9, 10}, {11, 12}};
    private static final double[][] C = {{0.5, -1, 2}, {3, 0.25, -4}};

    private static Matrix a() {
        return Matrix.of(A);
    }

    private static Matrix b() {
        return Matrix.of(B);
    }

    private static Matrix c() {
        return Matrix.of(C);
    }

    /** Asserts that a matrix still holds exactly the given rows. */
    private static void assertHolds(Matrix matrix, double[][] rows) {
        assertThat(matrix.toArray()).isDeepEqualTo(rows);
        assertThat(matrix).isEqualTo(Matrix.of(rows));
    }

    // ----------------------------------------------------------------- factories and accessors

    @Test
    void ofRowsKeepsShapeAndValues() {
        Matrix m = a();
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.columns()).isEqualTo(3);
        assertThat(m.shape()).isEqualTo("2x3");
        assertThat(m.get(0, 0)).isEqualTo(1.0);
        assertThat(m.get(0, 2)).isEqualTo(3.0);
        assertThat(m.get(1, 1)).isEqualTo(5.0);
        assertThat(m.toRowMajorArray()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void ofRowMajorValuesFillsRowByRow() {
        Matrix m = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        assertThat(m).isEqualTo(a());
        assertThat(m.row(1)).containsExactly(4, 5, 6);
    }

    @Test
    void rowAndColumnVectorsHaveOneRowOrOneColumn() {
        Matrix row = Matrix.rowVector(1, 2, 3);
        Matrix column = Matrix.columnVector(1, 2, 3);
        assertThat(row.shape()).isEqualTo("1x3");
        assertThat(column.shape()).isEqualTo("3x1");
        assertThat(row.row(0)).containsExactly(1, 2, 3);
        assertThat(column.column(0)).containsExactly(1, 2, 3);
    }

    @Test
    void zerosFilledAndIdentityHoldTheExpectedEntries() {
        assertHolds(Matrix.zeros(2, 2), new double[][] {{0, 0}, {0, 0}});
        assertHolds(Matrix.filled(2, 3, -1.5), new double[][] {{-1.5, -1.5, -1.5}, {-1.5, -1.5, -1.5}});
        assertHolds(Matrix.identity(3), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }

    @Test
    void ofRowsCopiesItsInput() {
        double[][] data = {{1, 2}, {3, 4}};
        Matrix m = Matrix.of(data);
        data[0][0] = 99;
        data[1] = new double[] {7, 7};
        assertHolds(m, new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void ofRowMajorValuesCopiesItsInput() {
        double[] values = {1, 2, 3, 4};
        Matrix m = Matrix.of(2, 2, values);
        values[3] = 99;
        assertHolds(m, new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void vectorFactoriesCopyTheirInput() {
        double[] values = {1, 2, 3};
        Matrix row = Matrix.rowVector(values);
        Matrix column = Matrix.columnVector(values);
        values[0] = 99;
        assertHolds(row, new double[][] {{1, 2, 3}});
        assertHolds(column, new double[][] {{1}, {2}, {3}});
    }

    @Test
    void rowReturnsACopy() {
        Matrix m = a();
        double[] row = m.row(1);
        assertThat(row).containsExactly(4, 5, 6);
        row[0] = 99;
        assertHolds(m, A);
    }

    @Test
    void columnReturnsACopy() {
        Matrix m = a();
        double[] column = m.column(2);
        assertThat(column).containsExactly(3, 6);
        column[0] = 99;
        assertHolds(m, A);
    }

    @Test
    void toArrayReturnsADeepCopy() {
        Matrix m = a();
        double[][] rows = m.toArray();
        assertThat(rows).isDeepEqualTo(A);
        rows[0][0] = 99;
        rows[1] = new double[] {0, 0, 0};
        assertHolds(m, A);
    }

    @Test
    void toRowMajorArrayReturnsACopy() {
        Matrix m = a();
        double[] values = m.toRowMajorArray();
        values[5] = 99;
        assertHolds(m, A);
    }

    @Test
    void getRejectsIndicesOutsideTheShape() {
        Matrix m = a();
        assertThatThrownBy(() -> m.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("(2, 0)").hasMessageContaining("2x3");
        assertThatThrownBy(() -> m.get(0, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("(0, 3)");
        assertThatThrownBy(() -> m.get(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.get(0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rowAndColumnRejectIndicesOutsideTheShape() {
        Matrix m = a();
        assertThatThrownBy(() -> m.row(2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("row 2").hasMessageContaining("2x3");
        assertThatThrownBy(() -> m.row(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> m.column(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("column 3").hasMessageContaining("2x3");
        assertThatThrownBy(() -> m.column(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    // ----------------------------------------------------------------- rejected user data

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void ofRowsRejectsNonFiniteValuesNamingRowAndColumn(double bad) {
        double[][] data = {{1, 2, 3}, {4, 5, bad}};
        assertThatThrownBy(() -> Matrix.of(data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1, column 2").hasMessageContaining(String.valueOf(bad));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void ofRowMajorValuesRejectsNonFiniteValuesNamingRowAndColumn(double bad) {
        assertThatThrownBy(() -> Matrix.of(2, 3, 1, 2, 3, 4, bad, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1, column 1").hasMessageContaining(String.valueOf(bad));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void vectorFactoriesRejectNonFiniteValuesNamingRowAndColumn(double bad) {
        assertThatThrownBy(() -> Matrix.rowVector(1, 2, bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0, column 2").hasMessageContaining(String.valueOf(bad));
        assertThatThrownBy(() -> Matrix.columnVector(1, 2, bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2, column 0").hasMessageContaining(String.valueOf(bad));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void filledRejectsANonFiniteValue(double bad) {
        assertThatThrownBy(() -> Matrix.filled(2, 2, bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(bad));
    }

    @Test
    void ofRowsRejectsJaggedRowsNamingBothLengths() {
        double[][] data = {{1, 2, 3}, {4, 5}};
        assertThatThrownBy(() -> Matrix.of(data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has 2 values but row 0 has 3");
    }

    @Test
    void ofRowsRejectsNullDataAndNullRows() {
        assertThatThrownBy(() -> Matrix.of((double[][]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1}, null})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 is null");
        assertThatThrownBy(() -> Matrix.of(new double[][] {null, {1}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 is null");
    }

    @Test
    void ofRowMajorValuesRejectsAWrongCountNamingShapeAndCounts() {
        assertThatThrownBy(() -> Matrix.of(2, 3, 1, 2, 3, 4, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3").hasMessageContaining("needs 6").hasMessageContaining("got 5");
        assertThatThrownBy(() -> Matrix.of(2, 3, (double[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void vectorFactoriesRejectNull() {
        assertThatThrownBy(() -> Matrix.rowVector((double[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> Matrix.columnVector((double[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void factoriesRejectNegativeSizesNamingTheShape() {
        assertThatThrownBy(() -> Matrix.of(-1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1x2");
        assertThatThrownBy(() -> Matrix.zeros(2, -3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x-3");
        assertThatThrownBy(() -> Matrix.filled(-1, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1x-1");
        assertThatThrownBy(() -> Matrix.identity(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2x-2");
    }

    @Test
    void factoriesRejectShapesTooLargeForAnArray() {
        assertThatThrownBy(() -> Matrix.zeros(100_000, 100_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100000x100000");
    }

    // ----------------------------------------------------------------- operations

    @Test
    void timesMultipliesAndLeavesOperandsUnchanged() {
        Matrix left = a();
        Matrix right = b();
        // [1 2 3; 4 5 6] [7 8; 9 10; 11 12] = [7+18+33, 8+20+36; 28+45+66, 32+50+72]
        assertHolds(left.times(right), new double[][] {{58, 64}, {139, 154}});
        assertHolds(left, A);
        assertHolds(right, B);
    }

    @Test
    void timesByTheIdentityGivesTheSameMatrix() {
        assertThat(a().times(Matrix.identity(3))).isEqualTo(a());
        assertThat(Matrix.identity(2).times(a())).isEqualTo(a());
    }

    @Test
    void timesOfARowByAColumnIsTheDotProduct() {
        Matrix dot = Matrix.rowVector(1, -2, 3).times(Matrix.columnVector(4, 5, -6));
        assertHolds(dot, new double[][] {{4 - 10 - 18}});
    }

    @Test
    void plusAddsElementwiseAndLeavesOperandsUnchanged() {
        Matrix left = a();
        Matrix right = c();
        assertHolds(left.plus(right), new double[][] {{1.5, 1, 5}, {7, 5.25, 2}});
        assertHolds(left, A);
        assertHolds(right, C);
    }

    @Test
    void minusSubtractsElementwiseAndLeavesOperandsUnchanged() {
        Matrix left = a();
        Matrix right = c();
        assertHolds(left.minus(right), new double[][] {{0.5, 3, 1}, {1, 4.75, 10}});
        assertHolds(left, A);
        assertHolds(right, C);
    }

    @Test
    void multiplyElementsMultipliesElementwiseAndLeavesOperandsUnchanged() {
        Matrix left = a();
        Matrix right = c();
        assertHolds(left.multiplyElements(right), new double[][] {{0.5, -2, 6}, {12, 1.25, -24}});
        assertHolds(left, A);
        assertHolds(right, C);
    }

    @Test
    void divideElementsDividesElementwiseAndLeavesOperandsUnchanged() {
        Matrix left = a();
        Matrix right = c();
        assertHolds(left.divideElements(right), new double[][] {{2, -2, 1.5}, {4.0 / 3.0, 20, -1.5}});
        assertHolds(left, A);
        assertHolds(right, C);
    }

    @Test
    void scaleMultipliesEveryEntryAndLeavesTheMatrixUnchanged() {
        Matrix m = a();
        assertHolds(m.scale(-2), new double[][] {{-2, -4, -6}, {-8, -10, -12}});
        assertHolds(m.scale(0.5), new double[][] {{0.5, 1, 1.5}, {2, 2.5, 3}});
        assertHolds(m, A);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void scaleRejectsANonFiniteFactor(double bad) {
        assertThatThrownBy(() -> a().scale(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(bad));
    }

    @Test
    void transposeSwapsRowsAndColumnsAndLeavesTheMatrixUnchanged() {
        Matrix m = a();
        assertHolds(m.transpose(), new double[][] {{1, 4}, {2, 5}, {3, 6}});
        assertThat(m.transpose().transpose()).isEqualTo(m);
        assertHolds(m, A);
    }

    @Test
    void mapAppliesTheFunctionToEveryEntryAndLeavesTheMatrixUnchanged() {
        Matrix m = a();
        assertHolds(m.map(x -> x * x + 1), new double[][] {{2, 5, 10}, {17, 26, 37}});
        assertHolds(m, A);
        assertThatThrownBy(() -> m.map(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void plusRowAddsTheRowToEveryRowAndLeavesOperandsUnchanged() {
        Matrix m = a();
        Matrix row = Matrix.rowVector(10, 20, 30);
        assertHolds(m.plusRow(row), new double[][] {{11, 22, 33}, {14, 25, 36}});
        assertHolds(m, A);
        assertHolds(row, new double[][] {{10, 20, 30}});
    }

    @Test
    void divideRowsDividesEveryRowByTheRowAndLeavesOperandsUnchanged() {
        Matrix m = a();
        Matrix row = Matrix.rowVector(2, 4, 8);
        assertHolds(m.divideRows(row), new double[][] {{0.5, 0.5, 0.375}, {2, 1.25, 0.75}});
        assertHolds(m, A);
        assertHolds(row, new double[][] {{2, 4, 8}});
    }

    @Test
    void multiplyRowsMultipliesEveryRowByTheRowAndLeavesOperandsUnchanged() {
        Matrix m = a();
        Matrix row = Matrix.rowVector(2, -1, 0.5);
        assertHolds(m.multiplyRows(row), new double[][] {{2, -2, 1.5}, {8, -5, 3}});
        assertHolds(m, A);
        assertHolds(row, new double[][] {{2, -1, 0.5}});
    }

    @Test
    void columnSumsAddsEachColumnAndLeavesTheMatrixUnchanged() {
        Matrix m = a();
        assertHolds(m.columnSums(), new double[][] {{5, 7, 9}});
        assertHolds(m, A);
    }

    @Test
    void columnMaxFindsTheLargestEntryOfEachColumnAndLeavesTheMatrixUnchanged() {
        double[][] data = {{1, -5, 3}, {-2, 4, 3}, {0, -7, 2}};
        Matrix m = Matrix.of(data);
        assertHolds(m.columnMax(), new double[][] {{1, 4, 3}});
        assertHolds(m, data);
    }

    @Test
    void columnMaxOfAllNegativeColumnsIsNegative() {
        Matrix m = Matrix.of(new double[][] {{-3, -2}, {-4, -1}});
        assertHolds(m.columnMax(), new double[][] {{-3, -1}});
    }

    @Test
    void columnMaxRejectsAMatrixWithoutRows() {
        assertThatThrownBy(() -> Matrix.zeros(0, 3).columnMax()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0x3");
    }

    @Test
    void sumAddsEveryEntryAndLeavesTheMatrixUnchanged() {
        Matrix m = a();
        assertThat(m.sum()).isEqualTo(21.0);
        assertThat(c().sum()).isEqualTo(0.75);
        assertHolds(m, A);
    }

    @Test
    void selectRowsPicksRowsInOrderWithRepeatsAndLeavesTheMatrixUnchanged() {
        Matrix m = a();
        assertHolds(m.selectRows(1, 0, 1), new double[][] {{4, 5, 6}, {1, 2, 3}, {4, 5, 6}});
        assertThat(m.selectRows().shape()).isEqualTo("0x3");
        assertHolds(m, A);
    }

    @Test
    void selectRowsDoesNotKeepTheIndexArray() {
        int[] indices = {1, 0};
        Matrix selected = a().selectRows(indices);
        indices[0] = 0;
        assertHolds(selected, new double[][] {{4, 5, 6}, {1, 2, 3}});
    }

    @Test
    void selectRowsRejectsIndicesOutsideTheShapeAndNull() {
        assertThatThrownBy(() -> a().selectRows(0, 2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("row 2").hasMessageContaining("2x3");
        assertThatThrownBy(() -> a().selectRows(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("row -1");
        assertThatThrownBy(() -> a().selectRows((int[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void isFiniteTellsWhetherArithmeticOverflowed() {
        assertThat(a().isFinite()).isTrue();
        assertThat(Matrix.filled(1, 2, Double.MAX_VALUE).scale(2).isFinite()).isFalse();
        assertThat(Matrix.zeros(1, 1).divideElements(Matrix.zeros(1, 1)).isFinite()).isFalse();
    }

    @Test
    void isFiniteStaysTrueThroughCopiesOfCheckedValuesAndFalseThroughCopiesOfAnOverflow() {
        Matrix checked = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        assertThat(checked.transpose().isFinite()).isTrue();
        assertThat(checked.selectRows(1, 0, 1).isFinite()).isTrue();
        Matrix overflowed = Matrix.of(new double[][] {{1, Double.MAX_VALUE}, {3, 4}}).scale(2);
        assertThat(overflowed.isFinite()).isFalse();
        assertThat(overflowed.isFinite()).as("asked again").isFalse();
        assertThat(overflowed.transpose().isFinite()).isFalse();
        assertThat(overflowed.selectRows(1, 0).isFinite()).isFalse();
        assertThat(overflowed.selectRows(1).isFinite()).isTrue(); // the row without the overflow
        assertThat(overflowed.selectRows(1).transpose().isFinite()).isTrue();
        Matrix scaled = checked.scale(0.5); // arithmetic: scanned on the first question, then known
        assertThat(scaled.isFinite()).isTrue();
        assertThat(scaled.isFinite()).isTrue();
        assertThat(scaled.transpose().isFinite()).isTrue();
    }

    // ----------------------------------------------------------------- shape mismatches

    static Stream<Arguments> elementwiseOperations() {
        return Stream.of(
                Arguments.of("plus", (BinaryOperator<Matrix>) Matrix::plus),
                Arguments.of("minus", (BinaryOperator<Matrix>) Matrix::minus),
                Arguments.of("multiplyElements", (BinaryOperator<Matrix>) Matrix::multiplyElements),
                Arguments.of("divideElements", (BinaryOperator<Matrix>) Matrix::divideElements));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseOperations")
    void elementwiseOperationsRejectDifferentShapesNamingBoth(String name, BinaryOperator<Matrix> operation) {
        assertThatThrownBy(() -> operation.apply(a(), b())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3").hasMessageContaining("3x2");
        assertThatThrownBy(() -> operation.apply(a(), Matrix.zeros(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3").hasMessageContaining("2x2");
        assertThatThrownBy(() -> operation.apply(Matrix.zeros(1, 3), a()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x3").hasMessageContaining("2x3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseOperations")
    void elementwiseOperationsRejectNull(String name, BinaryOperator<Matrix> operation) {
        assertThatThrownBy(() -> operation.apply(a(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null matrix");
    }

    @Test
    void timesRejectsMismatchedInnerDimensionsNamingBothShapes() {
        assertThatThrownBy(() -> a().times(c())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot multiply 2x3 by 2x3").hasMessageContaining("3 and 2");
        assertThatThrownBy(() -> b().times(Matrix.zeros(3, 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x2").hasMessageContaining("3x4");
        assertThatThrownBy(() -> a().times(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot multiply by a null matrix");
    }

    static Stream<Arguments> rowOperations() {
        return Stream.of(
                Arguments.of("plusRow", (BinaryOperator<Matrix>) Matrix::plusRow),
                Arguments.of("divideRows", (BinaryOperator<Matrix>) Matrix::divideRows),
                Arguments.of("multiplyRows", (BinaryOperator<Matrix>) Matrix::multiplyRows));
    }

    @Test
    void rowOperationMessagesSayWhichShapeIsTheMatrixAndWhichTheRow() {
        Matrix narrow = Matrix.rowVector(1, 2);
        assertThatThrownBy(() -> a().plusRow(narrow)).hasMessage(
                "cannot add a 1x2 row to every row of a 2x3 matrix: expected a 1x3 row");
        assertThatThrownBy(() -> a().divideRows(narrow)).hasMessage(
                "cannot divide every row of a 2x3 matrix by a 1x2 row: expected a 1x3 row");
        assertThatThrownBy(() -> a().multiplyRows(narrow)).hasMessage(
                "cannot multiply every row of a 2x3 matrix by a 1x2 row: expected a 1x3 row");
        assertThatThrownBy(() -> a().plusRow(null)).hasMessage(
                "cannot add a null row to every row of a 2x3 matrix");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowOperations")
    void rowOperationsRejectARowOfTheWrongShapeNamingBoth(String name, BinaryOperator<Matrix> operation) {
        assertThatThrownBy(() -> operation.apply(a(), Matrix.rowVector(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3").hasMessageContaining("1x2").hasMessageContaining("1x3");
        assertThatThrownBy(() -> operation.apply(a(), Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3").hasMessageContaining("1x3");
        assertThatThrownBy(() -> operation.apply(a(), Matrix.columnVector(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x3").hasMessageContaining("3x1");
        assertThatThrownBy(() -> operation.apply(a(), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    // ----------------------------------------------------------------- empty matrices

    @Test
    void zeroRowAndZeroColumnMatricesAreAllowed() {
        assertThat(Matrix.of(new double[0][]).shape()).isEqualTo("0x0");
        assertThat(Matrix.of(new double[][] {{}, {}}).shape()).isEqualTo("2x0");
        assertThat(Matrix.of(0, 3).shape()).isEqualTo("0x3");
        assertThat(Matrix.rowVector().shape()).isEqualTo("1x0");
        assertThat(Matrix.columnVector().shape()).isEqualTo("0x1");
        assertThat(Matrix.identity(0).shape()).isEqualTo("0x0");
    }

    @Test
    void operationsOnEmptyMatricesKeepTheirShapes() {
        Matrix noRows = Matrix.zeros(0, 3);
        Matrix noColumns = Matrix.zeros(2, 0);
        assertThat(noRows.transpose().shape()).isEqualTo("3x0");
        assertThat(noRows.times(b()).shape()).isEqualTo("0x2");
        assertThat(noRows.plusRow(Matrix.rowVector(1, 2, 3)).shape()).isEqualTo("0x3");
        assertHolds(noRows.columnSums(), new double[][] {{0, 0, 0}});
        assertThat(noRows.sum()).isEqualTo(0.0);
        assertThat(noRows.toArray()).isEmpty();
        assertThat(noColumns.toArray()).isDeepEqualTo(new double[][] {{}, {}});
        assertThat(noColumns.row(1)).isEmpty();
        assertThat(noColumns.columnSums().shape()).isEqualTo("1x0");
        assertThat(noColumns.columnMax().shape()).isEqualTo("1x0");
        assertThat(noColumns.plus(Matrix.zeros(2, 0)).shape()).isEqualTo("2x0");
    }

    @Test
    void productOverAnEmptyInnerDimensionIsZero() {
        assertHolds(Matrix.zeros(2, 0).times(Matrix.zeros(0, 3)), new double[][] {{0, 0, 0}, {0, 0, 0}});
    }

    // ----------------------------------------------------------------- equality and text

    @Test
    void equalMatricesHaveEqualHashCodes() {
        Matrix first = a();
        Matrix second = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        assertThat(first).isEqualTo(second).isNotSameAs(second);
        assertThat(first.hashCode()).isEqualTo(second.hashCode());
    }

    @Test
    void hashCodeDependsOnTheValuesAndTheShape() {
        assertThat(Matrix.rowVector(1, 2).hashCode()).isNotEqualTo(Matrix.rowVector(1, 3).hashCode());
        assertThat(Matrix.rowVector(0.0).hashCode()).isNotEqualTo(Matrix.rowVector(-0.0).hashCode());
        assertThat(Matrix.of(1, 4, 1, 2, 3, 4).hashCode()).isNotEqualTo(Matrix.of(2, 2, 1, 2, 3, 4).hashCode());
    }

    @Test
    void equalsIsExactSoZeroAndNegativeZeroDiffer() {
        Matrix positive = Matrix.rowVector(0.0, 1.0);
        Matrix negative = Matrix.rowVector(-0.0, 1.0);
        assertThat(positive).isNotEqualTo(negative);
        assertThat(positive.isCloseTo(negative, 0.0)).isTrue();
    }

    @Test
    void equalsTellsApartValuesOneUlpApart() {
        Matrix one = Matrix.rowVector(1.0);
        Matrix next = Matrix.rowVector(Math.nextUp(1.0));
        assertThat(one).isNotEqualTo(next);
        assertThat(one.isCloseTo(next, 1e-15)).isTrue();
    }

    @Test
    void equalsComparesShapesNotJustValues() {
        Matrix wide = Matrix.of(1, 4, 1, 2, 3, 4);
        Matrix square = Matrix.of(2, 2, 1, 2, 3, 4);
        assertThat(wide).isNotEqualTo(square);
        assertThat(Matrix.zeros(0, 2)).isNotEqualTo(Matrix.zeros(2, 0));
        assertThat(wide.isCloseTo(square, 1.0)).isFalse();
    }

    @Test
    void equalsRejectsNullAndOtherTypes() {
        assertThat(a().equals(null)).isFalse();
        assertThat(a().equals("2x3")).isFalse();
    }

    @Test
    void isCloseToComparesWithinTheTolerance() {
        Matrix base = Matrix.rowVector(1.0, 2.0);
        Matrix near = Matrix.rowVector(1.25, 1.75);
        assertThat(base.isCloseTo(near, 0.25)).isTrue();
        assertThat(base.isCloseTo(near, 0.24)).isFalse();
        assertThat(near.isCloseTo(base, 0.25)).isTrue();
        assertThat(base.isCloseTo(base, 0.0)).isTrue();
    }

    @Test
    void isCloseToIsFalseWhenAnEntryIsNotFinite() {
        Matrix overflowed = Matrix.filled(1, 1, Double.MAX_VALUE).scale(2);
        assertThat(overflowed.isCloseTo(overflowed, 1.0)).isFalse();
    }

    @Test
    void isCloseToRejectsABadToleranceAndNull() {
        assertThatThrownBy(() -> a().isCloseTo(a(), -1e-9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1.0E-9");
        assertThatThrownBy(() -> a().isCloseTo(a(), Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> a().isCloseTo(null, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void toStringShowsShapeAndRowsInShortestExactForm() {
        assertThat(Matrix.of(new double[][] {{1, 2}, {3, 4.5}})).hasToString("2x2 [[1.0, 2.0], [3.0, 4.5]]");
        assertThat(Matrix.rowVector(0.1, -1e-300)).hasToString("1x2 [[0.1, -1.0E-300]]");
        assertThat(Matrix.zeros(0, 3)).hasToString("0x3 []");
        assertThat(Matrix.zeros(2, 0)).hasToString("2x0 [[], []]");
    }

    @Test
    void toStringOfALongMatrixShowsTheFirstAndLastTenRows() {
        Matrix tall = Matrix.columnVector(IntStream.range(0, 25).asDoubleStream().toArray());
        String expected = "25x1 [" + rows(0, 10) + ", ... 5 more rows ..., " + rows(15, 25) + "]";
        assertThat(tall).hasToString(expected);
    }

    @Test
    void toStringOfTwentyRowsShowsThemAll() {
        Matrix twenty = Matrix.columnVector(IntStream.range(0, 20).asDoubleStream().toArray());
        assertThat(twenty).hasToString("20x1 [" + rows(0, 20) + "]");
    }

    private static String rows(int from, int to) {
        return String.join(", ", IntStream.range(from, to).mapToObj(i -> "[" + (double) i + "]").toList());
    }
}
