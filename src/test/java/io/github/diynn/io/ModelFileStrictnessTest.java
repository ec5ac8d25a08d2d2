package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each rule of the strict loader, on a file that breaks just that rule. */
class ModelFileStrictnessTest {

    private static final SavedModel SMALL = TestModels.small();

    private static ModelFormatException refusal(byte[] bytes) {
        return catchThrowableOfType(ModelFormatException.class,
                () -> ModelFile.read(new ByteArrayInputStream(bytes), "bad.json"));
    }

    private static ModelFormatException refusal(String text) {
        return refusal(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static ModelFormatException refusalOfBodyWith(String target, String replacement) {
        return refusal(TestModels.withChecksum(TestModels.bodyReplacing(SMALL, target, replacement)));
    }

    @Test
    void javaSerializationStreamIsRefusedAsNotADiynnModel() {
        // The first bytes of every Java serialization stream: magic 0xACED, version 0x0005, TC_OBJECT.
        byte[] serialized = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05, 0x73, 0x72};

        ModelFormatException refusal = refusal(serialized);

        assertThat(refusal).hasMessage("bad.json:1:1: not a diynn model: the input starts with 0xACED, the magic"
                + " number of a Java serialization stream, which diynn never reads");
        assertThat(refusal.offset()).isZero();
    }

    @Test
    void otherJsonIsRefusedAsNotADiynnModel() {
        assertThat(refusal("[1, 2]")).hasMessageContaining("not a diynn model: expected '{' but found '['");
        assertThat(refusal("{\"name\": 1}")).hasMessageContaining("expected member \"format\" but found \"name\"");
        assertThat(refusal("{\n  \"format\": \"keras\"")).hasMessage(
                "bad.json:2:13: not a diynn model: format is \"keras\", expected \"diynn-model\"");
        assertThat(refusal("")).hasMessageContaining("not a diynn model").hasMessageContaining("end of the input");
    }

    @Test
    void newerVersionIsRefusedNamingBothVersions() {
        ModelFormatException refusal = refusal("{\n  \"format\": \"diynn-model\",\n  \"version\": 3,\n");

        assertThat(refusal).hasMessageStartingWith("bad.json:3:14: format version 3 is newer than version 2");
        assertThat(refusal.line()).isEqualTo(3);
        assertThat(refusal.column()).isEqualTo(14);
    }

    @Test
    void aNewerVersionBeyondTheIntRangeIsStillRefusedAsNewerNamingBothVersions() {
        assertThat(refusal("{\"format\": \"diynn-model\", \"version\": 3000000000,"))
                .hasMessageContaining("format version 3000000000 is newer than version 2");
    }

    @Test
    void versionZeroAndHugeVersionsAreRefused() {
        assertThat(refusal("{\"format\": \"diynn-model\", \"version\": 0")).hasMessageContaining("version is 0");
        assertThat(refusal("{\"format\": \"diynn-model\", \"version\": 99999999999999999999999"))
                .hasMessageContaining("version is too large");
    }

    @Test
    void aLayerClaimingTwoToThe31WeightsIsRefusedBeforeAllocating() {
        ModelFormatException refusal = refusalOfBodyWith(
                "\"inputSize\": 2,\n        \"outputSize\": 3,", "\"inputSize\": 65536,\n        \"outputSize\": 32768,");

        assertThat(refusal).hasMessageContaining("layer 0 declares 65536x32768 weights but only 13 of the parameters"
                + " declared by parameterCount remain");
    }

    @Test
    void parameterCountAboveTheLimitIsRefused() {
        assertThat(refusalOfBodyWith("\"parameterCount\": 13", "\"parameterCount\": 2147483648"))
                .hasMessageContaining("parameterCount is 2147483648; it must lie in [1, 16777216]");
        assertThat(refusalOfBodyWith("\"layerCount\": 2", "\"layerCount\": 5000"))
                .hasMessageContaining("layerCount is 5000; it must lie in [1, 1024]");
        assertThat(refusalOfBodyWith("\"inputSize\": 2", "\"inputSize\": 70000"))
                .hasMessageContaining("layer 0 inputSize is 70000; it must lie in [1, 65536]");
    }

    @Test
    void layersWhoseSizesDoNotChainAreRefused() {
        assertThat(refusalOfBodyWith("\"inputSize\": 3", "\"inputSize\": 4"))
                .hasMessageContaining("layer 1 takes 4 inputs but layer 0 gives 3 outputs");
    }

    @Test
    void unknownActivationIsRefusedListingTheKnownOnes() {
        assertThat(refusalOfBodyWith("\"SIGMOID\"", "\"SWISH\""))
                .hasMessageContaining("layer 0 activation \"SWISH\" is unknown; known: [IDENTITY, SIGMOID");
        assertThat(refusalOfBodyWith("\"SIGMOID\"", "\"sigmoid\"")).hasMessageContaining("is unknown");
    }

    @Test
    void fewerOrMoreValuesThanDeclaredAreRefused() {
        assertThat(refusalOfBodyWith("[0.25, -0.5, 0.0]", "[0.25, -0.5]"))
                .hasMessageContaining("expected ',' between the values of layer 0 bias (outputSize declares 3)"
                        + " but found ']'");
        assertThat(refusalOfBodyWith("[0.25, -0.5, 0.0]", "[0.25, -0.5, 0.0, 1.0]"))
                .hasMessageContaining("expected ']' after the 3 values of layer 0 bias declared by outputSize"
                        + " but found ','");
        assertThat(refusalOfBodyWith("\"parameterCount\": 13", "\"parameterCount\": 14"))
                .hasMessageContaining("the layers hold 13 parameters but parameterCount declares 14");
    }

    @Test
    void nonFiniteAndNonJsonNumbersAreRefused() {
        assertThat(refusalOfBodyWith("[0.25,", "[1e999,"))
                .hasMessageContaining("layer 0 bias value 0 is 1e999, which is outside the range of a finite double");
        assertThat(refusalOfBodyWith("[0.25,", "[NaN,")).hasMessageContaining("expected a number");
        assertThat(refusalOfBodyWith("[0.25,", "[Infinity,")).hasMessageContaining("expected a number");
        assertThat(refusalOfBodyWith("[0.25,", "[.25,")).hasMessageContaining("expected a number");
        assertThat(refusalOfBodyWith("[0.25,", "[+0.25,")).hasMessageContaining("expected a number");
        assertThat(refusalOfBodyWith("[0.25,", "[00.25,")).hasMessageContaining("leading zero");
        assertThat(refusalOfBodyWith("[0.25,", "[0.,")).hasMessageContaining("expected a digit after the decimal point");
        assertThat(refusalOfBodyWith("[0.25,", "[1e,")).hasMessageContaining("expected a digit in the exponent");
        assertThat(refusalOfBodyWith("[0.25,", "[0x1p-2,")).hasMessageContaining("expected ','");
        assertThat(refusalOfBodyWith("[0.25,", "[0.250000000000000000000000000000000000,"))
                .hasMessageContaining("longer than 32 characters");
    }

    @Test
    void membersOutOfOrderOrMissingAreRefusedByName() {
        assertThat(refusalOfBodyWith("\"hasBias\": true,\n        \"weights\"", "\"weights\""))
                .hasMessageContaining("expected member \"hasBias\" but found \"weights\"");
    }

    @Test
    void aValidlyChecksummedFileWithWhitespaceChangesStillLoads() throws IOException {
        byte[] bytes = TestModels.withChecksum(TestModels.bodyReplacing(SMALL, "\n", "\r\n \t"));

        assertThat(ModelFile.read(new ByteArrayInputStream(bytes), "bad.json")).isEqualTo(SMALL);
    }

    @Test
    void nonAsciiBytesAreRefusedWithTheirPosition() {
        ModelFormatException refusal = refusalOfBodyWith("\"fixture\"", "\"fixt\u00fcre\"");

        assertThat(refusal).hasMessageContaining("byte 0xFC is not printable ASCII");
        // Line 7 is `    "trainingSummary": "fixture"`: 4 spaces, 17 for the name, ':', ' ', '"', "fixt", then 0xFC.
        assertThat(refusal.line()).isEqualTo(7);
        assertThat(refusal.column()).isEqualTo(4 + 17 + 3 + 4 + 1);
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        byte[] valid = ModelFile.toBytes(SMALL);
        byte[] twice = new byte[valid.length * 2];
        System.arraycopy(valid, 0, twice, 0, valid.length);
        System.arraycopy(valid, 0, twice, valid.length, valid.length);

        assertThat(refusal(twice)).hasMessageContaining("expected the end of the file but found '{'");
    }

    @Test
    void aStreamThatFailsIsReportedAsAPlainIoException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };

        assertThatThrownBy(() -> ModelFile.read(failing, "failing"))
                .isExactlyInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void aStreamDeliveringOneByteAtATimeLoads() throws IOException {
        byte[] bytes = ModelFile.toBytes(SMALL);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };

        assertThat(ModelFile.read(trickle, "trickle")).isEqualTo(SMALL);
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThatThrownBy(() -> ModelFile.read(null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(new byte[0]), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelFile.toBytes(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelFile.load(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
