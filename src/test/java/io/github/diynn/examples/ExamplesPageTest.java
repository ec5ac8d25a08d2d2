package io.github.diynn.examples;

import io.github.diynn.docs.Snippets;
import io.github.diynn.train.ProgressReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The outputs docs/examples.md and docs/training.md show for the example commands are what the
 * examples print with the seeds their {@code main} uses (only timings and the ETA may differ).
 */
class ExamplesPageTest {

    /** An example's run, printing to {@code out}. */
    private interface Example {
        void run(PrintStream out) throws IOException;
    }

    private static String printed(Example example) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theIrisSpeciesOutputWithoutTheProgressBarsLinesIsWhatTheExamplePrints() throws IOException {
        String text = printed(out -> IrisSpeciesExample.run(out, ProgressReporter.lines(out), IrisSpeciesExample.SEED));
        String withoutBar = text.lines().filter(line -> !line.startsWith("[")).collect(Collectors.joining("\n", "", "\n"));

        Snippets.assertOutputShown("docs/examples.md", "IrisSpeciesExample", withoutBar);
    }

    @Test
    void theIrisSpeciesOutputThroughAPipeIsWhatTheExamplePrintsWithProgressLines() throws IOException {
        String text = printed(out -> IrisSpeciesExample.run(out, ProgressReporter.lines(out), IrisSpeciesExample.SEED));

        Snippets.assertOutputShown("docs/training.md", "IrisSpeciesExample", text);
    }

    @Test
    void theTwoMoonsOutputIsWhatTheExamplePrints() throws IOException {
        Snippets.assertOutputShown("docs/examples.md", "TwoMoonsExample",
                printed(out -> TwoMoonsExample.run(out, TwoMoonsExample.SEED)));
    }

    @Test
    void theXorOutputIsWhatTheExamplePrints() throws IOException {
        Snippets.assertOutputShown("docs/examples.md", "XorExample", printed(out -> XorExample.run(out, XorExample.SEED)));
    }

    @Test
    void theSineFitOutputIsWhatTheExamplePrints() throws IOException {
        Snippets.assertOutputShown("docs/examples.md", "SineFitExample",
                printed(out -> SineFitExample.run(out, SineFitExample.SEED)));
    }
}
