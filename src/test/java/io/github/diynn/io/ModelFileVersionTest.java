package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Format version 2 (names, the leaky ReLU's slope) beside version 1, which still loads as before. */
class ModelFileVersionTest {

    /** The doc example before names: a version 1 file saved by diynn 0.1.0, committed as it was written. */
    private static final String VERSION_1_EXAMPLE = "example-v1.json";

    static byte[] version1Example() throws IOException {
        try (InputStream in = ModelFileVersionTest.class.getResourceAsStream(VERSION_1_EXAMPLE)) {
            return in.readAllBytes();
        }
    }

    private static SavedModel read(byte[] bytes) throws IOException {
        return ModelFile.read(new ByteArrayInputStream(bytes), "bad.json");
    }

    private static ModelFormatException refusal(byte[] bytes) {
        return catchThrowableOfType(ModelFormatException.class, () -> read(bytes));
    }

    private static ModelFormatException refusalOfBodyWith(SavedModel model, String target, String replacement) {
        return refusal(TestModels.withChecksum(TestModels.bodyReplacing(model, target, replacement)));
    }

    private static SavedModel named() {
        return TestModels.small().withInputNames(List.of("sepal_length", "sepal_width"))
                .withTargetNames(List.of("petal_length"));
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            bits[k] = Double.doubleToRawLongBits(values[k]);
        }
        return bits;
    }

    @Test
    void theWriterWritesVersion2() {
        String text = new String(ModelFile.toBytes(TestModels.small()), StandardCharsets.US_ASCII);

        assertThat(ModelFile.FORMAT_VERSION).isEqualTo(2);
        assertThat(text).startsWith("{\n  \"format\": \"diynn-model\",\n  \"version\": 2,\n")
                .contains("  \"inputNames\": [],\n  \"targetNames\": [],\n  \"classLabels\": [],\n  \"sha256\": ");
    }

    @Test
    void aVersion1FileStillLoadsToTheSameValuesWithNoNames() throws IOException {
        SavedModel loaded = read(version1Example());
        SavedModel expected = ModelFormatDocTest.example().withInputNames(List.of()).withTargetNames(List.of());

        assertThat(loaded).isEqualTo(expected);
        assertThat(loaded.inputNames()).isEmpty();
        assertThat(loaded.targetNames()).isEmpty();
        assertThat(loaded.classLabels()).isEmpty();
        assertThat(bits(loaded.network().parameters())).isEqualTo(bits(expected.network().parameters()));
        assertThat(loaded.predict(5.1, 3.5)).containsExactly(1.1162841411083575);
    }

    @Test
    void namesRoundTripThroughTheFile() throws IOException {
        SavedModel classifier = SavedModel.of(Network.builder(3).dense(4, Activation.TANH)
                        .dense(3, Activation.SOFTMAX).build(5), ModelMetadata.of(TestModels.CREATED, "iris"))
                .withInputNames(List.of("sepal length", "petal \"width\"", "caf\u00e9"))
                .withTargetNames(List.of("is_setosa", "is_versicolor", "is_virginica"))
                .withClassLabels(List.of("setosa", "versicolor", "virginica"));

        byte[] bytes = ModelFile.toBytes(classifier);
        SavedModel loaded = read(bytes);

        assertThat(new String(bytes, StandardCharsets.US_ASCII))
                .contains("  \"inputNames\": [\"sepal length\", \"petal \\\"width\\\"\", \"caf\\u00e9\"],\n")
                .contains("  \"classLabels\": [\"setosa\", \"versicolor\", \"virginica\"],\n");
        assertThat(loaded).isEqualTo(classifier);
        assertThat(loaded.inputNames()).containsExactly("sepal length", "petal \"width\"", "caf\u00e9");
        assertThat(loaded.classLabels()).containsExactly("setosa", "versicolor", "virginica");
    }

    @Test
    void aNameCountThatDoesNotFitTheNetworkIsRefusedAtItsList() {
        SavedModel model = named();

        assertThat(refusalOfBodyWith(model, "\"inputNames\": [\"sepal_length\", \"sepal_width\"]",
                "\"inputNames\": [\"sepal_length\", \"sepal_width\", \"petal_length\"]"))
                .hasMessageContaining("inputNames has more than 2 names, but it holds none or one for each of the"
                        + " network's 2 inputs");
        assertThat(refusalOfBodyWith(model, "\"inputNames\": [\"sepal_length\", \"sepal_width\"]",
                "\"inputNames\": [\"sepal_length\"]"))
                .hasMessageContaining("inputNames has 1 names, but it holds none or one for each of the network's 2");
        assertThat(refusalOfBodyWith(model, "\"classLabels\": []", "\"classLabels\": [\"a\", \"b\", \"c\"]"))
                .hasMessageContaining("classLabels has more than 2 names")
                .hasMessageContaining("2 for one sigmoid output");
    }

    @Test
    void namesAreCheckedAsTheModelChecksThem() {
        SavedModel model = named();
        String inputs = "\"inputNames\": [\"sepal_length\", \"sepal_width\"]";

        assertThat(refusalOfBodyWith(model, inputs, "\"inputNames\": [\"a\", \"a\"]"))
                .hasMessageContaining("input names 0 and 1 are both \"a\"");
        assertThat(refusalOfBodyWith(model, inputs, "\"inputNames\": [\"a\", \"\"]"))
                .hasMessageContaining("input names 1 is empty");
        assertThat(refusalOfBodyWith(model, inputs, "\"inputNames\": [\"a\", \"" + "x".repeat(257) + "\"]"))
                .hasMessageContaining("longer than the limit of 256 characters");
        // The fixture's output layer is IDENTITY: two labels for one output need a sigmoid.
        ModelFormatException labels = refusalOfBodyWith(model, "\"classLabels\": []", "\"classLabels\": [\"no\", \"yes\"]");
        assertThat(labels).hasMessageContaining("2 class labels [no, yes] for one IDENTITY output");
        assertThat(labels.column()).as("the column of the list's '['").isEqualTo(18);
    }

    @Test
    void theNameMembersComeInTheirOrderAfterTheScalers() {
        assertThat(refusalOfBodyWith(named(), "\"targetNames\"", "\"classLabels\""))
                .hasMessageContaining("expected member \"targetNames\" but found \"classLabels\"");
        assertThat(refusalOfBodyWith(named(), "  \"inputNames\": [\"sepal_length\", \"sepal_width\"],\n", ""))
                .hasMessageContaining("expected member \"inputNames\" but found \"targetNames\"");
    }

    @Test
    void aVersion1FileWithNamesIsRefusedAsAnExtraMember() throws IOException {
        String v1 = new String(version1Example(), StandardCharsets.US_ASCII);
        String body = v1.substring(0, v1.lastIndexOf("\"sha256\"")) + "\"inputNames\": [],\n  ";

        assertThat(refusal(TestModels.withChecksum(body)))
                .hasMessageContaining(":49:4: expected 's' as the checksum member but found 'i'");
    }

    @Test
    void versionZeroSaysVersionsStartAt1AndWhichThisReaderKnows() {
        byte[] zero = "{\"format\": \"diynn-model\", \"version\": 0,".getBytes(StandardCharsets.US_ASCII);

        assertThat(refusal(zero)).hasMessage("bad.json:1:38: version is 0; versions start at 1, and this diynn "
                + ModelFile.LIBRARY_VERSION + " reads versions 1 to 2");
    }

    @Test
    void aLeakyReluLayerStoresItsSlopeAfterTheName() throws IOException {
        SavedModel model = SavedModel.of(Network.of(DenseLayer.of(Matrix.of(2, 1, 1.0, -2.0),
                Activation.leakyRelu(0.2))), ModelMetadata.of(TestModels.CREATED, "leaky"));
        String text = new String(ModelFile.toBytes(model), StandardCharsets.US_ASCII);

        assertThat(text).contains("\"activation\": \"LEAKY_RELU\",\n        \"slope\": 0.2,\n        \"hasBias\"");
        assertThat(read(ModelFile.toBytes(model)).network().layers().get(0).activation())
                .isEqualTo(Activation.leakyRelu(0.2));
        // A slope the core refuses is refused at the activation's place, with the core's reason.
        ModelFormatException refusal = refusalOfBodyWith(TestModels.small(), "\"activation\": \"SIGMOID\",",
                "\"activation\": \"LEAKY_RELU\",\n        \"slope\": 1.5,");
        assertThat(refusal).hasMessageContaining("leaky ReLU slope must lie in [0, 1], got 1.5");
        assertThat(refusal.line()).isEqualTo(16);
        assertThat(refusal.column()).isEqualTo(23);
    }

    @Test
    void aLeakyReluLayerWithoutItsSlopeIsRefused() {
        assertThat(refusalOfBodyWith(TestModels.small(), "\"SIGMOID\"", "\"LEAKY_RELU\""))
                .hasMessageContaining("expected member \"slope\" but found \"hasBias\"");
        assertThat(refusalOfBodyWith(TestModels.small(), "\"activation\": \"SIGMOID\",",
                "\"activation\": \"LEAKY_RELU\",\n        \"slope\": NaN,"))
                .hasMessageContaining("expected a number for layer 0 slope but found 'N'");
    }

    @Test
    void aVersion1FileCannotHoldALeakyRelu() throws IOException {
        String v1 = new String(version1Example(), StandardCharsets.US_ASCII);
        String body = v1.substring(0, v1.lastIndexOf("\"sha256\"")).replace("\"SIGMOID\"", "\"LEAKY_RELU\"");

        assertThat(refusal(TestModels.withChecksum(body))).hasMessageContaining("layer 0 activation LEAKY_RELU needs"
                + " format version 2, which stores its slope; this file is version 1");
    }

    @Test
    void everyActivationOfTheClosedSetRoundTrips() throws IOException {
        for (Activation activation : List.of(Activation.IDENTITY, Activation.SIGMOID, Activation.TANH,
                Activation.RELU, Activation.SOFTMAX, Activation.leakyRelu(), Activation.leakyRelu(0.3),
                Activation.leakyRelu(0.0))) {
            SavedModel model = SavedModel.of(Network.of(DenseLayer.of(Matrix.of(2, 2, 1.0, -2.0, 0.5, 3.0),
                    activation)), ModelMetadata.of(TestModels.CREATED, activation.name()));

            assertThat(read(ModelFile.toBytes(model)).network().layers().get(0).activation()).as(activation.name())
                    .isEqualTo(activation);
        }
    }
}
