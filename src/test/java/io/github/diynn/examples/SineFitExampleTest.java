package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sine-fit example fits sin x closely, and its picture's unit contributions add up to the fit. */
class SineFitExampleTest {

    private static final PrintStream DISCARD = new PrintStream(PrintStream.nullOutputStream(), true,
            StandardCharsets.UTF_8);

    @Test
    void fitsTheSineWithAnRmseBelowOneHundredth() {
        SineFitExample.Outcome outcome = SineFitExample.run(DISCARD, SineFitExample.SEED);

        assertThat(outcome.rmse()).isLessThan(0.01);
        // Checked against sin itself at points between the training points too.
        Network network = outcome.training().network();
        for (double x = -3.0; x <= 3.0; x += 0.37) {
            assertThat(network.predict(x)[0]).as("x = " + x).isCloseTo(Math.sin(x), within(0.03));
        }
    }

    @Test
    void theUnitsContributionsPlusTheOutputBiasAreTheNetworksOutput() {
        Network network = SineFitExample.run(DISCARD, SineFitExample.SEED).training().network();
        double[] xs = {-2.5, -0.3, 0.0, 1.1, 2.9};
        double[] sum = new double[xs.length];
        for (int unit = 0; unit < 4; unit++) {
            double[] part = SineFitExample.contribution(network, unit, xs);
            for (int i = 0; i < xs.length; i++) {
                sum[i] += part[i];
            }
        }
        double bias = network.layers().get(1).bias().get(0, 0);
        double[] output = network.predict(Matrix.columnVector(xs)).column(0);

        for (int i = 0; i < xs.length; i++) {
            assertThat(sum[i] + bias).isCloseTo(output[i], within(1e-12));
        }
    }

    @Test
    void contributionIsTheHandComputedBentStep() {
        // One hidden unit with w = 2, b = -1 and output weight v = 0.5: 0.5 tanh(2x - 1).
        Network network = Network.of(
                DenseLayer.of(Matrix.rowVector(2.0), Matrix.rowVector(-1.0),
                        Activation.TANH),
                DenseLayer.of(Matrix.columnVector(0.5), Matrix.rowVector(0.0),
                        Activation.IDENTITY));

        assertThat(SineFitExample.contribution(network, 0, new double[] {0.5, 0.0}))
                .containsExactly(0.0, 0.5 * Math.tanh(-1.0));
    }

    @Test
    void printsTheErrorAndEachUnit() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SineFitExample.Outcome outcome = SineFitExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                SineFitExample.SEED);
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).contains(String.format(Locale.ROOT, "root mean squared error: %.4f%n", outcome.rmse()))
                .contains("  unit 0: ").contains("  unit 3: ").contains("  output bias: ");
    }

    @Test
    void drawsTheFitAndTheUnits(@TempDir Path directory) throws IOException {
        List<Path> files = SineFitExample.drawPictures(SineFitExample.run(DISCARD, SineFitExample.SEED), directory);

        PngFiles.assertPictures(files, directory, 6, "sine-fit");
    }
}
