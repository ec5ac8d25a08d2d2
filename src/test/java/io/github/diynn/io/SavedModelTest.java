package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SavedModelTest {

    @Test
    void ofRefusesNulls() {
        ModelMetadata metadata = ModelMetadata.of(TestModels.CREATED, "");
        Network network = TestModels.small().network();

        assertThatThrownBy(() -> SavedModel.of(null, metadata)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a network and metadata");
        assertThatThrownBy(() -> SavedModel.of(network, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void predictIsTheNetworksPrediction() {
        SavedModel model = TestModels.small();
        Matrix inputs = Matrix.of(new double[][] {{0.5, -1.0}, {2.0, 3.0}});

        assertThat(model.predict(inputs)).isEqualTo(model.network().predict(inputs));
        assertThat(model.predict(0.5, -1.0)).containsExactly(model.network().predict(0.5, -1.0));
    }

    @Test
    void predictRefusesMissingOrMisshapenInputs() {
        SavedModel model = TestModels.scaled();

        assertThatThrownBy(() -> model.predict((double[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features are null");
        assertThatThrownBy(() -> model.predict(1.0, 2.0, 3.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the model takes 2 inputs, got 3");
        assertThatThrownBy(() -> model.predict((Matrix) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputs are null");
        assertThatThrownBy(() -> model.predict(Matrix.of(1, 3, 1.0, 2.0, 3.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x3");
    }

    @Test
    void withScalersLeavesTheOriginalUnchanged() {
        SavedModel plain = TestModels.small();
        Scaler scaler = Scaler.fitMax(Matrix.of(new double[][] {{1.0, 2.0}}));

        SavedModel scaled = plain.withInputScaler(scaler);

        assertThat(plain.inputScaler()).isEmpty();
        assertThat(scaled.inputScaler()).contains(scaler);
        assertThat(scaled.targetScaler()).isEmpty();
        assertThat(scaled.network()).isSameAs(plain.network());
        assertThat(scaled.metadata()).isSameAs(plain.metadata());
    }

    @Test
    void equalityIsExactOnNetworkAndMetadata() {
        SavedModel model = TestModels.small();
        double[] parameters = model.network().parameters();
        parameters[0] = Math.nextUp(parameters[0]);

        assertThat(model).isEqualTo(TestModels.small()).hasSameHashCodeAs(TestModels.small())
                .isNotEqualTo(SavedModel.of(model.network().withParameters(parameters), model.metadata()))
                .isNotEqualTo(SavedModel.of(model.network(), ModelMetadata.of(TestModels.CREATED, "other")));
    }

    /** Three identity outputs of two inputs: (x, y) gives (x, y, y - x), so the winner is easy to read off. */
    private static SavedModel threeClasses() {
        Network network = Network.of(DenseLayer.of(Matrix.of(new double[][] {{1.0, 0.0, -1.0}, {0.0, 1.0, 1.0}}),
                Activation.IDENTITY));
        return SavedModel.of(network, ModelMetadata.of(TestModels.CREATED, "three classes"))
                .withClassLabels(List.of("setosa", "versicolor", "virginica"));
    }

    /** One sigmoid output of one input, no bias: p = sigmoid(x), so p >= 0.5 exactly when x >= 0. */
    private static SavedModel yesNo() {
        Network network = Network.of(DenseLayer.of(Matrix.of(1, 1, 1.0), Activation.SIGMOID));
        return SavedModel.of(network, ModelMetadata.of(TestModels.CREATED, "yes or no"))
                .withClassLabels(List.of("no", "yes"));
    }

    private static final List<String> SEPALS = List.of("sepal_length", "sepal_width");

    @Test
    void namesAreEmptyUntilGivenAndWithersLeaveTheOriginalUnchanged() {
        SavedModel plain = TestModels.small();

        SavedModel named = plain.withInputNames(SEPALS).withTargetNames(List.of("petal_length"));

        assertThat(plain.inputNames()).isEmpty();
        assertThat(plain.targetNames()).isEmpty();
        assertThat(plain.classLabels()).isEmpty();
        assertThat(named.inputNames()).containsExactly("sepal_length", "sepal_width");
        assertThat(named.targetNames()).containsExactly("petal_length");
        assertThat(named.withInputNames(List.of()).inputNames()).isEmpty();
        assertThat(named.withInputScaler(Scaler.fitMax(Matrix.of(1, 2, 1.0, 2.0))).inputNames()).isEqualTo(SEPALS);
    }

    @Test
    void nameListsAreImmutableCopies() {
        List<String> names = new ArrayList<>(SEPALS);
        SavedModel named = TestModels.small().withInputNames(names);

        names.set(0, "changed");

        assertThat(named.inputNames()).containsExactly("sepal_length", "sepal_width");
        assertThatThrownBy(() -> named.inputNames().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withNamesRefusesACountThatDoesNotFitTheNetworkNamingBoth() {
        SavedModel model = TestModels.small();

        assertThatThrownBy(() -> model.withInputNames(List.of("a", "b", "c"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 input names [a, b, c] for a network with 2 inputs");
        assertThatThrownBy(() -> model.withTargetNames(List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 target names [a, b] for a network with 1 outputs");
    }

    @Test
    void withNamesRefusesNullEmptyLongAndRepeatedNames() {
        SavedModel model = TestModels.small();

        assertThatThrownBy(() -> model.withInputNames(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input names are null");
        assertThatThrownBy(() -> model.withInputNames(Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input names 1 is null");
        assertThatThrownBy(() -> model.withInputNames(List.of("", "b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input names 0 is empty");
        assertThatThrownBy(() -> model.withInputNames(List.of("a", "x".repeat(SavedModel.MAX_NAME_LENGTH + 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input names 1 is 257 characters");
        assertThatThrownBy(() -> model.withInputNames(List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input names 0 and 1 are both \"a\"");
    }

    @Test
    void classLabelsFitTheOutputs() {
        SavedModel threeOutputs = threeClasses().withClassLabels(List.of());
        Network oneIdentity = TestModels.small().network();

        assertThatThrownBy(() -> threeOutputs.withClassLabels(List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 class labels [a, b] for a network with 3 outputs");
        assertThatThrownBy(() -> yesNo().withClassLabels(List.of("maybe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 class labels [maybe] for one SIGMOID output; one output takes 2 labels");
        assertThatThrownBy(() -> SavedModel.of(oneIdentity, TestModels.small().metadata())
                .withClassLabels(List.of("no", "yes"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("for one IDENTITY output").hasMessageContaining("a SIGMOID output layer");
    }

    @Test
    void classLabelsAndATargetScalerExcludeEachOther() {
        Scaler scaler = Scaler.fitMax(Matrix.of(1, 3, 1.0, 2.0, 3.0));

        assertThatThrownBy(() -> threeClasses().withTargetScaler(scaler)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no target scaler");
        assertThatThrownBy(() -> threeClasses().withClassLabels(List.of()).withTargetScaler(scaler)
                .withClassLabels(List.of("a", "b", "c"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("for a model with a target scaler");
    }

    @Test
    void predictLabelIsTheLabelOfTheLargestOutputAndTheFirstOnATie() {
        SavedModel model = threeClasses();

        assertThat(model.predictLabel(2.0, 1.0)).isEqualTo("setosa");        // outputs (2, 1, -1)
        assertThat(model.predictLabel(1.0, 2.0)).isEqualTo("versicolor");    // (1, 2, 1)
        assertThat(model.predictLabel(-1.0, 0.5)).isEqualTo("virginica");    // (-1, 0.5, 1.5)
        assertThat(model.predictLabel(0.0, 3.0)).isEqualTo("versicolor");    // (0, 3, 3): a tie, the first wins
        assertThat(model.predictLabels(Matrix.of(new double[][] {{2.0, 1.0}, {-1.0, 0.5}})))
                .containsExactly("setosa", "virginica");
    }

    @Test
    void predictLabelOfOneSigmoidOutputIsLabel1FromOneHalfOn() {
        SavedModel model = yesNo();

        assertThat(model.predict(0.0)).containsExactly(0.5);
        assertThat(model.predictLabel(0.0)).isEqualTo("yes");
        assertThat(model.predictLabel(-1e-9)).isEqualTo("no");
        assertThat(model.predictLabel(3.0)).isEqualTo("yes");
        assertThat(model.predictLabels(Matrix.columnVector(-2.0, 0.0, 2.0))).containsExactly("no", "yes", "yes");
    }

    @Test
    void predictLabelWithoutClassLabelsIsRefused() {
        SavedModel model = TestModels.small();

        assertThatThrownBy(() -> model.predictLabel(1.0, 2.0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the model has no class labels to predict");
        assertThatThrownBy(() -> model.predictLabels(Matrix.of(1, 2, 1.0, 2.0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("withClassLabels");
    }

    @Test
    void requireInputColumnsAcceptsTheModelsColumnsInOrder() {
        SavedModel model = TestModels.small().withInputNames(SEPALS);

        assertThatCode(() -> model.requireInputColumns(List.of("sepal_length", "sepal_width")))
                .doesNotThrowAnyException();
    }

    @Test
    void requireInputColumnsNamesTheFirstMismatchAndTheMissingAndExtraColumns() {
        SavedModel model = TestModels.small().withInputNames(SEPALS);

        assertThatThrownBy(() -> model.requireInputColumns(List.of("sepal_length", "petal_width")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the data set's columns [sepal_length, petal_width] do not match the model's inputs"
                        + " [sepal_length, sepal_width]: column 1 is \"petal_width\" where the model expects"
                        + " \"sepal_width\"; missing [sepal_width], extra [petal_width]");
        assertThatThrownBy(() -> model.requireInputColumns(List.of("sepal_width", "sepal_length")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 0 is \"sepal_width\" where the model expects \"sepal_length\"")
                .hasMessageContaining("the same columns in another order");
        assertThatThrownBy(() -> model.requireInputColumns(List.of("sepal_length")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the data set ends after 1 columns where the model expects \"sepal_width\"")
                .hasMessageContaining("missing [sepal_width], extra []");
        assertThatThrownBy(() -> model.requireInputColumns(List.of("sepal_length", "sepal_width", "id")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 2 \"id\" is one more than the model takes")
                .hasMessageContaining("missing [], extra [id]");
    }

    @Test
    void requireInputColumnsNeedsAModelWithInputNames() {
        assertThatThrownBy(() -> TestModels.small().requireInputColumns(SEPALS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the model has no input names to check the columns [sepal_length, sepal_width]");
        assertThatThrownBy(() -> TestModels.small().requireInputColumns(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("column names are null");
    }

    @Test
    void predictOfADatasetChecksItsColumnsThenPredictsItsInputs() {
        SavedModel model = TestModels.scaled().withInputNames(SEPALS);
        Matrix inputs = Matrix.of(new double[][] {{5.1, 3.5}, {6.0, 2.2}});
        Matrix targets = Matrix.columnVector(1.4, 4.0);

        assertThat(model.predict(new Dataset(inputs, targets, SEPALS, List.of("petal_length"))))
                .isEqualTo(model.predict(inputs));
        assertThatThrownBy(() -> model.predict(new Dataset(inputs, targets, List.of("a", "b"), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing [sepal_length, sepal_width]");
        assertThatThrownBy(() -> model.predict(new Dataset(inputs, targets)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the data set ends after 0 columns");
        assertThatThrownBy(() -> model.predict((Dataset) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data set is null");
    }

    @Test
    void equalityIncludesTheNames() {
        SavedModel model = TestModels.small().withInputNames(SEPALS);

        assertThat(model).isEqualTo(TestModels.small().withInputNames(SEPALS))
                .hasSameHashCodeAs(TestModels.small().withInputNames(SEPALS))
                .isNotEqualTo(TestModels.small())
                .isNotEqualTo(TestModels.small().withInputNames(List.of("sepal_width", "sepal_length")))
                .isNotEqualTo(model.withTargetNames(List.of("petal_length")));
        assertThat(threeClasses()).isNotEqualTo(threeClasses().withClassLabels(List.of("a", "b", "c")));
    }

    @Test
    void toStringNamesLayersParametersScalersVersionAndTime() {
        assertThat(TestModels.small()).hasToString(
                "SavedModel[2 layers, 13 parameters, no input scaler, no target scaler, diynn " + ModelFile.LIBRARY_VERSION + ", created 2026-11-28T12:00:00Z]");
    }

    @Test
    void oneLoadedModelServesManyThreadsWithIdenticalResults() throws Exception {
        SavedModel model = SavedModel.of(Network.builder(4).dense(8, io.github.diynn.core.Activation.TANH)
                .dense(3, io.github.diynn.core.Activation.SIGMOID).build(5), ModelMetadata.of(TestModels.CREATED, "threads"));
        Matrix inputs = Matrix.of(50, 4, new SplittableRandom(6).doubles(200, -3.0, 3.0).toArray());
        Matrix expected = model.predict(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Matrix>> results = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                results.add(pool.submit(() -> model.predict(inputs)));
            }
            for (Future<Matrix> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withNamesOfTakesTheInputNamesAndTheClassLabelsOrTargetNamesOfADataset() throws IOException {
        Dataset species = io.github.diynn.data.CsvLoader.builder()
                .inputs("sepal_length", "sepal_width", "petal_length", "petal_width").oneHotTarget("species").build()
                .loadResource(SavedModelTest.class, "/iris.csv");
        Network classifier = Network.builder(4).dense(3, Activation.SOFTMAX).build(1);
        SavedModel named = SavedModel.of(classifier, TestModels.small().metadata()).withNamesOf(species);
        assertThat(named.inputNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(named.classLabels()).containsExactly("Iris-setosa", "Iris-versicolor", "Iris-virginica");
        assertThat(named.targetNames()).isEmpty();
        assertThat(named.predictLabel(5.1, 3.5, 1.4, 0.2)).isIn(named.classLabels());

        Dataset petal = io.github.diynn.data.CsvLoader.builder().inputs("sepal_length", "sepal_width")
                .targets("petal_length").build().loadResource(SavedModelTest.class, "/iris.csv");
        Network regression = Network.builder(2).dense(1, Activation.IDENTITY).build(1);
        SavedModel fitted = SavedModel.of(regression, TestModels.small().metadata()).withNamesOf(petal);
        assertThat(fitted.targetNames()).containsExactly("petal_length");
        assertThat(fitted.classLabels()).isEmpty();
        assertThatThrownBy(() -> SavedModel.of(classifier, TestModels.small().metadata()).withNamesOf(petal))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input names");
        assertThatThrownBy(() -> named.withNamesOf(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
