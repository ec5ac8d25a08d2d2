package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelFileRoundTripTest {

    private static SavedModel roundTrip(SavedModel model) throws IOException {
        return ModelFile.read(new ByteArrayInputStream(ModelFile.toBytes(model)), "memory");
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            bits[k] = Double.doubleToRawLongBits(values[k]);
        }
        return bits;
    }

    private static String scalerBits(Scaler scaler) {
        return scaler.kind() + java.util.Arrays.toString(bits(scaler.offsets())) + java.util.Arrays.toString(bits(scaler.scales()));
    }

    /** The bits of a finite prediction, or "overflow" whether the network returns or reports one. */
    private static String outcome(SavedModel model, double[] features) {
        try {
            double[] prediction = model.predict(features);
            return java.util.Arrays.stream(prediction).allMatch(Double::isFinite)
                    ? java.util.Arrays.toString(bits(prediction)) : "overflow " + java.util.Arrays.toString(prediction);
        } catch (ArithmeticException | IllegalArgumentException e) {
            return "overflow " + e;
        }
    }

    @Test
    void thousandRandomNetworksRoundTripWithBitIdenticalParametersAndPredictions() throws IOException {
        SplittableRandom random = new SplittableRandom(20261128L);
        int finitePredictions = 0;
        for (int trial = 0; trial < 1000; trial++) {
            Network network = TestModels.randomNetwork(random);
            SavedModel model = SavedModel.of(network, ModelMetadata.of(TestModels.CREATED, "trial " + trial));
            if (random.nextBoolean()) {
                model = model.withInputScaler(TestModels.randomScaler(random, network.inputSize()));
            }
            if (random.nextBoolean()) {
                model = model.withTargetScaler(TestModels.randomScaler(random, network.outputSize()));
            }

            SavedModel loaded = roundTrip(model);

            assertThat(bits(loaded.network().parameters())).as("trial %d", trial).isEqualTo(bits(network.parameters()));
            assertThat(loaded).as("trial %d", trial).isEqualTo(model);
            assertThat(loaded.inputScaler().map(ModelFileRoundTripTest::scalerBits))
                    .isEqualTo(model.inputScaler().map(ModelFileRoundTripTest::scalerBits));
            assertThat(loaded.targetScaler().map(ModelFileRoundTripTest::scalerBits))
                    .isEqualTo(model.targetScaler().map(ModelFileRoundTripTest::scalerBits));
            for (int sample = 0; sample < 3; sample++) {
                double[] features = sample == 0 ? TestModels.values(random, network.inputSize())
                        : random.doubles(network.inputSize(), -2.0, 2.0).toArray();
                String expected = outcome(model, features);
                assertThat(outcome(loaded, features)).as("trial %d sample %d", trial, sample).isEqualTo(expected);
                finitePredictions += expected.startsWith("overflow") ? 0 : 1;
            }
        }
        // Extreme weights and scalers overflow some predictions; most of the 3000 must still be finite.
        assertThat(finitePredictions).isGreaterThan(1500);
    }

    @Test
    void specialValuesAreWrittenInTheirShortestExactForm() throws IOException {
        Network base = TestModels.small().network();
        double[] parameters = base.parameters();
        parameters[0] = -0.0;
        parameters[1] = Double.MIN_VALUE;
        parameters[2] = -Double.MAX_VALUE;
        parameters[3] = Math.nextDown(Double.MIN_NORMAL);
        SavedModel model = SavedModel.of(base.withParameters(parameters), ModelMetadata.of(TestModels.CREATED, ""));

        String text = new String(ModelFile.toBytes(model), StandardCharsets.US_ASCII);

        assertThat(text).contains("[-0.0, 4.9E-324, -1.7976931348623157E308]")
                .contains("[2.225073858507201E-308, ");
        assertThat(bits(roundTrip(model).network().parameters())).isEqualTo(bits(parameters));
    }

    @Test
    void metadataRoundTripsIncludingNonAsciiAndEscapedCharacters() throws IOException {
        String summary = "loss 85.6 -> 0.56, \"quoted\", back\\slash, tab\t, newline\n, \u00e9\u20ac\ud83d\ude00, \u0000";
        Instant created = Instant.parse("2026-01-31T23:59:59.123456789Z");
        SavedModel model = SavedModel.of(TestModels.small().network(), new ModelMetadata("9.9.9-test", created, summary));

        byte[] bytes = ModelFile.toBytes(model);
        SavedModel loaded = roundTrip(model);

        for (byte b : bytes) {
            assertThat(b & 0xFF).isBetween(0x0A, 0x7E);
        }
        assertThat(loaded.metadata()).isEqualTo(model.metadata());
    }

    @Test
    void germanDefaultLocaleGivesTheSameBytes() {
        SavedModel model = SavedModel.of(TestModels.randomNetwork(new SplittableRandom(7)),
                ModelMetadata.of(TestModels.CREATED, "locale"));
        byte[] root;
        byte[] german;
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            root = ModelFile.toBytes(model);
            Locale.setDefault(Locale.GERMANY);
            german = ModelFile.toBytes(model);
        } finally {
            Locale.setDefault(before);
        }
        assertThat(german).isEqualTo(root);
        assertThat(new String(german, StandardCharsets.US_ASCII)).doesNotContainPattern("\\d,\\d");
    }

    @Test
    void germanDefaultLocaleReadsTheSameModel() throws IOException {
        SavedModel model = TestModels.small();
        byte[] bytes = ModelFile.toBytes(model);
        Locale before = Locale.getDefault();
        SavedModel loaded;
        try {
            Locale.setDefault(Locale.GERMANY);
            loaded = ModelFile.read(new ByteArrayInputStream(bytes), "memory");
        } finally {
            Locale.setDefault(before);
        }
        assertThat(loaded).isEqualTo(model);
    }

    @Test
    void writeToStreamGivesTheSameBytesAsToBytesAndLeavesTheStreamOpen() throws IOException {
        SavedModel model = TestModels.small();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ModelFile.write(model, out);
        out.write('x');

        byte[] expected = ModelFile.toBytes(model);
        byte[] written = out.toByteArray();
        assertThat(written).hasSize(expected.length + 1).startsWith(expected);
    }

    @Test
    void savingTwiceGivesIdenticalBytes() {
        SavedModel model = TestModels.small();

        assertThat(ModelFile.toBytes(model)).isEqualTo(ModelFile.toBytes(model));
    }

    @Test
    void checksumIsTheSha256OfEveryByteBeforeTheChecksumMember() throws Exception {
        byte[] bytes = ModelFile.toBytes(TestModels.small());
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int start = text.lastIndexOf("\"sha256\": \"");
        byte[] body = java.util.Arrays.copyOf(bytes, start);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format(Locale.ROOT, "%02x", b));
        }

        assertThat(text.substring(start)).isEqualTo("\"sha256\": \"" + hex + "\"\n}\n");
    }
}
