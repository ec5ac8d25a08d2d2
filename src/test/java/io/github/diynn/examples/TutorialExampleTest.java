package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tutorial example reproduces the tutorial's printed numbers and is reproducible. */
class TutorialExampleTest {

    private static String withoutTimings(String text) {
        return text.replaceAll("(?m)^  time: .*$", "").replaceAll(" *[0-9.]+ ms", " (time) ms");
    }

    private static String print(TutorialExample.Figures[] figures) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            figures[0] = TutorialExample.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reproducesTheTutorialsPrintedCostsAndConvergesAsItDid() {
        TutorialExample.Figures[] figures = new TutorialExample.Figures[1];
        String text = print(figures);

        // The tutorial prints 313.0096 and 829.4187739184515 for w = [0.2, 0.6], b = -0.3.
        assertThat(figures[0].linearCost()).isCloseTo(313.0096, within(1e-9));
        assertThat(figures[0].neuronCost()).isCloseTo(829.4187739184515, within(1e-10));
        assertThat(text).contains("313.0096 ").contains("829.4187739184515 ");
        // The tutorial's linear regression ends at 0.665 and its 2-3-1 network at 0.562.
        assertThat(figures[0].regression().finalLoss()).isBetween(0.648, 0.68);
        assertThat(figures[0].network().finalLoss()).isLessThan(0.6);
        assertThat(figures[0].network().finalLoss()).isLessThan(figures[0].network().initialLoss());
        // Backpropagation follows the same path: forward differences only add O(1e-8) noise per step.
        assertThat(figures[0].backprop().finalLoss()).isCloseTo(figures[0].network().finalLoss(), within(1e-4));
        assertThat(figures[0].backprop().network().isCloseTo(figures[0].network().network(), 1e-3)).isTrue();
    }

    @Test
    void printsTheSameNumbersTwice() {
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
}
