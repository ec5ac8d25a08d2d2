package io.github.diynn.onnx;

import static io.github.diynn.onnx.OnnxGraphs.floatAttribute;
import static io.github.diynn.onnx.OnnxGraphs.intAttribute;
import static io.github.diynn.onnx.OnnxGraphs.tensorAttribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.SavedModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxImportTest {

    private static final String SOURCE = "test.onnx";

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : OnnxFixtures.ACTIVATIONS) {
            cases.add(Arguments.of(activation, true));
            cases.add(Arguments.of(activation, false));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, biases {1}")
    @MethodSource("networks")
    void aDoubleExportImportsBackToTheSameParametersBitForBit(Activation activation, boolean biases)
            throws IOException {
        Network network = OnnxFixtures.network(activation, biases, 3, 13);
        SavedModel imported = OnnxImport.read(OnnxExport.toBytes(network, OnnxPrecision.DOUBLE), SOURCE);
        assertThat(imported.network()).isEqualTo(network);
        assertThat(imported.inputScaler()).isEmpty();
        assertThat(imported.targetScaler()).isEmpty();
        Matrix inputs = OnnxFixtures.batch(20, 5, 0.0, 1);
        assertThat(imported.predict(inputs)).isEqualTo(network.predict(inputs));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.01, 0.0244140625, 0.1, 0.25, 1.0 / 3.0, 1.0})
    void aDoubleExportKeepsEveryLeakyReluSlopeExactly(double slope) throws IOException {
        Network network = OnnxFixtures.network(Activation.leakyRelu(slope), true, 2, 5);
        byte[] onnx = OnnxExport.toBytes(network, OnnxPrecision.DOUBLE);
        assertThat(OnnxImport.read(onnx, SOURCE).network()).isEqualTo(network);
    }

    @ParameterizedTest
    @ValueSource(strings = {"max", "min-max", "z-score"})
    void aSavedModelComesBackEqualWithItsScalersNamesAndMetadata(String kind) throws IOException {
        SavedModel model = OnnxFixtures.saved(OnnxFixtures.network(Activation.TANH, true, 2, 3))
                .withInputScaler(OnnxFixtures.scaler(kind, 5, 10.0, 1))
                .withTargetScaler(OnnxFixtures.scaler(kind, 2, 50.0, 2))
                .withInputNames(List.of("a", "b", "c", "d", "\"e\\"))
                .withTargetNames(List.of("height", "width"));
        assertThat(OnnxImport.read(OnnxExport.toBytes(model, OnnxPrecision.DOUBLE), SOURCE)).isEqualTo(model);
    }

    @Test
    void aClassifierComesBackWithItsLabels() throws IOException {
        SavedModel model = OnnxFixtures.saved(OnnxFixtures.network(Activation.SOFTMAX, true, 3, 3))
                .withInputScaler(OnnxFixtures.scaler("z-score", 5, 1.0, 1))
                .withClassLabels(List.of("setosa", "versicolor", "virginica"));
        SavedModel imported = OnnxImport.read(OnnxExport.toBytes(model, OnnxPrecision.DOUBLE), SOURCE);
        assertThat(imported).isEqualTo(model);
        assertThat(imported.predictLabel(1, 2, 3, 4, 5)).isEqualTo(model.predictLabel(1, 2, 3, 4, 5));
    }

    @Test
    void aFloatExportImportsBackToTheParametersRoundedToFloats() throws IOException {
        Network network = OnnxFixtures.network(Activation.leakyRelu(), true, 3, 13);
        Network imported = OnnxImport.read(OnnxExport.toBytes(network, OnnxPrecision.FLOAT), SOURCE).network();
        double[] expected = network.parameters();
        for (int k = 0; k < expected.length; k++) {
            expected[k] = (float) expected[k];
        }
        assertThat(imported.parameters()).containsExactly(expected);
        assertThat(imported.layers().get(0).activation()).isEqualTo(Activation.leakyRelu(0.01));
    }

    @Test
    void aGemmWithTransposedWeightsAlphaAndBetaBecomesOneLayer() throws IOException {
        // PyTorch's Linear: weights [out, in] with transB = 1.
        byte[] onnx = new OnnxGraphs(2)
                .floats("W", new long[] {3, 2}, 1, 0, 0, 1, 1, 1)
                .floats("C", new long[] {3}, 1, 2, 3)
                .node("Gemm", "fc", List.of("x", "W", "C"), "y", intAttribute("transB", 1),
                        floatAttribute("alpha", 2.0f), floatAttribute("beta", 0.5f))
                .build();
        DenseLayer layer = OnnxImport.read(onnx, SOURCE).network().layers().get(0);
        assertThat(layer.weights()).isEqualTo(Matrix.of(new double[][] {{2, 0, 2}, {0, 2, 2}}));
        assertThat(layer.bias()).isEqualTo(Matrix.rowVector(0.5, 1.0, 1.5));
        assertThat(layer.activation()).isEqualTo(Activation.IDENTITY);
    }

    @Test
    void matMulAddTypedFieldsConstantsFlattenAndIdentityAreRead() throws IOException {
        ProtoWriter bias = OnnxGraphs.floatTensor("", new long[] {1, 2}, 0.5, -0.5);
        byte[] onnx = new OnnxGraphs(2).elementType(OnnxProto.DOUBLE)
                .typedDoubles("W1", new long[] {2, 2}, 0.1, 0.2, 0.3, 0.4)
                .typedFloats("W2", new long[] {2, 3}, 1, 2, 3, 4, 5, 6)
                .node("Flatten", "flatten", List.of("x"), "f", intAttribute("axis", 1))
                .node("MatMul", "mm1", List.of("f", "W1"), "z1")
                .node("Constant", "b1", List.of(), "bias1", tensorAttribute("value", bias))
                .node("Add", "add1", List.of("bias1", "z1"), "a1")
                .node("LeakyRelu", "act1", List.of("a1"), "h1", floatAttribute("alpha", 0.2f))
                .node("Identity", "dropout", List.of("h1"), "h1b")
                .node("MatMul", "mm2", List.of("h1b", "W2"), "z2")
                .node("Softmax", "softmax", List.of("z2"), "y", intAttribute("axis", 1))
                .build();
        Network network = OnnxImport.read(onnx, SOURCE).network();
        assertThat(network.layers()).hasSize(2);
        DenseLayer first = network.layers().get(0);
        assertThat(first.weights()).isEqualTo(Matrix.of(new double[][] {{0.1, 0.2}, {0.3, 0.4}}));
        assertThat(first.bias()).isEqualTo(Matrix.rowVector(0.5, -0.5));
        assertThat(first.activation()).isEqualTo(Activation.leakyRelu(0.2));
        DenseLayer second = network.layers().get(1);
        assertThat(second.hasBias()).isFalse();
        assertThat(second.weights()).isEqualTo(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertThat(second.activation()).isEqualTo(Activation.SOFTMAX);
    }

    @Test
    void aTransposedConstantIsWeightsButTheRunningValueIsNeverTransposed() throws IOException {
        ProtoWriter perm = new ProtoWriter().string(1, "perm").varint(8, 1).varint(8, 0).varint(20, 7);
        byte[] onnx = new OnnxGraphs(2).floats("W", new long[] {3, 2}, 1, 2, 3, 4, 5, 6)
                .node("Transpose", "t", List.of("W"), "Wt", perm)
                .node("MatMul", "mm", List.of("x", "Wt"), "y").build();
        assertThat(OnnxImport.read(onnx, SOURCE).network().layers().get(0).weights())
                .isEqualTo(Matrix.of(new double[][] {{1, 3, 5}, {2, 4, 6}}));
        byte[] batch = new OnnxGraphs(2).floats("W", new long[] {2, 2}, 1, 2, 3, 4)
                .node("Transpose", "t", List.of("x"), "xt")
                .node("MatMul", "mm", List.of("xt", "W"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(batch, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("node 't' (Transpose) transposes 'x'; only the transpose of a constant");
    }

    @Test
    void aForeignModelGetsThisLibrarysVersionAndASummaryNamingTheProducer() throws IOException {
        byte[] onnx = new OnnxGraphs(1).floats("W", new long[] {1, 1}, 2).node("MatMul", "mm", List.of("x", "W"), "y")
                .build();
        SavedModel model = OnnxImport.read(onnx, SOURCE);
        assertThat(model.metadata().libraryVersion()).isEqualTo(ModelFile.LIBRARY_VERSION);
        assertThat(model.metadata().createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(model.metadata().trainingSummary()).isEqualTo("imported from ONNX, produced by test-exporter 1.0");
    }

    @Test
    void anUnsupportedOperatorIsRefusedNamingTheNodeAndWhatIsSupported() {
        byte[] onnx = new OnnxGraphs(2).floats("W", new long[] {2, 2}, 1, 2, 3, 4)
                .node("MatMul", "mm", List.of("x", "W"), "z")
                .node("Elu", "elu1", List.of("z"), "y").build();
        OnnxFormatException e = catchThrowableOfType(OnnxFormatException.class, () -> OnnxImport.read(onnx, SOURCE));
        assertThat(e).hasMessageContaining("test.onnx: byte ")
                .hasMessageContaining("node 'elu1' (Elu) is not supported")
                .hasMessageContaining("supported: Gemm, MatMul");
        assertThat(e.source()).isEqualTo(SOURCE);
        assertThat(e.offset()).isPositive().isLessThan(onnx.length);
    }

    @Test
    void everyTruncationIsRefusedOrLosesOnlyTrailingMetadata() throws IOException {
        SavedModel model = OnnxFixtures.saved(OnnxFixtures.network(Activation.leakyRelu(), true, 2, 3))
                .withInputScaler(OnnxFixtures.scaler("z-score", 5, 1.0, 1))
                .withInputNames(List.of("a", "b", "c", "d", "e"));
        byte[] onnx = OnnxExport.toBytes(model, OnnxPrecision.DOUBLE);
        int refused = 0;
        for (int length = 0; length < onnx.length; length++) {
            byte[] prefix = Arrays.copyOf(onnx, length);
            try {
                SavedModel read = OnnxImport.read(prefix, SOURCE);
                assertThat(read.network()).isEqualTo(model.network());
            } catch (OnnxFormatException e) {
                assertThat(e.offset()).isBetween(0L, (long) length);
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(onnx.length * 9 / 10);
    }

    @Test
    void aLengthBeyondTheInputIsRefusedBeforeAllocating() {
        // ModelProto.graph (field 7, wire type 2) claiming 2^31 - 1 bytes.
        byte[] onnx = {0x08, 0x08, 0x3A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0x00};
        assertThatThrownBy(() -> OnnxImport.read(onnx, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("byte 3: length 2147483647 runs past the end of its message (1 byte left)");
    }

    @Test
    void tensorDimensionsThatDoNotMatchTheDataAreRefused() {
        byte[] short1 = new OnnxGraphs(2).floats("W", new long[] {2, 3}, 1, 2, 3, 4)
                .node("MatMul", "mm", List.of("x", "W"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(short1, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("tensor 'W' has dimensions [2, 3] (6 values) but 16 bytes of raw_data");
        byte[] huge = new OnnxGraphs(2).floats("W", new long[] {1L << 40, 1L << 40}, 1)
                .node("MatMul", "mm", List.of("x", "W"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(huge, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("exceed 2147483647 values");
    }

    @Test
    void anIntegerTensorIsRefusedNamingItsType() {
        ProtoWriter ints = new ProtoWriter().varint(1, 1).varint(1, 1).varint(2, 7).string(8, "W")
                .bytes(9, new byte[8]);
        byte[] onnx = new OnnxGraphs(1).initializer(ints).node("MatMul", "mm", List.of("x", "W"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(onnx, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("tensor 'W' has data type INT64 (7); only FLOAT (1) and DOUBLE (11)");
    }

    @Test
    void externalDataIsRefused() {
        ProtoWriter external = new ProtoWriter().varint(1, 1).varint(1, 1).varint(2, 1).string(8, "W")
                .message(13, new ProtoWriter().string(1, "location").string(2, "weights.bin")).varint(14, 1);
        byte[] onnx = new OnnxGraphs(1).initializer(external).node("MatMul", "mm", List.of("x", "W"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(onnx, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("external file");
    }

    @Test
    void anAttributeWithoutItsTypeIsRefused() {
        ProtoWriter untyped = new ProtoWriter().string(1, "alpha").float32(2, 0.1f);
        byte[] onnx = new OnnxGraphs(1).floats("W", new long[] {1, 1}, 2)
                .node("MatMul", "mm", List.of("x", "W"), "z")
                .node("LeakyRelu", "leaky", List.of("z"), "y", untyped).build();
        assertThatThrownBy(() -> OnnxImport.read(onnx, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("node 'leaky' (LeakyRelu): attribute 'alpha' has type 0; expected FLOAT (1)");
    }

    @Test
    void aKnownFieldWithTheWrongWireTypeIsRefused() {
        byte[] onnx = {0x08, 0x08, 0x38, 0x01};
        assertThatThrownBy(() -> OnnxImport.read(onnx, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("byte 2: ModelProto.graph has wire type 0, expected 2");
    }

    @Test
    void aGraphThatIsNotOneChainIsRefused() {
        byte[] twoBranches = new OnnxGraphs(1).floats("W", new long[] {1, 1}, 2)
                .node("MatMul", "mm", List.of("x", "W"), "z")
                .node("Relu", "relu", List.of("x"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(twoBranches, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("node 'relu' (Relu) takes 'x' where the chain's running value is 'z'");
        byte[] activationFirst = new OnnxGraphs(1).node("Relu", "relu", List.of("x"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(activationFirst, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("does not follow a linear step");
        byte[] noLayer = new OnnxGraphs(1).node("Identity", "id", List.of("x"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(noLayer, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("the graph has no layer");
    }

    @Test
    void mismatchedLayerSizesAndNonFiniteWeightsAreRefusedNamingTheNode() {
        byte[] sizes = new OnnxGraphs(2).floats("W1", new long[] {2, 3}, 1, 2, 3, 4, 5, 6)
                .floats("W2", new long[] {2, 1}, 1, 2)
                .node("MatMul", "mm1", List.of("x", "W1"), "z")
                .node("MatMul", "mm2", List.of("z", "W2"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(sizes, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("node 'mm2' (MatMul) takes 2 inputs but the layer before gives 3");
        byte[] infinite = new OnnxGraphs(1).floats("W", new long[] {1, 1}, Double.POSITIVE_INFINITY)
                .node("MatMul", "mm", List.of("x", "W"), "y").build();
        assertThatThrownBy(() -> OnnxImport.read(infinite, SOURCE)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("node 'mm' (MatMul): weights 'W'");
    }

    @Test
    void exportAndImportGiveTheSameResultsFromManyThreadsAtOnce() throws Exception {
        SavedModel model = OnnxFixtures.saved(OnnxFixtures.network(Activation.leakyRelu(), true, 3, 3))
                .withInputScaler(OnnxFixtures.scaler("z-score", 5, 1.0, 1));
        byte[] expected = OnnxExport.toBytes(model, OnnxPrecision.DOUBLE);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int task = 0; task < 32; task++) {
                results.add(pool.submit(() -> Arrays.equals(OnnxExport.toBytes(model, OnnxPrecision.DOUBLE), expected)
                        && OnnxImport.read(expected, SOURCE).equals(model)));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStreamAndAFileReadAsTheBytesDo(@TempDir Path folder) throws IOException {
        SavedModel model = OnnxFixtures.saved(OnnxFixtures.network(Activation.RELU, true, 2, 3));
        byte[] onnx = OnnxExport.toBytes(model, OnnxPrecision.DOUBLE);
        assertThat(OnnxImport.read(new ByteArrayInputStream(onnx), SOURCE)).isEqualTo(model);
        Path file = folder.resolve("m.onnx");
        OnnxExport.save(model, file, OnnxPrecision.DOUBLE);
        assertThat(OnnxImport.load(file)).isEqualTo(model);
        assertThatThrownBy(() -> OnnxImport.load(folder)).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("is a directory");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> OnnxImport.load(file)).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("m.onnx: byte 0: the model is empty");
    }
}
