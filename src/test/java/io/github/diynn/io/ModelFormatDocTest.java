package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/model-format.md true: its example file, its predictions, its Python output and the version. */
class ModelFormatDocTest {

    private static final Path DOC = Path.of("docs", "model-format.md");

    /** The example of docs/model-format.md: a 2-3-1 with hand-set weights, no hidden bias, scalers and names. */
    static SavedModel example() {
        Network network = Network.of(
                DenseLayer.of(Matrix.of(new double[][] {{0.5, -1.25, 2.0}, {1.5, 0.75, -0.5}}), Activation.SIGMOID),
                DenseLayer.of(Matrix.columnVector(1.0, -2.0, 0.5), Matrix.rowVector(0.25), Activation.IDENTITY));
        return SavedModel.of(network,
                        ModelMetadata.of(Instant.parse("2026-11-28T12:00:00Z"), "example 2-3-1, weights set by hand"))
                .withInputScaler(Scaler.of(Scaler.Kind.MIN_MAX, new double[] {4.3, 2.0}, new double[] {3.6, 2.4}))
                .withTargetScaler(Scaler.of(Scaler.Kind.MAX, new double[] {0.0}, new double[] {6.9}))
                .withInputNames(List.of("sepal_length", "sepal_width"))
                .withTargetNames(List.of("petal_length"));
    }

    private static String block(String language) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(matcher.find()).as("a ```%s block in %s", language, DOC).isTrue();
        return matcher.group(1);
    }

    @Test
    void theDocumentedExampleIsExactlyWhatTheWriterProduces() throws IOException {
        assertThat(block("json")).isEqualTo(new String(ModelFile.toBytes(example()), StandardCharsets.US_ASCII));
    }

    @Test
    void theDocumentedExamplePredictsTheDocumentedNumbers() throws IOException {
        byte[] bytes = block("json").getBytes(StandardCharsets.US_ASCII);
        SavedModel loaded = ModelFile.read(new ByteArrayInputStream(bytes), DOC.toString());

        assertThat(loaded.predict(5.1, 3.5)).containsExactly(1.1162841411083575);
        assertThat(loaded.predict(4.3, 2.0)).containsExactly(0.0);
        assertThat(loaded.predict(7.9, 3.2)).containsExactly(5.967439593046797);
    }

    @Test
    void javaAgreesWithThePythonSnippetsOutputToTwoUlps() {
        // Printed by the Python snippet of docs/model-format.md (json + numpy 2.4.6, `a @ W`) on the example.
        double[] python = {1.1162841411083575, 0.0, 5.967439593046795};
        double[][] rows = {{5.1, 3.5}, {4.3, 2.0}, {7.9, 3.2}};
        for (int i = 0; i < rows.length; i++) {
            double java = example().predict(rows[i])[0];
            assertThat(Math.abs(java - python[i])).as("row %d", i).isLessThanOrEqualTo(2 * Math.ulp(python[i]));
        }
    }

    @Test
    void theMinimalPythonSnippetIsAboutTenLinesAndItsNumbersAreJavasToOneUlp() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher snippets = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL).matcher(doc);
        String minimal = null;
        while (minimal == null && snippets.find()) {
            minimal = snippets.group(1).contains("\"net.json\"") ? snippets.group(1) : null;
        }
        assertThat(minimal).as("a ```python block reading net.json in %s", DOC).isNotNull();
        assertThat(minimal.lines().filter(line -> !line.isBlank()).count()).isBetween(8L, 11L);
        // Printed by that snippet (python 3.11.7, numpy 2.4.6) on the file the documented Java lines save.
        String printed = "[[-1.440537158503089], [-1.4407797098579096], [-1.5561442704453643]]";
        double[] python = {-1.440537158503089, -1.4407797098579096, -1.5561442704453643};
        double[] java = {-1.440537158503089, -1.4407797098579096, -1.556144270445364};
        assertThat(doc).contains("It prints `" + printed + "`").contains("`" + java[2] + "` for the third");
        Network net = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY)
                .withoutBiases().build(42);
        byte[] saved = ModelFile.toBytes(SavedModel.of(net, ModelMetadata.of(Instant.EPOCH, "2-3-1")));
        SavedModel loaded = ModelFile.read(new ByteArrayInputStream(saved), "net.json");

        double[][] rows = {{0.646, 0.795}, {0.620, 0.682}, {0.886, 0.727}};
        for (int i = 0; i < rows.length; i++) {
            double prediction = loaded.predict(rows[i])[0];
            assertThat(prediction).as("row %d", i).isEqualTo(java[i]);
            assertThat(Math.abs(prediction - python[i])).as("row %d", i).isLessThanOrEqualTo(Math.ulp(python[i]));
        }
    }

    @Test
    void theExampleMatchesAHandComputation() {
        // Raw (5.1, 3.5) scales to ((5.1 - 4.3) / 3.6, (3.5 - 2.0) / 2.4); z = x W1; y = (s1 - 2 s2 + 0.5 s3 + 0.25) * 6.9.
        double x1 = (5.1 - 4.3) / 3.6;
        double x2 = (3.5 - 2.0) / 2.4;
        double s1 = 1 / (1 + Math.exp(-(0.5 * x1 + 1.5 * x2)));
        double s2 = 1 / (1 + Math.exp(-(-1.25 * x1 + 0.75 * x2)));
        double s3 = 1 / (1 + Math.exp(-(2.0 * x1 - 0.5 * x2)));

        assertThat(example().predict(5.1, 3.5)[0]).isCloseTo((s1 - 2 * s2 + 0.5 * s3 + 0.25) * 6.9,
                org.assertj.core.api.Assertions.within(1e-14));
    }

    @Test
    void libraryVersionMatchesThePom() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("<artifactId>diynn</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);

        assertThat(version.find()).isTrue();
        assertThat(ModelFile.LIBRARY_VERSION).isEqualTo(version.group(1));
    }
}
