package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/gradient-check.md true: its example is a test, its sample report a real one. */
class GradientCheckDocumentationTest {

    private static final Path DOC = Path.of("docs", "gradient-check.md");
    private static final Path EXAMPLE =
            Path.of("src", "test", "java", "io", "github", "diynn", "examples", "GradientCheckExampleTest.java");

    /** The documented bug: tanh'(z) written as (1 - y)^2 instead of 1 - y^2. */
    static GradientCheckResult sampleFailure() {
        GradientSource buggy = new GradientSource() {
            @Override
            public double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
                return ReferenceBackprop.withTanhPrimeAsOneMinusYSquared().gradient(network, loss, inputs, targets);
            }

            @Override
            public String toString() {
                return "a hand-written gradient with tanh' = (1 - y)^2";
            }
        };
        Network network = Network.builder(2).dense(3, Activation.TANH).dense(1, Activation.IDENTITY).withoutBiases()
                .build(42);
        Matrix inputs = Matrix.of(new double[][] {{0.646, 0.795}, {0.620, 0.682}, {0.886, 0.727}});
        Matrix targets = Matrix.columnVector(0.203, 0.203, 0.681);
        return GradientCheck.of(buggy).check(network, Loss.SUM_SQUARED_ERROR, inputs, targets);
    }

    private static String block(String doc, String opening) {
        int start = doc.indexOf(opening);
        assertThat(start).as("%s has a block opening with %s", DOC, opening).isNotNegative();
        int from = doc.indexOf('\n', start) + 1;
        return doc.substring(from, doc.indexOf("```", from));
    }

    @Test
    void theDocumentedExampleIsTheExampleTestWordForWord() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);

        assertThat(block(doc, "```java")).isEqualTo(example);
    }

    @Test
    void theDocumentedFailureReportIsWhatTheCheckPrints() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        assertThat(block(doc, "```text")).isEqualTo(sampleFailure().report() + "\n");
    }
}
