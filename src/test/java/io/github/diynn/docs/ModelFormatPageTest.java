package io.github.diynn.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
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
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/model-format.md's Java blocks, run. */
class ModelFormatPageTest {

    @TempDir
    Path folder;

    @Test
    void aRegressionModelSavesLoadsAndPredictsInTargetUnits() throws IOException {
        Dataset data = PageFixtures.petalLength();
        Scaler inputScaler = Scaler.fitMax(data.inputs());
        Scaler targetScaler = Scaler.fitMax(data.targets());
        Network network = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);
        TrainingResult result = Trainer.builder().learningRate(0.01).epochs(200).build()
                .train(network, inputScaler.transform(data.inputs()), targetScaler.transform(data.targets()));
        Path file = folder.resolve("model.json");
        Dataset newData = data;
        InputStream inputStream = new LazyInput(file);
        // snippet: docs/model-format.md#save-and-load
        SavedModel model = SavedModel.of(result.network(), ModelMetadata.of(Instant.now(), result.toString()))
                .withInputScaler(inputScaler)                             // optional, fitted on training inputs
                .withTargetScaler(targetScaler)                           // optional, fitted on training targets
                .withInputNames(data.inputNames())                        // optional, see "Names"
                .withTargetNames(data.targetNames());
        ModelFile.save(model, file);                                      // file: a Path; atomic, see below

        SavedModel again = ModelFile.load(file);                          // strict, see below
        SavedModel fromStream = ModelFile.read(inputStream, "https://example.org/model.json");
        double[] petalLength = again.predict(5.1, 3.5);                   // raw inputs in, target units out
        Matrix checked = again.predict(newData);                          // refused if newData's columns differ
        // end snippet
        inputStream.close();

        assertThat(again).isEqualTo(model);
        assertThat(fromStream).isEqualTo(model);
        double expected = targetScaler.inverseTransform(Matrix.rowVector(
                result.network().predict(inputScaler.transform(Matrix.rowVector(5.1, 3.5)).row(0)))).get(0, 0);
        assertThat(petalLength).containsExactly(expected);
        assertThat(checked.rows()).isEqualTo(150);
    }

    @Test
    void aClassifierAnswersWithItsLabels() throws IOException {
        Dataset data = PageFixtures.species();
        DatasetSplit split = data.stratifiedSplit(0.8, 3);
        Scaler inputScaler = Scaler.fitZScore(split.first().inputs());
        Dataset train = split.first().withInputs(inputScaler.transform(split.first().inputs()));
        Dataset test = split.second();                                 // raw: the model scales its inputs
        Network network = Network.builder(4).dense(8, Activation.TANH).dense(3, Activation.SOFTMAX).build(42);
        TrainingResult result = Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam())
                .learningRate(0.01).epochs(200).batchSize(16).seed(42).build().train(network, train);
        Path file = folder.resolve("classifier.json");
        // snippet: docs/model-format.md#classifier
        SavedModel classifier = SavedModel.of(result.network(), ModelMetadata.of(Instant.now(), result.toString()))
                .withInputScaler(inputScaler)
                .withInputNames(train.inputNames())                  // [sepal_length, sepal_width, ...]
                .withClassLabels(List.of("setosa", "versicolor", "virginica"));
        ModelFile.save(classifier, file);
        SavedModel loaded = ModelFile.load(file);                    // in another program
        String species = loaded.predictLabel(5.1, 3.5, 1.4, 0.2);  // "setosa"
        List<String> all = loaded.predictLabels(test.inputs());
        Matrix scores = loaded.predict(test);                       // checks test.inputNames() first
        // end snippet

        assertThat(species).isEqualTo("setosa");
        assertThat(all).hasSize(30).containsOnly("setosa", "versicolor", "virginica");
        assertThat(ClassificationMetrics.accuracy(scores, test.targets())).isGreaterThanOrEqualTo(0.9);
        assertThat(all.get(0)).isEqualTo(List.of("setosa", "versicolor", "virginica")
                .get(ClassificationMetrics.classes(scores)[0]));
    }

    @Test
    void theModuleDeclarationCompilesAndOpensTheModelsPackageToDiynnOnly() throws IOException, URISyntaxException {
        String moduleInfo = """
                // snippet: docs/model-format.md#module-info
                module app {
                    requires io.github.diynn;
                    opens models to io.github.diynn;   // only for a model in src/main/resources/models/
                }
                // end snippet
                """;
        Path sources = Files.createDirectories(folder.resolve("src/models"));
        Files.writeString(folder.resolve("src/module-info.java"), moduleInfo, StandardCharsets.UTF_8);
        Files.writeString(sources.resolve("Marker.java"), "package models;\n\npublic class Marker {\n}\n",
                StandardCharsets.UTF_8);
        Path library = Path.of(ModelFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path classes = folder.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

        int exit = javac.run(null, null, null, "--module-path", library.toString(), "-d", classes.toString(),
                "-Xlint:none", folder.resolve("src/module-info.java").toString(), sources.resolve("Marker.java").toString());

        assertThat(exit).as("javac exit code").isZero();
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("app");
        assertThat(descriptor.opens()).singleElement().satisfies(opens -> {
            assertThat(opens.source()).isEqualTo("models");
            assertThat(opens.targets()).isEqualTo(Set.of("io.github.diynn"));
        });
    }

    @Test
    void theNetworkForPythonIsSavedWhereThePageSays() throws IOException {
        // snippet: docs/model-format.md#for-python
        Network net = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY)
                .withoutBiases().build(42);
        Path file = folder.resolve("net.json");
        ModelFile.save(SavedModel.of(net, ModelMetadata.of(Instant.now(), "2-3-1")), file);
        // end snippet

        SavedModel loaded = ModelFile.load(file);
        // The numbers the page says Python's ten lines and Java print (ModelFormatDocTest checks Python's).
        assertThat(loaded.predict(0.646, 0.795)).containsExactly(-1.440537158503089);
        assertThat(loaded.predict(0.620, 0.682)).containsExactly(-1.4407797098579096);
        assertThat(loaded.predict(0.886, 0.727)).containsExactly(-1.556144270445364);
    }

    /** A stream that opens the file at its first read, so the snippet can read a file it has just saved. */
    private static final class LazyInput extends InputStream {
        private final Path file;
        private InputStream in;

        LazyInput(Path file) {
            this.file = file;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                in = Files.newInputStream(file);
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in().read(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
