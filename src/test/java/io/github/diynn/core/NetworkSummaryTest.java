package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Network#summary()}: one row per layer, shapes and parameter counts, then the total. */
class NetworkSummaryTest {

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void summaryOfTheTutorials231WithoutBiasesIsPinned() {
        Network net = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY)
                .withoutBiases().build(42);

        // Hand-laid: columns as wide as their widest entry, two spaces apart, the activation on the left.
        assertThat(net.summary()).isEqualTo(lines(
                "Network: 2 inputs -> 1 output",
                "layer  units  activation  weights  bias  parameters",
                "-----  -----  ----------  -------  ----  ----------",
                "    0      3  SIGMOID         2x3     -           6",
                "    1      1  IDENTITY        3x1     -           3",
                "total" + " ".repeat(45) + "9"));
    }

    @Test
    void summaryOfA483WithLeakyReluAndBiasesShowsTheSlopeAndBiasLengths() {
        Network net = Network.builder(4).dense(8, Activation.leakyRelu(0.1)).dense(3, Activation.SOFTMAX).build(7);

        // 4x8 weights + 8 biases = 40, 8x3 weights + 3 biases = 27, 67 in all.
        assertThat(net.summary()).isEqualTo(lines(
                "Network: 4 inputs -> 3 outputs",
                "layer  units  activation       weights  bias  parameters",
                "-----  -----  ---------------  -------  ----  ----------",
                "    0      8  LEAKY_RELU(0.1)      4x8     8          40",
                "    1      3  SOFTMAX              8x3     3          27",
                "total" + " ".repeat(49) + "67"));
    }

    @Test
    void summaryOfOneInputOneOutputUsesTheSingular() {
        Network net = Network.of(DenseLayer.of(Matrix.columnVector(2.0), Matrix.rowVector(1.0), Activation.TANH));

        assertThat(net.summary()).startsWith("Network: 1 input -> 1 output\n")
                .contains("    0      1  TANH            1x1     1           2\n");
    }

    @Test
    void wideColumnsGrowAndTheTotalMatchesParameterCount() {
        Network net = Network.builder(300).dense(400, Activation.RELU).dense(2, Activation.SOFTMAX)
                .build(new Random(1));
        String[] rows = net.summary().split("\n");

        // 300x400 + 400 = 120400, 400x2 + 2 = 802: the counts, summed by hand, match parameterCount().
        assertThat(net.parameterCount()).isEqualTo(121_202);
        assertThat(rows).hasSize(6);
        assertThat(rows[3]).isEqualTo("    0    400  RELU        300x400   400      120400");
        assertThat(rows[4]).isEqualTo("    1      2  SOFTMAX       400x2     2         802");
        assertThat(rows[5]).endsWith("  121202").startsWith("total ");
        for (String row : rows) {
            assertThat(row).doesNotEndWith(" ");
        }
    }

    @Test
    void summaryLeavesTheNetworkUnchanged() {
        Network net = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(3);
        double[] before = net.parameters();

        String first = net.summary();

        assertThat(net.parameters()).containsExactly(before);
        assertThat(net.summary()).isEqualTo(first);
    }
}
