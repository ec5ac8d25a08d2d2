package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelWriterTest {

    /**
     * SHA-256 of the file of {@link #spreadModel()}, pinned on OpenJDK 17.0.15 and checked on
     * Temurin 25 by {@code .ci/jdk25}. Before the writer used {@link DoubleText}, JDK 17 and 25
     * wrote this model differently (1.0E23, 2.0E23, 8.41E21 and others). It also moves when the
     * file format or {@code ModelFile.LIBRARY_VERSION} changes.
     */
    private static final String GOLDEN_SPREAD_FILE = "f6b1da67fef50ab7a25506f5cd27daa44762d87d2977fd85c3099320d5109993";

    /** Values JDK 17's {@code Double.toString} writes longer than the shortest decimal. */
    private static final double[] JDK17_LONG = {1.0E23, 2.0E23, 8.41E21, 0x1.0p60};

    /** An 8 -> 8 identity layer whose 72 parameters span every binary exponent, seeded. */
    private static SavedModel spreadModel() {
        double[] fixed = {
            1.0E23, 2.0E23, 8.41E21, 0x1.0p60, Double.MIN_VALUE, -Double.MIN_VALUE, 2 * Double.MIN_VALUE,
            Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE,
            1.0E-3, Math.nextDown(1.0E-3), 1.0E7, Math.nextDown(1.0E7), 0.1, -0.0, 0.0,
        };
        double[] values = new double[72];
        System.arraycopy(fixed, 0, values, 0, fixed.length);
        SplittableRandom random = new SplittableRandom(25);
        for (int k = fixed.length; k < values.length; k++) {
            long biased = (k - fixed.length) * 2046L / (values.length - fixed.length - 1);
            values[k] = Double.longBitsToDouble((random.nextBoolean() ? Long.MIN_VALUE : 0) | biased << 52
                    | random.nextLong() & ((1L << 52) - 1));
        }
        double[] weights = java.util.Arrays.copyOf(values, 64);
        double[] bias = java.util.Arrays.copyOfRange(values, 64, 72);
        Network network = Network.of(DenseLayer.of(Matrix.of(8, 8, weights), Matrix.rowVector(bias),
                Activation.IDENTITY));
        return SavedModel.of(network, ModelMetadata.of(Instant.EPOCH, "exponent range"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    @Test
    void writesEveryNumberAsTheShortestDecimalOnEveryJdk() {
        String file = new String(ModelWriter.encode(spreadModel()), StandardCharsets.US_ASCII);

        for (double value : JDK17_LONG) {
            assertThat(file).contains(DoubleText.of(value));
        }
        assertThat(file).contains("[1.0E23, 2.0E23, 8.41E21, 1.152921504606847E18, 4.9E-324, -4.9E-324, 9.9E-324,")
                .contains("1.7976931348623157E308, -1.7976931348623157E308")
                .contains("0.001, 9.999999999999998E-4, 1.0E7, 9999999.999999998, 0.1]").contains("[-0.0, 0.0, ")
                .doesNotContain("9.999999999999999E22");
    }

    @Test
    void spreadModelReadsBackBitForBit() throws IOException {
        SavedModel model = spreadModel();
        byte[] bytes = ModelWriter.encode(model);

        SavedModel read = ModelFile.read(new ByteArrayInputStream(bytes), "spread");

        double[] expected = model.network().parameters();
        double[] actual = read.network().parameters();
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.length; k++) {
            assertThat(Double.doubleToRawLongBits(actual[k])).as("parameter %d", k)
                    .isEqualTo(Double.doubleToRawLongBits(expected[k]));
        }
    }

    @Test
    void spreadModelFileMatchesTheGoldenHashOnJdk17And25() {
        assertThat(sha256(ModelWriter.encode(spreadModel()))).isEqualTo(GOLDEN_SPREAD_FILE);
    }
}
