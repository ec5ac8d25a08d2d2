package io.github.diynn.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.io.SavedModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models exported by PyTorch 1.13's {@code torch.onnx.export} (made and recorded by
 * {@code src/test/python/make_onnx_fixtures.py}; the files are committed, so no Python is needed)
 * import and predict what PyTorch predicted: within {@value #TOLERANCE} as
 * {@code |diynn - torch| / (1 + |torch|)} (PyTorch computed the float models in float, diynn in double).
 */
class OnnxPyTorchFixturesTest {

    static final double TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {"torch_relu_softmax", "torch_tanh_sigmoid_double", "torch_flatten_leaky_nobias",
        "torch_unfolded_transpose"})
    void aPyTorchExportPredictsWhatPyTorchRecorded(String name) throws IOException {
        SavedModel model = OnnxImport.read(resource(name + ".onnx"), name + ".onnx");
        String[] lines = new String(resource(name + ".expected.txt"), StandardCharsets.UTF_8).split("\n");
        String[] header = lines[0].split(" ");
        int rows = Integer.parseInt(header[0]);
        int inputs = Integer.parseInt(header[1]);
        int outputs = Integer.parseInt(header[2]);
        double[] x = new double[rows * inputs];
        double[] y = new double[rows * outputs];
        for (int i = 0; i < rows; i++) {
            String[] values = lines[i + 1].split(" ");
            for (int j = 0; j < inputs; j++) {
                x[i * inputs + j] = Double.parseDouble(values[j]);
            }
            for (int j = 0; j < outputs; j++) {
                y[i * outputs + j] = Double.parseDouble(values[inputs + j]);
            }
        }
        Matrix predicted = model.predict(Matrix.of(rows, inputs, x));
        Matrix expected = Matrix.of(rows, outputs, y);
        assertThat(OnnxRuntimeRunner.largestError(predicted, expected)).isLessThanOrEqualTo(TOLERANCE);
        assertThat(model.metadata().trainingSummary()).startsWith("imported from ONNX, produced by pytorch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"torch_relu_softmax", "torch_tanh_sigmoid_double", "torch_flatten_leaky_nobias",
        "torch_unfolded_transpose"})
    void aPyTorchExportHasTheLayersOfItsModule(String name) throws IOException {
        Network network = OnnxImport.read(resource(name + ".onnx"), name).network();
        List<Activation> activations = network.layers().stream().map(layer -> layer.activation()).toList();
        switch (name) {
            case "torch_relu_softmax" -> assertThat(activations).containsExactly(Activation.RELU, Activation.SOFTMAX);
            case "torch_tanh_sigmoid_double" -> assertThat(activations)
                    .containsExactly(Activation.TANH, Activation.SIGMOID);
            case "torch_unfolded_transpose" -> {
                assertThat(activations).containsExactly(Activation.SIGMOID, Activation.IDENTITY);
                assertThat(network.parameterCount()).isEqualTo(3 * 4 + 4 * 2);
            }
            default -> {
                assertThat(activations).containsExactly(Activation.leakyRelu(0.1), Activation.IDENTITY);
                assertThat(network.layers().get(0).hasBias()).isFalse();
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OnnxPyTorchFixturesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
