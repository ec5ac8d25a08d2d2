package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XOR example solves XOR, prints its four outputs and draws its pictures. */
class XorExampleTest {

    private static final PrintStream DISCARD = new PrintStream(PrintStream.nullOutputStream(), true,
            StandardCharsets.UTF_8);

    @Test
    void solvesXorWithEveryOutputOnTheRightSideOfOneHalf() {
        XorExample.Outcome outcome = XorExample.run(DISCARD, XorExample.SEED);

        // Targets 0, 1, 1, 0 for the rows (0,0), (0,1), (1,0), (1,1).
        assertThat(outcome.outputs().get(0)).isLessThan(0.5);
        assertThat(outcome.outputs().get(1)).isGreaterThan(0.5);
        assertThat(outcome.outputs().get(2)).isGreaterThan(0.5);
        assertThat(outcome.outputs().get(3)).isLessThan(0.5);
        assertThat(outcome.solved()).isTrue();
        assertThat(outcome.training().finalLoss()).isLessThan(0.05);
    }

    @Test
    void solvesXorFromEachOfTenSeeds() {
        // The example's seed is not a lucky one.
        for (long seed = 0; seed < 10; seed++) {
            assertThat(XorExample.run(DISCARD, seed).solved()).as("seed " + seed).isTrue();
        }
    }

    @Test
    void solvedIsFalseWhenAnOutputIsOnTheWrongSide() {
        XorExample.Outcome trained = XorExample.run(DISCARD, XorExample.SEED);
        XorExample.Outcome wrong = new XorExample.Outcome(trained.training(), List.of(0.1, 0.9, 0.4, 0.2));

        assertThat(wrong.solved()).isFalse();
    }

    @Test
    void printsTheSummaryAndTheFourOutputs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XorExample.Outcome outcome = XorExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                XorExample.SEED);
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).startsWith("Network: 2 inputs -> 1 output\n")
                .contains(String.format(Locale.ROOT, "0 XOR 1 = 1: network says %.4f%n", outcome.outputs().get(1)))
                .contains(String.format(Locale.ROOT, "1 XOR 1 = 0: network says %.4f%n", outcome.outputs().get(3)))
                .contains("solved: all four outputs are on the right side of 0.5");
    }

    @Test
    void sameSeedGivesTheSameOutputs() {
        assertThat(XorExample.run(DISCARD, 4)).isEqualTo(XorExample.run(DISCARD, 4));
    }

    @Test
    void drawsTheProbabilitySurfaceAndTheLoss(@TempDir Path directory) throws IOException {
        List<Path> files = XorExample.drawPictures(XorExample.run(DISCARD, XorExample.SEED), directory);

        PngFiles.assertPictures(files, directory, 12, "xor-surface", "xor-loss");
    }
}
