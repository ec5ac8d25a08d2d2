package io.github.diynn.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.diynn.core.Matrix;
import io.github.diynn.io.SavedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/onnx.md true: its Java serving snippet is the code between the markers below and runs
 * here; its Python snippet is {@code src/test/python/serve_onnx.py}, which {@code .ci/onnx-check}
 * runs where Python's onnxruntime is installed; its PyTorch export call is the fixture script's.
 */
class OnnxDocTest {

    private static final Path DOC = Path.of("docs", "onnx.md");

    private static String doc() throws IOException {
        return Files.readString(DOC, StandardCharsets.UTF_8);
    }

    /** The fenced block of the language that follows the HTML comment {@code <!-- marker -->}. */
    private static String block(String marker) throws IOException {
        Matcher matcher = Pattern.compile("<!-- " + marker + " -->\n```[a-z]*\n(.*?)```", Pattern.DOTALL)
                .matcher(doc());
        assertThat(matcher.find()).as("block %s in %s", marker, DOC).isTrue();
        return matcher.group(1);
    }

    /** The lines of this file between {@code // snippet: docs/onnx.md#marker} and {@code // end snippet}, unindented. */
    private static String region(String marker) throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/github/diynn/onnx/OnnxDocTest.java"));
        Matcher matcher = Pattern.compile("\n( *)// snippet: docs/onnx.md#" + marker + "\n(.*?)\n *// end snippet", Pattern.DOTALL)
                .matcher(source);
        assertThat(matcher.find()).isTrue();
        return matcher.group(2).replaceAll("(?m)^" + matcher.group(1), "") + "\n";
    }

    @Test
    void theJavaServingSnippetIsTheCodeThisTestRuns() throws IOException {
        assertThat(block("java-serving")).isEqualTo(region("java-serving"));
    }

    @Test
    void theJavaServingSnippetReturnsDiynnsProbabilities(@TempDir Path folder) throws IOException, OrtException {
        SavedModel model = OnnxCheckCorpus.servingExample();
        Path modelPath = folder.resolve("model.onnx");
        OnnxExport.save(model, modelPath, OnnxPrecision.FLOAT);
        float[] probabilities;
        // snippet: docs/onnx.md#java-serving
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(modelPath.toString());
                OnnxTensor input = OnnxTensor.createTensor(environment, new float[][] {{5.1f, 3.5f, 1.4f, 0.2f, 1.0f}});
                OrtSession.Result result = session.run(Map.of("input", input))) {
            float[][] output = (float[][]) result.get("output").orElseThrow().getValue();
            probabilities = output[0]; // one row per sample, in the order of diynn.class_labels
        }
        // end snippet
        double[] expected = model.predict(Matrix.rowVector(5.1f, 3.5f, 1.4f, 0.2f, 1.0f)).row(0);
        assertThat(probabilities).hasSize(3);
        for (int j = 0; j < 3; j++) {
            assertThat((double) probabilities[j]).isCloseTo(expected[j], org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void thePythonServingSnippetIsTheFileTheCiStepRuns() throws IOException {
        assertThat(block("python-serving"))
                .isEqualTo(Files.readString(Path.of("src/test/python/serve_onnx.py"), StandardCharsets.UTF_8));
    }

    @Test
    void thePyTorchExportCallIsTheOneThatMadeTheFixtures() throws IOException {
        String script = Files.readString(Path.of("src/test/python/make_onnx_fixtures.py"), StandardCharsets.UTF_8);
        String call = block("pytorch-export").lines().filter(line -> line.contains("dynamic_axes")
                || line.contains("input_names")).map(String::strip).reduce("", (a, b) -> a + b);
        assertThat(call).isNotEmpty();
        assertThat(script.lines().map(String::strip).reduce("", (a, b) -> a + b)).contains(call);
    }
}
