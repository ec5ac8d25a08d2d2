package io.github.diynn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Matrix;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScalerTest {

    /** Three rows: a positive column, a signed column, a constant column. */
    private static Matrix fixture() {
        return Matrix.of(3, 3,
                1, -4, 5,
                3, 2, 5,
                2, 8, 5);
    }

    private static final List<Function<Matrix, Scaler>> FITS =
            List.of(Scaler::fitMax, Scaler::fitMinMax, Scaler::fitZScore);

    @Test
    void maxScalingDividesByTheLargestAbsoluteValueAndKeepsZeroOffsets() {
        Scaler scaler = Scaler.fitMax(fixture());
        assertThat(scaler.kind()).isEqualTo(Scaler.Kind.MAX);
        assertThat(scaler.offsets()).containsExactly(0, 0, 0);
        assertThat(scaler.scales()).containsExactly(3, 8, 5);
        assertThat(scaler.transform(fixture()).row(0)).containsExactly(1 / 3.0, -0.5, 1.0);
        assertThat(fixture()).isEqualTo(fixture());
    }

    @Test
    void maxScalingOfIrisIsBitIdenticalToTheTutorialsDivisionByTheColumnMax() throws IOException {
        Matrix iris = CsvLoader.builder().oneHotTarget("species").build().loadResource(ScalerTest.class, "/iris.csv")
                .inputs();
        Scaler scaler = Scaler.fitMax(iris);
        assertThat(scaler.scales()).containsExactly(7.9, 4.4, 6.9, 2.5);
        assertThat(scaler.transform(iris)).isEqualTo(iris.divideRows(iris.columnMax()));
        assertThat(scaler.inverseTransform(scaler.transform(iris)).isCloseTo(iris, 1e-14)).isTrue();
    }

    @Test
    void inverseMapsScaledPredictionsBackToOriginalUnits() {
        Scaler scaler = Scaler.fitMax(Matrix.columnVector(1.0, 6.9, 3.0));
        assertThat(scaler.inverseTransform(Matrix.columnVector(0.5, 1.0)).column(0))
                .containsExactly(3.45, 6.9);
    }

    @Test
    void minMaxMapsTheTrainingRangeOntoZeroToOne() {
        Scaler scaler = Scaler.fitMinMax(fixture());
        assertThat(scaler.kind()).isEqualTo(Scaler.Kind.MIN_MAX);
        assertThat(scaler.offsets()).containsExactly(1, -4, 5);
        assertThat(scaler.scales()).containsExactly(2, 12, 1);
        assertThat(scaler.transform(fixture())).isEqualTo(Matrix.of(3, 3, 0, 0, 0, 1, 0.5, 0, 0.5, 1, 0));
    }

    @Test
    void zScoreUsesTheMeanAndThePopulationDeviation() {
        Scaler scaler = Scaler.fitZScore(fixture());
        assertThat(scaler.kind()).isEqualTo(Scaler.Kind.Z_SCORE);
        assertThat(scaler.offsets()).containsExactly(2, 2, 5);
        // column 0: deviations -1, 1, 0 give variance 2/3; column 1: -6, 0, 6 give 24
        assertThat(scaler.scales()[0]).isCloseTo(Math.sqrt(2.0 / 3.0), within(1e-15));
        assertThat(scaler.scales()[1]).isCloseTo(2 * Math.sqrt(6), within(1e-15));
        assertThat(scaler.scales()[2]).isEqualTo(1.0);
        double[] first = scaler.transform(fixture()).row(0);
        assertThat(first[0]).isCloseTo(-Math.sqrt(1.5), within(1e-15));
        assertThat(first[1]).isCloseTo(-Math.sqrt(6) / 2, within(1e-15));
        assertThat(first[2]).isEqualTo(0.0);
    }

    @Test
    void zScoredTrainingColumnsHaveMeanZeroAndDeviationOne() throws IOException {
        Matrix iris = CsvLoader.builder().oneHotTarget("species").build().loadResource(ScalerTest.class, "/iris.csv")
                .inputs();
        Matrix scaled = Scaler.fitZScore(iris).transform(iris);
        for (int j = 0; j < 4; j++) {
            double[] column = scaled.column(j);
            double mean = 0;
            double squares = 0;
            for (double v : column) {
                mean += v / column.length;
                squares += v * v / column.length;
            }
            assertThat(mean).isCloseTo(0.0, within(1e-14));
            assertThat(squares).isCloseTo(1.0, within(1e-14));
        }
    }

    @Test
    void constantColumnsMapToZeroNeverNaN() {
        Matrix zeros = Matrix.of(2, 2, 0, 7, 0, 7);
        assertThat(Scaler.fitMax(zeros).scales()).containsExactly(1, 7);
        assertThat(Scaler.fitMax(zeros).transform(zeros)).isEqualTo(Matrix.of(2, 2, 0, 1, 0, 1));
        assertThat(Scaler.fitMinMax(zeros).transform(zeros)).isEqualTo(Matrix.zeros(2, 2));
        assertThat(Scaler.fitZScore(zeros).transform(zeros)).isEqualTo(Matrix.zeros(2, 2));
        assertThat(Scaler.fitZScore(Matrix.of(1, 1, 3)).transform(Matrix.of(1, 1, 4))).isEqualTo(Matrix.of(1, 1, 1));
    }

    @Test
    void fittedOnTrainingRowsOnlySoOtherRowsMayLeaveTheRange() {
        Scaler scaler = Scaler.fitMinMax(Matrix.columnVector(0, 10));
        assertThat(scaler.transform(Matrix.columnVector(20, -5)).column(0)).containsExactly(2.0, -0.5);
    }

    @Test
    void everyKindInvertsItsTransform() {
        Matrix other = Matrix.of(2, 3, 0.3, 100, -7, 1e-3, -2, 5);
        for (Function<Matrix, Scaler> fit : FITS) {
            Scaler scaler = fit.apply(fixture());
            assertThat(scaler.inverseTransform(scaler.transform(other)).isCloseTo(other, 1e-12)).as(scaler.kind().id()).isTrue();
        }
    }

    @Test
    void parametersRebuildAnEqualScaler() {
        for (Function<Matrix, Scaler> fit : FITS) {
            Scaler scaler = fit.apply(fixture());
            Scaler rebuilt = Scaler.of(scaler.kind(), scaler.offsets(), scaler.scales());
            assertThat(rebuilt).isEqualTo(scaler).hasSameHashCodeAs(scaler).hasSameClassAs(scaler);
            assertThat(rebuilt.transform(fixture())).isEqualTo(scaler.transform(fixture()));
            assertThat(rebuilt.columns()).isEqualTo(3);
        }
    }

    @Test
    void equalityDependsOnKindAndEveryBit() {
        Scaler minMax = Scaler.of(Scaler.Kind.MIN_MAX, new double[] {1}, new double[] {2});
        assertThat(minMax).isNotEqualTo(Scaler.of(Scaler.Kind.Z_SCORE, new double[] {1}, new double[] {2}));
        assertThat(minMax).isNotEqualTo(Scaler.of(Scaler.Kind.MIN_MAX, new double[] {1}, new double[] {Math.nextUp(2.0)}));
        assertThat(minMax.toString()).isEqualTo("min-max scaler[offsets=[1.0], scales=[2.0]]");
    }

    @Test
    void parameterArraysAreCopies() {
        double[] offsets = {1};
        double[] scales = {2};
        Scaler scaler = Scaler.of(Scaler.Kind.MIN_MAX, offsets, scales);
        offsets[0] = 9;
        scaler.scales()[0] = 9;
        assertThat(scaler.offsets()).containsExactly(1);
        assertThat(scaler.scales()).containsExactly(2);
    }

    @Test
    void ofRejectsBadParametersNamingTheColumn() {
        assertThatThrownBy(() -> Scaler.Kind.ofId("log"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown scaler kind 'log'");
        assertThatThrownBy(() -> Scaler.of(null, new double[1], new double[] {1})).hasMessageContaining("kind is null");
        assertThatThrownBy(() -> Scaler.of(Scaler.Kind.MAX, null, new double[] {1})).hasMessageContaining("null");
        assertThatThrownBy(() -> Scaler.of(Scaler.Kind.MAX, new double[2], new double[] {1}))
                .hasMessageContaining("2 offsets but 1 scales");
        assertThatThrownBy(() -> Scaler.of(Scaler.Kind.Z_SCORE, new double[] {0, Double.NaN}, new double[] {1, 1}))
                .hasMessageContaining("offset of column 1 is NaN");
        for (double bad : new double[] {0.0, -1.0, Double.POSITIVE_INFINITY, Double.NaN}) {
            assertThatThrownBy(() -> Scaler.of(Scaler.Kind.MIN_MAX, new double[] {0, 0}, new double[] {1, bad}))
                    .hasMessageContaining("scale of column 1 is " + bad);
        }
        assertThatThrownBy(() -> Scaler.of(Scaler.Kind.MAX, new double[] {0, 3}, new double[] {1, 1}))
                .hasMessageContaining("offset of column 1 is 3.0; max scaling has no offsets");
    }

    @Test
    void fitRejectsNoRowsNullAndOverflow() {
        for (Function<Matrix, Scaler> fit : FITS) {
            assertThatThrownBy(() -> fit.apply(Matrix.zeros(0, 2))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no rows (0x2)");
            assertThatThrownBy(() -> fit.apply(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("null rows");
        }
        Matrix wide = Matrix.of(2, 2, 0, -1e308, 0, 1e308);
        assertThatThrownBy(() -> Scaler.fitMinMax(wide)).hasMessageContaining("column 1 overflows");
        assertThatThrownBy(() -> Scaler.fitZScore(wide)).hasMessageContaining("column 1 overflows");
    }

    @Test
    void transformRejectsOtherWidthsAndOverflow() {
        Scaler scaler = Scaler.fitMinMax(fixture());
        assertThatThrownBy(() -> scaler.transform(Matrix.zeros(2, 2)))
                .hasMessageContaining("2x2 rows with a min-max scaler fitted on 3 columns");
        assertThatThrownBy(() -> scaler.inverseTransform(null)).hasMessageContaining("null rows");
        Scaler tiny = Scaler.fitMinMax(Matrix.columnVector(0, 1e-300));
        assertThatThrownBy(() -> tiny.transform(Matrix.columnVector(0, 1e300)))
                .hasMessageContaining("overflows at row 1, column 0: value 1.0E300");
        assertThatThrownBy(() -> Scaler.fitMax(Matrix.columnVector(4)).inverseTransform(Matrix.columnVector(Double.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inverse transform overflows");
        Scaler big = Scaler.fitMinMax(Matrix.columnVector(-Double.MAX_VALUE / 2, Double.MAX_VALUE / 2));
        assertThat(big.inverseTransform(Matrix.columnVector(1)).get(0, 0)).isEqualTo(Double.MAX_VALUE / 2);
    }

    @Test
    void eachFactoryNamesItsKind() {
        assertThat(Scaler.fitMax(fixture()).kind()).isEqualTo(Scaler.Kind.MAX);
        assertThat(Scaler.fitMinMax(fixture()).kind()).isEqualTo(Scaler.Kind.MIN_MAX);
        assertThat(Scaler.fitZScore(fixture()).kind()).isEqualTo(Scaler.Kind.Z_SCORE);
    }

    @Test
    void scalersOfDifferentKindsWithEqualParametersAreNotEqual() {
        Scaler max = Scaler.of(Scaler.Kind.MAX, new double[] {0}, new double[] {2});
        Scaler minMax = Scaler.of(Scaler.Kind.MIN_MAX, new double[] {0}, new double[] {2});
        assertThat(max).isNotEqualTo(minMax);
        assertThat(max.transform(Matrix.columnVector(4))).isEqualTo(minMax.transform(Matrix.columnVector(4)));
    }

    @Test
    void kindsAreAClosedSetWithStableIds() {
        assertThat(Scaler.Kind.values()).containsExactly(Scaler.Kind.MAX, Scaler.Kind.MIN_MAX, Scaler.Kind.Z_SCORE);
        for (Scaler.Kind kind : Scaler.Kind.values()) {
            assertThat(Scaler.Kind.ofId(kind.id())).isSameAs(kind);
            assertThat(kind).hasToString(kind.id());
        }
        assertThat(Scaler.Kind.MIN_MAX.id()).isEqualTo("min-max");
        assertThatThrownBy(() -> Scaler.Kind.ofId(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind is null");
        assertThatThrownBy(() -> Scaler.Kind.ofId("MIN_MAX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'MIN_MAX'");
    }
}
