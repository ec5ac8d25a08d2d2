package io.github.diynn.examples;

import io.github.diynn.docs.Snippets;
import io.github.diynn.train.ProgressReporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The outputs docs/examples.md and docs/training.md show for the example commands are what the
 * examples print with the seeds their {@code main} uses (only timings and the ETA may differ).
 */
class ExamplesPageTest {

    private static String printed(Consumer<PrintStream> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            example.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theIrisSpeciesOutputWithoutTheProgressBarsLinesIsWhatTheExamplePrints() {
        String text = printed(out -> IrisSpeciesExample.run(out, ProgressReporter.lines(out), IrisSpeciesExample.SEED));
        String withoutBar = text.lines().filter(line -> !line.startsWith("[")).collect(Collectors.joining("\n", "", "\n"));

        Snippets.assertOutputShown("docs/examples.md", "IrisSpeciesExample", withoutBar);
    }

    @Test
    void theIrisSpeciesOutputThroughAPipeIsWhatTheExamplePrintsWithProgressLines() {
        String text = printed(out -> IrisSpeciesExample.run(out, ProgressReporter.lines(out), IrisSpeciesExample.SEED));

        Snippets.assertOutputShown("docs/training.md", "IrisSpeciesExample", text);
    }

    @Test
    void theTwoMoonsOutputIsWhatTheExamplePrints() {
        Snippets.assertOutputShown("docs/examples.md", "TwoMoonsExample",
                printed(out -> TwoMoonsExample.run(out, TwoMoonsExample.SEED)));
    }

    @Test
    void theXorOutputIsWhatTheExamplePrints() {
        Snippets.assertOutputShown("docs/examples.md", "XorExample", printed(out -> XorExample.run(out, XorExample.SEED)));
    }

    @Test
    void theSineFitOutputIsWhatTheExamplePrints() {
        Snippets.assertOutputShown("docs/examples.md", "SineFitExample",
                printed(out -> SineFitExample.run(out, SineFitExample.SEED)));
    }
}
