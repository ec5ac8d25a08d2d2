package io.github.diynn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final List<String> LABELS = List.of("setosa", "versicolor", "virginica");

    private static ConfusionMatrix sample() {
        return ConfusionMatrix.of(new int[] {0, 0, 1, 1, 1, 2, 2}, new int[] {0, 0, 1, 2, 1, 2, 1}, LABELS);
    }

    @Test
    void countsActualClassesAgainstPredictedOnes() {
        ConfusionMatrix matrix = sample();

        assertThat(matrix.counts()).isEqualTo(new int[][] {{2, 0, 0}, {0, 2, 1}, {0, 1, 1}});
        assertThat(matrix.count(1, 2)).isEqualTo(1);
        assertThat(matrix.total()).isEqualTo(7);
        assertThat(matrix.correct()).isEqualTo(5);
        assertThat(matrix.accuracy()).isEqualTo(5 / 7.0);
    }

    @Test
    void printsALabelledTableWithTheAccuracy() {
        assertThat(sample().toString()).isEqualTo(String.join("\n",
                "actual \\ predicted  setosa  versicolor  virginica",
                "setosa                   2           0          0",
                "versicolor               0           2          1",
                "virginica                0           1          1",
                "accuracy 0.7143 (5 of 7)"));
    }

    @Test
    void readsClassesFromOutputsAndOneHotTargets() {
        Matrix targets = Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 1}});
        Matrix outputs = Matrix.of(new double[][] {{0.9, 0.1}, {0.6, 0.4}, {0.2, 0.8}});

        ConfusionMatrix matrix = ConfusionMatrix.of(outputs, targets, List.of("no", "yes"));

        assertThat(matrix.counts()).isEqualTo(new int[][] {{1, 0}, {1, 1}});
    }

    @Test
    void isAnImmutableValueWithExactEquality() {
        int[] actual = {0, 1};
        int[] predicted = {0, 1};
        ConfusionMatrix matrix = ConfusionMatrix.of(actual, predicted, List.of("a", "b"));
        actual[1] = 0;
        matrix.counts()[0][0] = 99;

        assertThat(matrix.counts()).isEqualTo(new int[][] {{1, 0}, {0, 1}});
        assertThat(matrix).isEqualTo(ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 1}, List.of("a", "b")))
                .hasSameHashCodeAs(ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 1}, List.of("a", "b")))
                .isNotEqualTo(ConfusionMatrix.of(new int[] {0, 1}, new int[] {1, 1}, List.of("a", "b")));
    }

    @Test
    void rejectsClassesOutsideTheLabelsNamingTheSample() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, LABELS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actual class of sample 1 is 3, outside [0, 3)");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0}, new int[] {0, 1}, LABELS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 actual classes but 2 predicted");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0}, new int[] {0}, List.of("only")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 class labels");
    }

    @Test
    void outputsNeedOneLabelPerColumnOrTwoForASingleColumn() {
        Matrix oneHot = Matrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}});
        Matrix single = Matrix.columnVector(0.2, 0.9);

        assertThatThrownBy(() -> ConfusionMatrix.of(oneHot, oneHot, List.of("a", "b", "c", "d")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 labels [a, b, c, d] for 3 classes (3 columns)");
        assertThatThrownBy(() -> ConfusionMatrix.of(single, single, List.of("a", "b", "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 labels [a, b, c] for 2 classes (1 column)");
        assertThat(ConfusionMatrix.of(single, single, List.of("no", "yes")).correct()).isEqualTo(2);
    }

    @Test
    void accuracyOfNoSamplesIsUndefined() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[0], new int[0], LABELS).accuracy())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
    }
}
