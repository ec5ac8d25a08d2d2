package io.github.diynn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Matrix;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The bundled UCI copy of Iris, {@code src/test/resources/iris.csv}, as the loader reads it. */
class IrisTest {

    private static final CsvLoader SPECIES = CsvLoader.builder()
            .inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
            .oneHotTarget("species")
            .build();

    private static Dataset iris() throws IOException {
        return SPECIES.loadResource(IrisTest.class, "/iris.csv");
    }

    @Test
    void hasOneHundredFiftyRowsOfFourMeasurements() throws IOException {
        Dataset iris = iris();
        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.inputs().columns()).isEqualTo(4);
        assertThat(iris.inputNames()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width");
        assertThat(iris.inputs().row(0)).containsExactly(5.1, 3.5, 1.4, 0.2);
        assertThat(iris.inputs().row(149)).containsExactly(5.9, 3.0, 5.1, 1.8);
    }

    @Test
    void columnMaximaAreThoseOfTheUciFile() throws IOException {
        assertThat(iris().inputs().columnMax()).isEqualTo(Matrix.rowVector(7.9, 4.4, 6.9, 2.5));
    }

    @Test
    void hasThreeSpeciesOfFiftyInFileOrder() throws IOException {
        Dataset iris = iris();
        assertThat(iris.targetNames()).containsExactly("Iris-setosa", "Iris-versicolor", "Iris-virginica");
        assertThat(iris.classLabels()).containsExactly("Iris-setosa", "Iris-versicolor", "Iris-virginica");
        assertThat(iris.targets().columnSums()).isEqualTo(Matrix.rowVector(50, 50, 50));
        assertThat(iris.targets().row(0)).containsExactly(1, 0, 0);
        assertThat(iris.targets().row(50)).containsExactly(0, 1, 0);
        assertThat(iris.targets().row(100)).containsExactly(0, 0, 1);
    }

    @Test
    void sortedClassesAreTheFileOrderSoTheOneHotTargetsMatchAFixedClassOrder() throws IOException {
        Dataset fixed = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
                .oneHotTarget("species").classes("Iris-setosa", "Iris-versicolor", "Iris-virginica")
                .build().loadResource(IrisTest.class, "/iris.csv");
        assertThat(iris()).isEqualTo(fixed);
    }

    /** UCI's two known differences from Fisher (1936), kept on purpose: see docs/data.md. */
    @Test
    void keepsTheUciCopysKnownErrorsInSamples35And38() throws IOException {
        Dataset iris = iris();
        assertThat(iris.inputs().row(34)).containsExactly(4.9, 3.1, 1.5, 0.1);
        assertThat(iris.inputs().row(37)).containsExactly(4.9, 3.1, 1.5, 0.1);
    }

    /**
     * The tutorial's two printed costs for w = [0.2, 0.6], b = -0.3, predicting petal length from the
     * sepal measurements: 313.0096 for the linear model and 829.4187739184515 for a sigmoid neuron.
     * The copy with Fisher's values for samples 35 and 38 gives 313.5056 instead.
     */
    @Test
    void reproducesTheTutorialsPrintedCosts() throws IOException {
        Dataset data = CsvLoader.builder().inputs("sepal_length", "sepal_width").targets("petal_length").build()
                .loadResource(IrisTest.class, "/iris.csv");
        double linear = 0.0;
        double sigmoid = 0.0;
        for (int i = 0; i < data.size(); i++) {
            double z = -0.3 + 0.2 * data.inputs().get(i, 0) + 0.6 * data.inputs().get(i, 1);
            double y = data.targets().get(i, 0);
            linear += 0.5 * (y - z) * (y - z);
            double s = 1.0 / (1.0 + Math.exp(-z));
            sigmoid += 0.5 * (y - s) * (y - s);
        }
        assertThat(linear).isCloseTo(313.0096, within(1e-9));
        assertThat(sigmoid).isCloseTo(829.4187739184515, within(1e-9));
    }
}
