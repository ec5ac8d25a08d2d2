package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/model-format.md true: its example file, its Python output and the version it names. */
class ModelFormatDocTest {

    private static final Path DOC = Path.of("docs", "model-format.md");

    /** The example of docs/model-format.md: a 2-3-1 with hand-set weights, no hidden bias. */
    static SavedModel example() {
        Network network = Network.of(
                DenseLayer.of(Matrix.of(new double[][] {{0.5, -1.25, 2.0}, {1.5, 0.75, -0.5}}), Activation.SIGMOID),
                DenseLayer.of(Matrix.columnVector(1.0, -2.0, 0.5), Matrix.rowVector(0.25), Activation.IDENTITY));
        return SavedModel.of(network,
                ModelMetadata.of(Instant.parse("2026-11-28T12:00:00Z"), "example 2-3-1, weights set by hand"));
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
    void theDocumentedExamplePredictsWhatThePythonSnippetPrints() throws IOException {
        byte[] bytes = block("json").getBytes(StandardCharsets.US_ASCII);
        SavedModel loaded = ModelFile.read(new ByteArrayInputStream(bytes), DOC.toString());

        // Printed by the Python snippet of docs/model-format.md (json + numpy 2.4.6) on this example.
        assertThat(loaded.predict(1.0, 0.5)).containsExactly(0.8648463178328689);
        assertThat(loaded.predict(0.0, 0.0)).containsExactly(0.0);
        assertThat(loaded.predict(-2.0, 3.0)).containsExactly(-0.7601221910659843);
    }

    @Test
    void theHiddenLayerOfTheExampleMatchesAHandComputation() {
        // x = (1, 0.5): z = (0.5 + 0.75, -1.25 + 0.375, 2.0 - 0.25); output = s1 - 2 s2 + 0.5 s3 + 0.25.
        double s1 = 1 / (1 + Math.exp(-1.25));
        double s2 = 1 / (1 + Math.exp(0.875));
        double s3 = 1 / (1 + Math.exp(-1.75));

        assertThat(example().predict(1.0, 0.5)[0]).isCloseTo(s1 - 2 * s2 + 0.5 * s3 + 0.25,
                org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void libraryVersionMatchesThePom() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("<artifactId>diynn</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);

        assertThat(version.find()).isTrue();
        assertThat(ModelFile.LIBRARY_VERSION).isEqualTo(version.group(1));
    }
}
