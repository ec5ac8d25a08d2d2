package io.github.diynn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import io.github.diynn.io.SavedModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exported model runs in ONNX Runtime 1.23 and agrees with diynn: within {@value #DOUBLE_TOLERANCE}
 * in double and {@value #FLOAT_TOLERANCE} in float, each error measured as
 * {@code |onnx - diynn| / (1 + |diynn|)} (for a float model with a target scaler, over
 * {@code 1 + |diynn| + |offset| + scale}; a float model is compared with diynn's predictions of the
 * inputs rounded to floats, which is what it is fed).
 */
class OnnxExportTest {

    /** ONNX Runtime sums in another order and uses its own exp and tanh: not bit-identical. */
    static final double DOUBLE_TOLERANCE = 1e-12;

    /** Float weights, inputs and arithmetic on 5-16-8-k networks. */
    static final double FLOAT_TOLERANCE = 1e-5;

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : OnnxFixtures.ACTIVATIONS) {
            for (boolean biases : new boolean[] {true, false}) {
                for (OnnxPrecision precision : OnnxPrecision.values()) {
                    cases.add(Arguments.of(activation, biases, precision));
                }
            }
        }
        return cases.stream();
    }

    private static double tolerance(OnnxPrecision precision) {
        return precision == OnnxPrecision.DOUBLE ? DOUBLE_TOLERANCE : FLOAT_TOLERANCE;
    }

    @ParameterizedTest(name = "{0}, biases {1}, {2}")
    @MethodSource("networks")
    void onnxRuntimeMatchesPredictForEveryActivationWithAndWithoutBiases(Activation activation, boolean biases,
            OnnxPrecision precision) throws Exception {
        Network network = OnnxFixtures.network(activation, biases, 3, 7);
        byte[] model = OnnxExport.toBytes(network, precision);
        for (int rows : new int[] {1, 1000}) {
            Matrix inputs = OnnxFixtures.batch(rows, 5, 0.0, rows);
            Matrix expected = network.predict(inputs);
            Matrix actual = OnnxRuntimeRunner.run(model, inputs, precision);
            assertThat(actual.rows()).isEqualTo(rows);
            assertThat(actual.columns()).isEqualTo(3);
            assertThat(OnnxRuntimeRunner.largestError(actual, expected)).isLessThanOrEqualTo(tolerance(precision));
        }
    }

    static Stream<Arguments> activationsAndPrecisions() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : OnnxFixtures.ACTIVATIONS) {
            for (OnnxPrecision precision : OnnxPrecision.values()) {
                cases.add(Arguments.of(activation, precision));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("activationsAndPrecisions")
    void aTwentySixtyFourSixtyFourThreeNetworkStaysWithinItsOutputScale(Activation activation,
            OnnxPrecision precision) throws Exception {
        // Deep linear stacks reach outputs near 1500, where a per-entry measure says little: measure
        // the largest error against the batch's largest output instead.
        Activation hidden = activation.equals(Activation.SOFTMAX) ? Activation.TANH : activation;
        Network network = Network.builder(20).dense(64, hidden).dense(64, hidden).dense(3, activation).build(3);
        Matrix inputs = OnnxFixtures.batch(1000, 20, 0.0, 5);
        Matrix expected = network.predict(precision == OnnxPrecision.FLOAT ? OnnxFixtures.roundedToFloats(inputs)
                : inputs);
        Matrix actual = OnnxRuntimeRunner.run(OnnxExport.toBytes(network, precision), inputs, precision);
        double largest = 0.0;
        double worst = 0.0;
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.columns(); j++) {
                largest = Math.max(largest, Math.abs(expected.get(i, j)));
                worst = Math.max(worst, Math.abs(actual.get(i, j) - expected.get(i, j)));
            }
        }
        assertThat(worst / largest).isLessThanOrEqualTo(precision == OnnxPrecision.DOUBLE ? 1e-13 : 1e-5);
    }

    static Stream<Arguments> scalers() {
        List<Arguments> cases = new ArrayList<>();
        for (String kind : new String[] {"max", "min-max", "z-score"}) {
            for (OnnxPrecision precision : OnnxPrecision.values()) {
                cases.add(Arguments.of(kind, precision));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("scalers")
    void scalersBecomeNodesSoTheModelTakesRawInputsAndReturnsTargetUnits(String kind, OnnxPrecision precision)
            throws Exception {
        Network network = OnnxFixtures.network(Activation.IDENTITY, true, 2, 11);
        Scaler inputs = OnnxFixtures.scaler(kind, 5, 20.0, 1);
        Scaler targets = OnnxFixtures.scaler(kind, 2, 100.0, 2);
        SavedModel model = OnnxFixtures.saved(network).withInputScaler(inputs).withTargetScaler(targets);
        byte[] onnx = OnnxExport.toBytes(model, precision);
        // In float, the target scaler's offset and scale are rounded too: measure against their size.
        double[] magnitudes = new double[2];
        if (precision == OnnxPrecision.FLOAT) {
            for (int j = 0; j < 2; j++) {
                magnitudes[j] = Math.abs(targets.offsets()[j]) + targets.scales()[j];
            }
        }
        for (int rows : new int[] {1, 1000}) {
            Matrix raw = OnnxFixtures.batch(rows, 5, 20.0, rows).scale(7.0);
            // The float model sees the inputs rounded to floats; that rounding is the caller's.
            Matrix expected = model.predict(precision == OnnxPrecision.FLOAT ? OnnxFixtures.roundedToFloats(raw) : raw);
            Matrix actual = OnnxRuntimeRunner.run(onnx, raw, precision);
            assertThat(OnnxRuntimeRunner.largestError(actual, expected, magnitudes))
                    .isLessThanOrEqualTo(tolerance(precision));
            // Not the network alone: the scalers changed the numbers.
            assertThat(OnnxRuntimeRunner.largestError(actual, network.predict(raw))).isGreaterThan(1e-3);
        }
    }

    @ParameterizedTest
    @MethodSource("precisions")
    void aClassifierReturnsItsProbabilitiesFromRawInputs(OnnxPrecision precision) throws Exception {
        SavedModel softmax = OnnxFixtures.saved(OnnxFixtures.network(Activation.SOFTMAX, true, 3, 5))
                .withInputScaler(OnnxFixtures.scaler("z-score", 5, 3.0, 3))
                .withClassLabels(List.of("setosa", "versicolor", "virginica"));
        SavedModel sigmoid = OnnxFixtures.saved(OnnxFixtures.network(Activation.SIGMOID, true, 1, 5))
                .withInputScaler(OnnxFixtures.scaler("min-max", 5, 3.0, 3))
                .withClassLabels(List.of("no", "yes"));
        for (SavedModel model : List.of(softmax, sigmoid)) {
            Matrix raw = OnnxFixtures.batch(1000, 5, 3.0, 9);
            Matrix actual = OnnxRuntimeRunner.run(OnnxExport.toBytes(model, precision), raw, precision);
            assertThat(OnnxRuntimeRunner.largestError(actual, model.predict(raw)))
                    .isLessThanOrEqualTo(tolerance(precision));
        }
    }

    static Stream<OnnxPrecision> precisions() {
        return Stream.of(OnnxPrecision.values());
    }

    @Test
    void namesVersionAndSummaryGoIntoMetadataProps() throws Exception {
        SavedModel model = OnnxFixtures.saved(OnnxFixtures.network(Activation.SOFTMAX, true, 3, 5))
                .withInputNames(List.of("a", "b \"quoted\"", "c", "d", "e"))
                .withClassLabels(List.of("setosa", "versicolor", "virginica"))
                .withInputScaler(OnnxFixtures.scaler("max", 5, 3.0, 3));
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession session = environment.createSession(OnnxExport.toBytes(model, OnnxPrecision.DOUBLE))) {
            OnnxModelMetadata metadata = session.getMetadata();
            assertThat(metadata.getProducerName()).isEqualTo("diynn");
            assertThat(metadata.getGraphName()).isEqualTo("diynn");
            Map<String, String> props = metadata.getCustomMetadata();
            assertThat(props).containsEntry("diynn.input_names", "[\"a\", \"b \\\"quoted\\\"\", \"c\", \"d\", \"e\"]")
                    .containsEntry("diynn.class_labels", "[\"setosa\", \"versicolor\", \"virginica\"]")
                    .containsEntry("diynn.training_summary", "fixture: 3 epochs")
                    .containsEntry("diynn.created_at", "2026-12-01T21:00:00Z")
                    .containsEntry("diynn.input_scaler", "max")
                    .containsEntry("diynn.library_version", model.metadata().libraryVersion());
            assertThat(session.getInputNames()).containsExactly(OnnxExport.INPUT_NAME);
            assertThat(session.getOutputNames()).containsExactly(OnnxExport.OUTPUT_NAME);
        }
        String text = new String(OnnxExport.toBytes(model, OnnxPrecision.FLOAT),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("raw features [\"a\", \"b \\\"quoted\\\"\", \"c\", \"d\", \"e\"]")
                .contains("class probabilities, labels [\"setosa\", \"versicolor\", \"virginica\"]");
    }

    @Test
    void theSameModelGivesTheSameBytes() {
        Network first = OnnxFixtures.network(Activation.leakyRelu(), true, 3, 21);
        Network second = OnnxFixtures.network(Activation.leakyRelu(), true, 3, 21);
        assertThat(OnnxExport.toBytes(first, OnnxPrecision.DOUBLE))
                .isEqualTo(OnnxExport.toBytes(second, OnnxPrecision.DOUBLE))
                .isNotEqualTo(OnnxExport.toBytes(first, OnnxPrecision.FLOAT));
        SavedModel model = OnnxFixtures.saved(first).withInputScaler(OnnxFixtures.scaler("z-score", 5, 0.0, 1));
        SavedModel same = OnnxFixtures.saved(second).withInputScaler(OnnxFixtures.scaler("z-score", 5, 0.0, 1));
        assertThat(OnnxExport.toBytes(model, OnnxPrecision.FLOAT))
                .isEqualTo(OnnxExport.toBytes(same, OnnxPrecision.FLOAT));
    }

    @Test
    void aDoubleExportKeepsTheExactBitsOfEveryWeight() throws Exception {
        // One identity layer, one input of 1: ONNX Runtime returns the weights and biases themselves.
        Matrix weights = Matrix.of(1, 3, 0.1, -1.0 / 3.0, Double.MIN_NORMAL);
        Network network = Network.of(DenseLayer.of(weights, Matrix.rowVector(0.0, 0.0, 0.0), Activation.IDENTITY));
        Matrix out = OnnxRuntimeRunner.run(OnnxExport.toBytes(network, OnnxPrecision.DOUBLE),
                Matrix.rowVector(1.0), OnnxPrecision.DOUBLE);
        assertThat(out.toRowMajorArray()).containsExactly(0.1, -1.0 / 3.0, Double.MIN_NORMAL);
    }

    @Test
    void aFloatExportRefusesAWeightThatOverflowsAFloatBeforeWriting() {
        Network network = Network.of(DenseLayer.of(Matrix.of(1, 2, 1.0, 1e300), Activation.RELU));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> OnnxExport.write(network, out, OnnxPrecision.FLOAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer1_weights[1] = 1.0E300")
                .hasMessageContaining("DOUBLE");
        assertThat(out.size()).isZero();
        assertThat(OnnxExport.toBytes(network, OnnxPrecision.DOUBLE)).isNotEmpty();
    }

    @Test
    void writeSendsTheBytesOfToBytes() throws IOException {
        SavedModel model = OnnxFixtures.saved(OnnxFixtures.network(Activation.TANH, false, 2, 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OnnxExport.write(model, out, OnnxPrecision.FLOAT);
        assertThat(out.toByteArray()).isEqualTo(OnnxExport.toBytes(model, OnnxPrecision.FLOAT));
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path folder) throws IOException {
        Path target = folder.resolve("model.onnx");
        Files.writeString(target, "old");
        Network network = OnnxFixtures.network(Activation.RELU, true, 2, 3);
        OnnxExport.save(network, target, OnnxPrecision.DOUBLE);
        assertThat(Files.readAllBytes(target)).isEqualTo(OnnxExport.toBytes(network, OnnxPrecision.DOUBLE));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void saveIntoAMissingFolderFailsAndCreatesNothing(@TempDir Path folder) {
        Path target = folder.resolve("missing").resolve("model.onnx");
        SavedModel model = OnnxFixtures.saved(OnnxFixtures.network(Activation.RELU, true, 2, 3));
        assertThatThrownBy(() -> OnnxExport.save(model, target, OnnxPrecision.FLOAT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing");
        assertThat(folder.resolve("missing")).doesNotExist();
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        Network network = OnnxFixtures.network(Activation.RELU, true, 2, 3);
        assertThatThrownBy(() -> OnnxExport.toBytes((Network) null, OnnxPrecision.FLOAT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network is null");
        assertThatThrownBy(() -> OnnxExport.toBytes(network, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("precision is null");
        assertThatThrownBy(() -> OnnxExport.save(network, null, OnnxPrecision.FLOAT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target path is null");
        assertThatThrownBy(() -> OnnxExport.write(network, null, OnnxPrecision.FLOAT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output stream is null");
    }
}
