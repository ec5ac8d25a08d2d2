package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two-moons example separates the moons, prints its results and draws its pictures. */
class TwoMoonsExampleTest {

    private static final PrintStream DISCARD = new PrintStream(PrintStream.nullOutputStream(), true,
            StandardCharsets.UTF_8);

    @Test
    void classifiesAtLeast95PercentOfTheTestPointsAndTrainingPoints() {
        TwoMoonsExample.Outcome outcome = TwoMoonsExample.run(DISCARD, TwoMoonsExample.SEED);

        assertThat(outcome.confusion().total()).isEqualTo(40);
        assertThat(outcome.confusion().accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(outcome.trainingAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(outcome.training().finalLoss()).isLessThan(outcome.training().initialLoss());
    }

    @Test
    void meanTestAccuracyOverFiveSeedsIsAtLeast95Percent() {
        double total = 0;
        for (long seed = 0; seed < 5; seed++) {
            total += TwoMoonsExample.run(DISCARD, seed).confusion().accuracy();
        }

        assertThat(total / 5).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void noiselessMoonsLieOnTheirHalfCirclesAndClassesAlternate() {
        Dataset moons = TwoMoonsExample.moons(50, 0.0, 11);

        assertThat(moons.size()).isEqualTo(100);
        for (int i = 0; i < moons.size(); i++) {
            double x = moons.inputs().get(i, 0);
            double y = moons.inputs().get(i, 1);
            if (i % 2 == 0) {
                // upper: the unit circle's upper half
                assertThat(moons.targets().get(i, 0)).isEqualTo(0.0);
                assertThat(x * x + y * y).isCloseTo(1.0, within(1e-12));
                assertThat(y).isGreaterThanOrEqualTo(0.0);
            } else {
                // lower: the unit circle around (1, 0.5), lower half
                assertThat(moons.targets().get(i, 0)).isEqualTo(1.0);
                assertThat((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)).isCloseTo(1.0, within(1e-12));
                assertThat(y).isLessThanOrEqualTo(0.5);
            }
        }
    }

    @Test
    void moonsAreSeeded() {
        assertThat(TwoMoonsExample.moons(20, 0.1, 5)).isEqualTo(TwoMoonsExample.moons(20, 0.1, 5));
        assertThat(TwoMoonsExample.moons(20, 0.1, 6).inputs()).isNotEqualTo(TwoMoonsExample.moons(20, 0.1, 5).inputs());
    }

    @Test
    void printsAccuraciesAndTheConfusionMatrix() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TwoMoonsExample.Outcome outcome = TwoMoonsExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                TwoMoonsExample.SEED);
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).contains("two moons: 200 points (noise 0.15), 160 training and 40 test")
                .contains("training accuracy: ").contains("test accuracy: ")
                .contains("actual \\ predicted  upper  lower")
                .contains(outcome.confusion().toString());
    }

    @Test
    void drawsTheDecisionBoundaryAndTheLoss(@TempDir Path directory) throws IOException {
        List<Path> files = TwoMoonsExample.drawPictures(TwoMoonsExample.run(DISCARD, TwoMoonsExample.SEED),
                directory);

        PngFiles.assertPictures(files, directory, 12, "moons-boundary", "moons-loss");
    }
}
