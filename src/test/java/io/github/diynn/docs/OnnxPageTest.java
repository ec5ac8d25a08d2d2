package io.github.diynn.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Network;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import io.github.diynn.onnx.OnnxExport;
import io.github.diynn.onnx.OnnxImport;
import io.github.diynn.onnx.OnnxPrecision;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/onnx.md's first Java block, run (OnnxDocTest runs the serving one). */
class OnnxPageTest {

    @Test
    void exportsASavedModelAndABareNetworkAndImportsAPyTorchModel(@TempDir Path folder) throws IOException {
        Network network = Network.builder(4).dense(5, Activation.TANH).dense(3, Activation.SOFTMAX).build(42);
        ModelFile.save(SavedModel.of(network, ModelMetadata.of(Instant.EPOCH, "onnx page")), folder.resolve("model.json"));
        try (InputStream in = OnnxPageTest.class.getResourceAsStream("/io/github/diynn/onnx/torch_relu_softmax.onnx")) {
            Files.copy(in, folder.resolve("from-pytorch.onnx"));
        }
        // snippet: docs/onnx.md#export-and-import
        SavedModel model = ModelFile.load(folder.resolve("model.json")); // or SavedModel.of(network, metadata)...
        OnnxExport.save(model, folder.resolve("model.onnx"), OnnxPrecision.FLOAT); // atomic, deterministic
        byte[] bytes = OnnxExport.toBytes(network, OnnxPrecision.DOUBLE);      // a bare Network works too

        SavedModel imported = OnnxImport.load(folder.resolve("from-pytorch.onnx")); // strict, see "Import"
        double[] prediction = imported.predict(5.1, 3.5, 1.4, 0.2);
        // end snippet

        assertThat(Files.readAllBytes(folder.resolve("model.onnx"))).isEqualTo(OnnxExport.toBytes(model, OnnxPrecision.FLOAT));
        assertThat(OnnxImport.read(bytes, "bytes").network().isCloseTo(network, 1e-12)).isTrue();
        assertThat(imported.network().inputSize()).isEqualTo(4);
        assertThat(prediction).hasSize(3);
        double sum = prediction[0] + prediction[1] + prediction[2];
        assertThat(sum).isCloseTo(1.0, within(1e-6)); // a softmax output
    }
}
