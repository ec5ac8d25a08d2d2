package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.docs.Snippets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tutorial example reproduces the tutorial's printed numbers and is reproducible. */
class TutorialExampleTest {

    private static String withoutTimings(String text) {
        return text.replaceAll("(?m)^  time: .*$", "").replaceAll(" *[0-9.]+ ms", " (time) ms");
    }

    private static String print(TutorialExample.Figures[] figures) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            figures[0] = TutorialExample.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reproducesTheTutorialsPrintedCostsAndConvergesAsItDid() throws IOException {
        TutorialExample.Figures[] figures = new TutorialExample.Figures[1];
        String text = print(figures);

        // The tutorial prints 313.0096 and 829.4187739184515 for w = [0.2, 0.6], b = -0.3.
        assertThat(figures[0].linearCost()).isCloseTo(313.0096, within(1e-9));
        assertThat(figures[0].neuronCost()).isCloseTo(829.4187739184515, within(1e-10));
        assertThat(text).contains("313.0096 ").contains("829.4187739184515 ");
        assertThat(text).contains("    0      3  SIGMOID         2x3     -           6\n");
        // The tutorial's linear regression ends at 0.665 and its 2-3-1 network at 0.562.
        assertThat(figures[0].regression().finalLoss()).isBetween(0.648, 0.68);
        assertThat(figures[0].network().finalLoss()).isLessThan(0.6);
        assertThat(figures[0].network().finalLoss()).isLessThan(figures[0].network().initialLoss());
        // Backpropagation follows the same path: forward differences only add O(1e-8) noise per step.
        assertThat(figures[0].backprop().finalLoss()).isCloseTo(figures[0].network().finalLoss(), within(1e-4));
        assertThat(figures[0].backprop().network().isCloseTo(figures[0].network().network(), 1e-3)).isTrue();
    }

    @Test
    void printsWhatDocsTutorialShowsUnderEachStep() throws IOException {
        String text = print(new TutorialExample.Figures[1]);

        Snippets.assertShown("docs/tutorial.md#linear-cost", text);
        Snippets.assertShown("docs/tutorial.md#linear-regression", text);
        Snippets.assertShown("docs/tutorial.md#sigmoid-neuron", text);
        Snippets.assertShown("docs/tutorial.md#network", text);
        Snippets.assertShown("docs/tutorial.md#train-network", text);
        Snippets.assertShown("docs/tutorial.md#backpropagation", text);
    }

    @Test
    void theForwardDifferenceGradientIsCentralDifferencesToSixDigits() throws IOException {
        TutorialExample.Figures[] figures = new TutorialExample.Figures[1];
        print(figures);
        Network net = figures[0].backprop().network().withParameters(
                Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).withoutBiases()
                        .build(TutorialExample.SEED).parameters());
        Matrix xs = figures[0].inputScale().transform(figures[0].x());
        Matrix ys = figures[0].targetScale().transform(figures[0].y());
        double[] central = FiniteDifferences.central().gradient(net, Loss.SUM_SQUARED_ERROR, xs, ys);

        assertThat(figures[0].gradient()).hasSize(9);
        for (int i = 0; i < central.length; i++) {
            assertThat(figures[0].gradient()[i]).as("parameter %d", i)
                    .isCloseTo(central[i], within(1e-5 * Math.max(1, Math.abs(central[i]))));
        }
    }

    @Test
    void printsTheSameNumbersTwice() throws IOException {
        TutorialExample.Figures[] first = new TutorialExample.Figures[1];
        TutorialExample.Figures[] second = new TutorialExample.Figures[1];
        String one = print(first);
        String two = print(second);

        assertThat(withoutTimings(two)).isEqualTo(withoutTimings(one));
        assertThat(second[0].network()).isEqualTo(first[0].network());
        assertThat(second[0].regression()).isEqualTo(first[0].regression());
        assertThat(second[0].backprop()).isEqualTo(first[0].backprop());
    }

    @Test
    void roundsToTwelveSignificantDigits() {
        assertThat(TutorialExample.significant(313.00960000000003)).isEqualTo("313.0096");
        assertThat(TutorialExample.significant(829.4187739184515)).isEqualTo("829.418773918");
    }

    @Test
    void drawsTheTutorialsFivePictures(@TempDir Path directory) throws IOException {
        TutorialExample.Figures[] figures = new TutorialExample.Figures[1];
        print(figures);

        List<Path> files = TutorialExample.drawPictures(figures[0], directory);

        PngFiles.assertPictures(files, directory, 6, "tutorial-regression-cost", "tutorial-gradients-cost",
                "tutorial-sigmoid", "tutorial-linear-plane", "tutorial-network-plane");
    }

    @Test
    void figuresKeepTheRawIrisColumnsAndTheirMaxScalers() throws IOException {
        TutorialExample.Figures[] figures = new TutorialExample.Figures[1];
        print(figures);

        // The pictures map the sepal plane in centimetres: the raw 150 rows, and the max scalers
        // (Iris' largest sepal length, sepal width and petal length are 7.9, 4.4 and 6.9 cm).
        assertThat(figures[0].x().rows()).isEqualTo(150);
        assertThat(figures[0].y().rows()).isEqualTo(150);
        assertThat(figures[0].inputScale().transform(Matrix.rowVector(7.9, 4.4)).row(0))
                .containsExactly(1.0, 1.0);
        assertThat(figures[0].targetScale().transform(Matrix.rowVector(6.9)).get(0, 0))
                .isEqualTo(1.0);
    }
}
