package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.data.Scaler;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import io.github.diynn.metrics.ClassificationMetrics;
import io.github.diynn.train.Optimizer;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/getting-started.md, run: each Java block of the page is a step below, between markers, and
 * {@link #thePageShowsExactlyTheStepsThisTestRuns()} fails if the page and this file differ.
 */
class GettingStartedTest {

    private static final Path PAGE = Path.of("docs/getting-started.md");
    private static final Path SOURCE = Path.of("src/test/java/io/github/diynn/examples/GettingStartedTest.java");

    @TempDir
    Path folder;

    @Test
    void theStepsTrainSaveLoadAndPredictByLabel() throws IOException {
        Path csv = folder.resolve("iris.csv");
        try (var in = GettingStartedTest.class.getResourceAsStream("/iris.csv")) {
            Files.copy(in, csv);
        }
        Path file = folder.resolve("iris-model.json");
        // --- step ---
        // snippet: docs/getting-started.md#load
        Dataset data = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
                .oneHotTarget("species")
                .build()
                .load(csv);
        // end snippet
        // --- step ---
        // snippet: docs/getting-started.md#split-and-scale
        DatasetSplit split = data.stratifiedSplit(0.8, 7);
        Scaler scaler = Scaler.fitZScore(split.first().inputs());
        Dataset training = split.first().withInputs(scaler.transform(split.first().inputs()));
        Dataset test = split.second().withInputs(scaler.transform(split.second().inputs()));
        // end snippet
        // --- step ---
        // snippet: docs/getting-started.md#train
        Network network = Network.builder(4)
                .dense(8, Activation.TANH)
                .dense(3, Activation.SOFTMAX)
                .build(42);
        TrainingResult result = Trainer.builder()
                .loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.adam())
                .learningRate(0.01)
                .epochs(300)
                .batchSize(16)
                .seed(42)
                .build()
                .train(network, training);
        // end snippet
        // --- step ---
        // snippet: docs/getting-started.md#evaluate
        double accuracy = ClassificationMetrics.accuracy(result.network().predict(test.inputs()), test.targets());
        // end snippet
        // --- step ---
        // snippet: docs/getting-started.md#save
        SavedModel model = SavedModel.of(result.network(), ModelMetadata.of(Instant.now(), result.toString()))
                .withInputScaler(scaler)
                .withNamesOf(training);
        ModelFile.save(model, file);
        // end snippet
        // --- step ---
        // snippet: docs/getting-started.md#load-and-predict
        SavedModel loaded = ModelFile.load(file);
        loaded.requireInputColumns(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"));
        String species = loaded.predictLabel(5.1, 3.5, 1.4, 0.2);
        // end snippet
        // --- end ---

        assertThat(accuracy).isGreaterThanOrEqualTo(0.9);
        assertThat(loaded).isEqualTo(model);
        assertThat(loaded.classLabels()).containsExactly("Iris-setosa", "Iris-versicolor", "Iris-virginica");
        assertThat(species).isEqualTo("Iris-setosa"); // the first flower of the file
    }

    @Test
    void thePageShowsExactlyTheStepsThisTestRuns() throws IOException {
        assertThat(blocks(Files.readString(PAGE, StandardCharsets.UTF_8)))
                .containsExactlyElementsOf(steps(Files.readString(SOURCE, StandardCharsets.UTF_8)));
    }

    /** The page's Java blocks, each as its lines with leading blanks removed. */
    private static List<String> blocks(String page) {
        List<String> out = new ArrayList<>();
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(page);
        while (block.find()) {
            out.add(normalised(block.group(1)));
        }
        return out;
    }

    /** The code between the step markers of {@link #theStepsTrainSaveLoadAndPredictByLabel()}. */
    private static List<String> steps(String source) {
        String body = source.substring(source.indexOf("// --- step ---"), source.indexOf("// --- end ---"));
        List<String> out = new ArrayList<>();
        for (String step : body.split("// --- step ---")) {
            if (!step.isBlank()) {
                out.add(normalised(step));
            }
        }
        return out;
    }

    private static String normalised(String code) {
        StringBuilder out = new StringBuilder();
        for (String line : code.split("\\n")) {
            if (!line.isBlank() && !line.strip().startsWith("// snippet: ") && !line.strip().equals("// end snippet")) {
                out.append(line.strip()).append('\n');
            }
        }
        return out.toString();
    }
}
