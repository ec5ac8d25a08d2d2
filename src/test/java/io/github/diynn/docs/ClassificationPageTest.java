package io.github.diynn.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.data.Scaler;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import io.github.diynn.metrics.BinaryMetrics;
import io.github.diynn.metrics.ClassificationMetrics;
import io.github.diynn.metrics.ConfusionMatrix;
import io.github.diynn.train.Optimizer;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/classification.md's Java blocks, run on the bundled Iris file. */
class ClassificationPageTest {

    @TempDir
    Path folder;

    @Test
    void threeSpeciesWithSoftmaxAndCrossEntropyPrintTheConfusionMatrixThePageShows() throws IOException {
        Path csv = PageFixtures.irisFile(folder);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // snippet: docs/classification.md#multi-class
            Dataset data = CsvLoader.builder()
                    .inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
                    .oneHotTarget("species")                  // one 0/1 column per label, in sorted order
                    .build()
                    .load(csv);
            DatasetSplit split = data.stratifiedSplit(0.8, 7);
            Scaler scaler = Scaler.fitZScore(split.first().inputs());
            Dataset training = split.first().withInputs(scaler.transform(split.first().inputs()));
            Dataset test = split.second().withInputs(scaler.transform(split.second().inputs()));
            Network network = Network.builder(4)
                    .dense(8, Activation.TANH)
                    .dense(3, Activation.SOFTMAX)             // one probability per class, summing to 1
                    .build(42);
            TrainingResult result = Trainer.builder()
                    .loss(Loss.CROSS_ENTROPY)
                    .optimizer(Optimizer.adam())
                    .learningRate(0.01)
                    .epochs(200)
                    .batchSize(16)
                    .seed(42)
                    .build()
                    .train(network, training);
            Matrix probabilities = result.network().predict(test.inputs());
            System.out.println(ConfusionMatrix.of(probabilities, test.targets(), test.classLabels()));
            // end snippet

            assertThat(test.classLabels()).containsExactly("Iris-setosa", "Iris-versicolor", "Iris-virginica");
            assertThat(ClassificationMetrics.accuracy(probabilities, test.targets())).isGreaterThanOrEqualTo(0.9);
            for (int i = 0; i < probabilities.rows(); i++) {
                double sum = 0;
                for (double p : probabilities.row(i)) {
                    sum += p;
                }
                assertThat(sum).as("row %d", i).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
            }
        } finally {
            System.setOut(console);
        }
        Snippets.assertShown("docs/classification.md#multi-class", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void twoSpeciesWithASigmoidAndBinaryCrossEntropyKeepTheirLabelsInTheModel() throws IOException {
        List<String> lines = Files.readAllLines(PageFixtures.irisFile(folder));
        Path twoSpecies = folder.resolve("versicolor-virginica.csv");
        Files.writeString(twoSpecies, lines.get(0) + "\n" + lines.stream().skip(1)
                .filter(line -> !line.isBlank() && !line.contains("setosa")).collect(Collectors.joining("\n")) + "\n");
        // snippet: docs/classification.md#binary
        Dataset data = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
                .binaryTarget("species")                  // exactly two labels: the first in sorted order is 0
                .build()
                .load(twoSpecies);
        DatasetSplit split = data.stratifiedSplit(0.8, 7);
        Scaler scaler = Scaler.fitZScore(split.first().inputs());
        Dataset training = split.first().withInputs(scaler.transform(split.first().inputs()));
        Dataset test = split.second().withInputs(scaler.transform(split.second().inputs()));
        Network network = Network.builder(4)
                .dense(8, Activation.TANH)
                .dense(1, Activation.SIGMOID)             // the probability of label 1
                .build(42);
        TrainingResult result = Trainer.builder()
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(Optimizer.adam())
                .learningRate(0.01)
                .epochs(200)
                .batchSize(16)
                .seed(42)
                .build()
                .train(network, training);
        Matrix probabilities = result.network().predict(test.inputs());
        double accuracy = BinaryMetrics.accuracy(probabilities, test.targets());      // label 1 at p >= 0.5
        double auc = BinaryMetrics.rocAuc(probabilities, test.targets());
        SavedModel model = SavedModel.of(result.network(), ModelMetadata.of(Instant.now(), result.toString()))
                .withInputScaler(scaler)
                .withNamesOf(training);                   // the input names and the two class labels
        String label = model.predictLabel(6.3, 3.3, 6.0, 2.5);    // raw centimetres in: "Iris-virginica"
        // end snippet

        assertThat(training.classLabels()).containsExactly("Iris-versicolor", "Iris-virginica");
        assertThat(accuracy).isGreaterThanOrEqualTo(0.85);
        assertThat(auc).isGreaterThan(accuracy - 0.1).isLessThanOrEqualTo(1.0);
        assertThat(model.classLabels()).containsExactly("Iris-versicolor", "Iris-virginica");
        assertThat(label).isEqualTo("Iris-virginica"); // the file's first virginica flower
    }
}
