package io.github.diynn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Matrix;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link Dataset#stratifiedSplit(double, long)}; kept apart from DatasetTest, which another change edits. */
class DatasetStratifiedSplitTest {

    /** Rows 0..n-1 as inputs (so a sample can be traced) and the given single 0/1 or one-hot targets. */
    private static Dataset numbered(Matrix targets) {
        double[] ids = new double[targets.rows()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return new Dataset(Matrix.columnVector(ids), targets);
    }

    /** Counts the samples of each class in a part, reading classes independently of the code under test. */
    private static int[] classCounts(Dataset part, int classes) {
        int[] counts = new int[classes];
        for (int i = 0; i < part.size(); i++) {
            if (part.targets().columns() == 1) {
                counts[(int) part.targets().get(i, 0)]++;
            } else {
                for (int j = 0; j < classes; j++) {
                    if (part.targets().get(i, j) == 1.0) {
                        counts[j]++;
                    }
                }
            }
        }
        return counts;
    }

    private static void assertEveryShareWithinOneSample(Dataset whole, DatasetSplit split, int classes) {
        int[] total = classCounts(whole, classes);
        for (Dataset part : new Dataset[] {split.first(), split.second()}) {
            int[] counts = classCounts(part, classes);
            for (int c = 0; c < classes; c++) {
                double expected = total[c] * (double) part.size() / whole.size();
                assertThat(Math.abs(counts[c] - expected)).as("class %d in a part of %d", c, part.size())
                        .isLessThan(1.0);
            }
        }
    }

    private static double[] sortedIds(Dataset... parts) {
        return Arrays.stream(parts).flatMapToDouble(p -> Arrays.stream(p.inputs().toRowMajorArray())).sorted()
                .toArray();
    }

    @Test
    void everyClassKeepsItsShareInBothPartsOfASkewedBinarySet() {
        // 7 ones in 23 rows, in a block, so a plain shuffle often misses the share.
        double[] labels = new double[23];
        Arrays.fill(labels, 16, 23, 1.0);
        Dataset data = numbered(Matrix.columnVector(labels));
        for (long seed = 0; seed < 20; seed++) {
            DatasetSplit split = data.stratifiedSplit(0.7, seed);
            assertThat(split.first().size()).isEqualTo(16);
            assertEveryShareWithinOneSample(data, split, 2);
            assertThat(sortedIds(split.first(), split.second())).isEqualTo(sortedIds(data));
        }
    }

    @Test
    void everyClassKeepsItsShareInBothPartsOfOneHotTargets() {
        // Three classes of 5, 9 and 2 samples.
        int[] sizes = {5, 9, 2};
        double[][] rows = new double[16][3];
        int row = 0;
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < sizes[c]; k++) {
                rows[row++][c] = 1.0;
            }
        }
        Dataset data = numbered(Matrix.of(rows));
        for (long seed = 0; seed < 20; seed++) {
            DatasetSplit split = data.stratifiedSplit(0.75, seed);
            assertThat(split.first().size()).isEqualTo(12);
            assertEveryShareWithinOneSample(data, split, 3);
            assertThat(sortedIds(split.first(), split.second())).isEqualTo(sortedIds(data));
        }
    }

    @Test
    void theIrisSpeciesSplitEightyTwentyIsFortyAndTenOfEach() throws IOException {
        Dataset iris = CsvLoader.builder().inputs("sepal_length").oneHotTarget("species").build()
                .loadResource(DatasetStratifiedSplitTest.class, "/iris.csv");
        DatasetSplit split = iris.stratifiedSplit(0.8, 7);
        assertThat(classCounts(split.first(), 3)).containsExactly(40, 40, 40);
        assertThat(classCounts(split.second(), 3)).containsExactly(10, 10, 10);
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        double[] labels = new double[30];
        Arrays.fill(labels, 10, 30, 1.0);
        Dataset data = numbered(Matrix.columnVector(labels));
        assertThat(data.stratifiedSplit(0.5, 4)).isEqualTo(data.stratifiedSplit(0.5, 4));
        assertThat(data.stratifiedSplit(0.5, 4)).isNotEqualTo(data.stratifiedSplit(0.5, 5));
    }

    @Test
    void refusesTargetsThatAreNotClassesNamingTheRowColumnAndValue() {
        Dataset regression = numbered(Matrix.columnVector(0.0, 1.0, 0.5));
        assertThatThrownBy(() -> regression.stratifiedSplit(0.5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target row 2, column 0 is 0.5").hasMessageContaining("3x1");
        Dataset twoHot = numbered(Matrix.of(new double[][] {{1, 0}, {1, 1}}));
        assertThatThrownBy(() -> twoHot.stratifiedSplit(0.5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target row 1, column 1 is 1.0");
        Dataset noHot = numbered(Matrix.of(new double[][] {{1, 0}, {0, 0}}));
        assertThatThrownBy(() -> noHot.stratifiedSplit(0.5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target row 1 of the 2x2 targets has no 1");
        assertThatThrownBy(() -> noHot.stratifiedSplit(1.0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly between 0 and 1, got 1.0");
    }
}
