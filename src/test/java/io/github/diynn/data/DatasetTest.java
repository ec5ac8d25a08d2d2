package io.github.diynn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Matrix;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** Five samples whose input is the row number and whose target is ten times it. */
    private static Dataset fiveRows() {
        return new Dataset(Matrix.of(5, 2, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4),
                Matrix.columnVector(0, 10, 20, 30, 40), List.of("a", "b"), List.of("y"));
    }

    private static int[] order(Dataset data) {
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) data.inputs().get(i, 0);
            assertThat(data.inputs().get(i, 1)).isEqualTo(order[i]);
            assertThat(data.targets().get(i, 0)).isEqualTo(10.0 * order[i]);
        }
        return order;
    }

    @Test
    void constructorRejectsDifferentRowCountsNamingBothShapes() {
        assertThatThrownBy(() -> new Dataset(Matrix.zeros(3, 2), Matrix.zeros(4, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x2").hasMessageContaining("4x1");
    }

    @Test
    void constructorRejectsNullParts() {
        assertThatThrownBy(() -> new Dataset(null, Matrix.zeros(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null and 4x1");
        assertThatThrownBy(() -> new Dataset(Matrix.zeros(4, 1), Matrix.zeros(4, 1), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input names are null");
    }

    @Test
    void constructorRejectsNamesThatDoNotMatchTheColumns() {
        assertThatThrownBy(() -> new Dataset(Matrix.zeros(4, 2), Matrix.zeros(4, 1), List.of("x"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 input names [x] for 2 input columns (4x2)");
    }

    @Test
    void twoArgumentConstructorHasNoNames() {
        Dataset data = new Dataset(Matrix.zeros(2, 2), Matrix.zeros(2, 1));
        assertThat(data.inputNames()).isEmpty();
        assertThat(data.targetNames()).isEmpty();
        assertThat(data.size()).isEqualTo(2);
    }

    @Test
    void selectRowsKeepsSamplesPairedAndNames() {
        Dataset data = fiveRows();
        Dataset picked = data.selectRows(4, 0, 4);
        assertThat(order(picked)).containsExactly(4, 0, 4);
        assertThat(picked.inputNames()).containsExactly("a", "b");
        assertThat(picked.targetNames()).containsExactly("y");
        assertThat(data).isEqualTo(fiveRows());
    }

    @Test
    void selectRowsRejectsAnIndexOutsideTheData() {
        assertThatThrownBy(() -> fiveRows().selectRows(5)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("row 5");
    }

    @Test
    void sliceTakesConsecutiveRowsAndRejectsBadRanges() {
        assertThat(order(fiveRows().slice(1, 3))).containsExactly(1, 2);
        assertThat(fiveRows().slice(5, 5).size()).isZero();
        assertThatThrownBy(() -> fiveRows().slice(3, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3, 2)").hasMessageContaining("5 samples");
        assertThatThrownBy(() -> fiveRows().slice(0, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 6)");
    }

    /**
     * The expected orders were computed once by a separate Python re-implementation of
     * java.util.Random (the 48-bit LCG with its nextInt(bound) rejection rule) and the same
     * Fisher-Yates loop: perm(5, 42) and perm(10, 7).
     */
    @Test
    void shuffleWithASeedGivesTheFisherYatesOrderOfJavaUtilRandom() {
        assertThat(order(fiveRows().shuffle(42))).containsExactly(1, 2, 3, 4, 0);
        assertThat(Dataset.permutation(10, new Random(7))).containsExactly(0, 1, 9, 3, 7, 4, 8, 5, 2, 6);
    }

    @Test
    void shuffleIsRepeatableAndLeavesTheOriginalUnchanged() {
        Dataset data = fiveRows();
        assertThat(data.shuffle(3)).isEqualTo(data.shuffle(3));
        assertThat(data).isEqualTo(fiveRows());
        int[] order = order(data.shuffle(3));
        assertThat(Arrays.stream(order).sorted().toArray()).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        Dataset data = fiveRows();
        long distinct = java.util.stream.LongStream.range(0, 20)
                .mapToObj(seed -> Arrays.toString(order(data.shuffle(seed)))).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    /**
     * Each of the 6 orders of 3 elements should appear 10,000 times in 60,000 draws; the binomial
     * standard deviation is about 91, so 500 is over 5 sigma. The classic bias (drawing j from all n
     * positions) gives 8,889 or 11,111 and fails.
     */
    @Test
    void permutationIsUniformOverAllOrders() {
        Random random = new Random(2024);
        Map<String, Integer> counts = new HashMap<>();
        for (int k = 0; k < 60_000; k++) {
            counts.merge(Arrays.toString(Dataset.permutation(3, random)), 1, Integer::sum);
        }
        assertThat(counts).hasSize(6);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(9_500, 10_500));
    }

    @Test
    void permutationRejectsNegativeSizeAndNullGenerator() {
        assertThatThrownBy(() -> Dataset.permutation(-1, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> fiveRows().shuffle(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void splitCutsTheShuffledSamplesInTwoDisjointParts() {
        Dataset data = fiveRows();
        DatasetSplit split = data.split(0.6, 42);
        assertThat(order(split.first())).containsExactly(1, 2, 3);
        assertThat(order(split.second())).containsExactly(4, 0);
        assertThat(split.first().inputNames()).containsExactly("a", "b");
    }

    @Test
    void splitOfOneHundredFiftyByEightyPercentGivesOneHundredTwentyAndThirty() {
        double[] values = new double[150];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Dataset data = new Dataset(Matrix.columnVector(values), Matrix.columnVector(values));
        DatasetSplit split = data.split(0.8, 1);
        assertThat(split.first().size()).isEqualTo(120);
        assertThat(split.second().size()).isEqualTo(30);
        double[] all = new double[150];
        System.arraycopy(split.first().inputs().column(0), 0, all, 0, 120);
        System.arraycopy(split.second().inputs().column(0), 0, all, 120, 30);
        Arrays.sort(all);
        assertThat(all).containsExactly(values);
        assertThat(data.split(0.8, 1)).isEqualTo(split);
    }

    @Test
    void splitRejectsFractionsOutsideTheOpenUnitInterval() {
        for (double bad : new double[] {0.0, 1.0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> fiveRows().split(bad, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void batchesCoverTheSamplesInOrderWithASmallerLastBatch() {
        List<Dataset> batches = fiveRows().batches(2);
        assertThat(batches).hasSize(3);
        assertThat(order(batches.get(0))).containsExactly(0, 1);
        assertThat(order(batches.get(1))).containsExactly(2, 3);
        assertThat(order(batches.get(2))).containsExactly(4);
        assertThat(fiveRows().batches(5)).containsExactly(fiveRows());
        assertThat(fiveRows().batches(100)).containsExactly(fiveRows());
    }

    @Test
    void batchesRejectsASizeBelowOne() {
        assertThatThrownBy(() -> fiveRows().batches(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch size must be at least 1, got 0");
    }

    @Test
    void splitRejectsNullParts() {
        assertThatThrownBy(() -> new DatasetSplit(fiveRows(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 samples and null");
    }

    @Test
    void withInputsAndWithTargetsReplaceOnePartKeepingNamesWhileTheWidthHolds() {
        Dataset data = fiveRows();
        Dataset scaled = data.withInputs(data.inputs().scale(0.5));
        assertThat(scaled.inputs().row(4)).containsExactly(2, 2);
        assertThat(scaled.targets()).isEqualTo(data.targets());
        assertThat(scaled.inputNames()).containsExactly("a", "b");
        Dataset narrow = data.withTargets(Matrix.zeros(5, 2));
        assertThat(narrow.targetNames()).isEmpty();
        assertThat(narrow.inputNames()).containsExactly("a", "b");
        assertThatThrownBy(() -> data.withInputs(Matrix.zeros(4, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4x2").hasMessageContaining("5x1");
        assertThatThrownBy(() -> data.withTargets(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5x2 and null");
    }

    @Test
    void classLabelsAreEmptyByDefaultAndKeptByRowSelectionShufflingAndNewInputs() {
        assertThat(fiveRows().classLabels()).isEmpty();
        Dataset data = new Dataset(Matrix.of(3, 1, 1, 2, 3), Matrix.of(3, 2, 1, 0, 0, 1, 1, 0), List.of("x"),
                List.of("cat", "dog"), List.of("cat", "dog"));
        assertThat(data.selectRows(2, 0).classLabels()).containsExactly("cat", "dog");
        assertThat(data.shuffle(3).classLabels()).containsExactly("cat", "dog");
        assertThat(data.slice(1, 2).classLabels()).containsExactly("cat", "dog");
        assertThat(data.withInputs(Matrix.zeros(3, 4)).classLabels()).containsExactly("cat", "dog");
        assertThat(data.withTargets(Matrix.zeros(3, 2)).classLabels()).containsExactly("cat", "dog");
        assertThat(data.withTargets(Matrix.zeros(3, 3)).classLabels()).isEmpty();
        assertThat(data.batches(2)).allSatisfy(batch -> assertThat(batch.classLabels()).containsExactly("cat", "dog"));
    }

    @Test
    void oneTargetColumnTakesTwoClassLabelsForZeroAndOne() {
        Dataset binary = new Dataset(Matrix.columnVector(1, 2), Matrix.columnVector(0, 1), List.of(), List.of("y"),
                List.of("no", "yes"));
        assertThat(binary.classLabels()).containsExactly("no", "yes");
    }

    @Test
    void constructorRejectsClassLabelsThatDoNotFitTheTargets() {
        Matrix inputs = Matrix.zeros(2, 1);
        assertThatThrownBy(() -> new Dataset(inputs, Matrix.zeros(2, 3), List.of(), List.of(), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 class labels [a, b] for 3 target columns (2x3)");
        assertThatThrownBy(() -> new Dataset(inputs, Matrix.zeros(2, 1), List.of(), List.of(), List.of("a", "b", "c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("for 1 target columns (2x1)");
        assertThatThrownBy(() -> new Dataset(inputs, Matrix.zeros(2, 2), List.of(), List.of(), List.of("a", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class label 'a' is repeated");
        assertThatThrownBy(() -> new Dataset(inputs, Matrix.zeros(2, 2), List.of(), List.of(), List.of("a", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class label 1 is null or empty");
        assertThatThrownBy(() -> new Dataset(inputs, Matrix.zeros(2, 2), List.of(), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class labels are null");
    }

    @Test
    void classLabelsAreCopiedAndUnmodifiable() {
        List<String> labels = new java.util.ArrayList<>(List.of("a", "b"));
        Dataset data = new Dataset(Matrix.zeros(2, 1), Matrix.zeros(2, 2), List.of(), List.of(), labels);
        labels.set(0, "z");
        assertThat(data.classLabels()).containsExactly("a", "b");
        assertThatThrownBy(() -> data.classLabels().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
