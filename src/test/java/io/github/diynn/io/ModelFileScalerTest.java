package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.diynn.core.Matrix;
import io.github.diynn.data.Scaler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Input and target scalers: saved, loaded, checked, and applied around the network. */
class ModelFileScalerTest {

    private static final Matrix SEPALS = Matrix.of(new double[][] {{5.1, 3.5}, {7.9, 2.0}, {4.3, 4.4}});
    private static final Matrix PETALS = Matrix.columnVector(1.4, 6.9, 1.5);

    private static SavedModel scaled() {
        return TestModels.scaled();
    }

    private static SavedModel roundTrip(SavedModel model) throws IOException {
        return ModelFile.read(new ByteArrayInputStream(ModelFile.toBytes(model)), "memory");
    }

    private static ModelFormatException refusalOfBodyWith(String target, String replacement) {
        byte[] bytes = TestModels.withChecksum(TestModels.bodyReplacing(scaled(), target, replacement));
        return catchThrowableOfType(ModelFormatException.class,
                () -> ModelFile.read(new ByteArrayInputStream(bytes), "scaled.json"));
    }

    @Test
    void eachKindRoundTripsAsBothInputAndTargetScaler() throws IOException {
        Scaler[] inputs = {Scaler.fitMax(SEPALS), Scaler.fitMinMax(SEPALS), Scaler.fitZScore(SEPALS)};
        Scaler[] targets = {Scaler.fitZScore(PETALS), Scaler.fitMax(PETALS), Scaler.fitMinMax(PETALS)};
        for (int k = 0; k < inputs.length; k++) {
            SavedModel model = TestModels.small().withInputScaler(inputs[k]).withTargetScaler(targets[k]);

            SavedModel loaded = roundTrip(model);

            assertThat(loaded.inputScaler()).contains(inputs[k]);
            assertThat(loaded.targetScaler()).contains(targets[k]);
            assertThat(loaded.predict(SEPALS)).isEqualTo(model.predict(SEPALS));
        }
    }

    @Test
    void aModelWithoutScalersLoadsWithoutScalers() throws IOException {
        SavedModel loaded = roundTrip(TestModels.small());

        assertThat(loaded.inputScaler()).isEmpty();
        assertThat(loaded.targetScaler()).isEmpty();
    }

    @Test
    void predictScalesInputsThenMapsOutputsBackToTargetUnits() {
        SavedModel model = scaled();
        // Min-max on sepals: length (x - 4.3) / 3.6, width (x - 2.0) / 2.4; max on petals: y * 6.9.
        double[] prediction = model.network().predict((5.1 - 4.3) / (7.9 - 4.3), (3.5 - 2.0) / (4.4 - 2.0));

        assertThat(model.predict(5.1, 3.5)).containsExactly(prediction[0] * 6.9);
        assertThat(model.predict(SEPALS).get(0, 0)).isEqualTo(prediction[0] * 6.9);
    }

    @Test
    void scalersAreWrittenByKindColumnsOffsetsAndScales() {
        String text = new String(ModelFile.toBytes(scaled()), StandardCharsets.US_ASCII);

        assertThat(text).contains("  \"inputScaler\": {\n    \"kind\": \"min-max\",\n    \"columns\": 2,\n"
                + "    \"offsets\": [4.3, 2.0],\n    \"scales\": [3.6000000000000005, 2.4000000000000004]\n  },\n")
                .contains("  \"targetScaler\": {\n    \"kind\": \"max\",\n    \"columns\": 1,\n"
                + "    \"offsets\": [0.0],\n    \"scales\": [6.9]\n  },\n");
    }

    @Test
    void scalersWhoseColumnsDoNotFitTheNetworkAreRefused() {
        assertThatThrownBy(() -> TestModels.small().withInputScaler(Scaler.fitMax(PETALS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input scaler has 1 columns but the network has 2 inputs");
        assertThatThrownBy(() -> TestModels.small().withTargetScaler(Scaler.fitMax(SEPALS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the target scaler has 2 columns but the network has 1 target");
        assertThatThrownBy(() -> TestModels.small().withInputScaler(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileWhoseScalerDoesNotFitTheNetworkIsRefused() {
        assertThat(refusalOfBodyWith("\"columns\": 2,\n    \"offsets\": [4.3, 2.0],\n    \"scales\": [3.6000000000000005, 2.4000000000000004]",
                "\"columns\": 1,\n    \"offsets\": [4.3],\n    \"scales\": [3.6000000000000005]"))
                .hasMessageContaining("inputScaler has 1 columns but the network has 2 inputs");
    }

    @Test
    void aFileWithAnUnknownKindOrBadScaleIsRefusedNamingTheScaler() {
        ModelFormatException unknown = refusalOfBodyWith("\"min-max\"", "\"robust\"");
        assertThat(unknown).hasMessageContaining("inputScaler: unknown scaler kind 'robust'");
        // Lines 1-37 hold the header, metadata and the two layers; line 38 is `  "inputScaler": {`.
        assertThat(unknown.line()).isEqualTo(38);
        assertThat(unknown.column()).isEqualTo(18);

        assertThat(refusalOfBodyWith("[6.9]", "[-6.9]")).hasMessageContaining("targetScaler: ")
                .hasMessageContaining("scale of column 0 is -6.9");
        assertThat(refusalOfBodyWith("[0.0],\n    \"scales\": [6.9]", "[1.0],\n    \"scales\": [6.9]"))
                .hasMessageContaining("targetScaler: ").hasMessageContaining("offset of column 0 is 1.0");
    }

    @Test
    void theTargetScalerIsPartOfEquality() {
        assertThat(scaled()).isEqualTo(scaled())
                .isNotEqualTo(scaled().withTargetScaler(Scaler.fitZScore(PETALS)))
                .isNotEqualTo(TestModels.small().withInputScaler(Scaler.fitMinMax(SEPALS)));
        assertThat(scaled().toString()).contains("input scaler min-max, target scaler max");
    }

    @Test
    void theKindIsWrittenAsItsIdSoTheFileTextIsUnchanged() {
        String text = new String(ModelFile.toBytes(TestModels.small().withInputScaler(Scaler.fitMinMax(SEPALS))
                .withTargetScaler(Scaler.fitZScore(PETALS))), StandardCharsets.UTF_8);
        assertThat(text).contains("\"kind\": \"min-max\"").contains("\"kind\": \"z-score\"")
                .doesNotContain("MIN_MAX").doesNotContain("Z_SCORE");
    }

    @Test
    void aFileSavedBy010LoadsItsScalerKindsAsTheEnum() throws IOException {
        SavedModel old = ModelFile.read(new ByteArrayInputStream(ModelFileVersionTest.version1Example()),
                "example-v1.json");
        assertThat(old.inputScaler().orElseThrow().kind()).isEqualTo(Scaler.Kind.MIN_MAX);
        assertThat(old.targetScaler().orElseThrow().kind()).isEqualTo(Scaler.Kind.MAX);
    }

    @Test
    void anUnknownKindInAFileIsRefusedQuotingIt() {
        ModelFormatException e = refusalOfBodyWith("\"kind\": \"min-max\"", "\"kind\": \"MIN_MAX\"");
        assertThat(e.getMessage()).contains("unknown scaler kind 'MIN_MAX'; expected max, min-max or z-score");
    }
}
