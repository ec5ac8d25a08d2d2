package io.github.diynn.onnx;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.io.SavedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes one exported ONNX file of every kind into a folder, for {@code .ci/onnx-check}, which runs
 * {@code onnx.checker.check_model} on each ({@code src/test/python/check_onnx_exports.py}) and, where
 * Python's onnxruntime is installed, the serving snippet of {@code docs/onnx.md} on
 * {@code serving-example.onnx} against {@code serving-example.expected.txt}.
 *
 * <pre>  mvn -B -q test-compile exec:java -Dexample=io.github.diynn.onnx.OnnxCheckCorpus \
 *      -Dexec.args=target/onnx-check</pre>
 */
public final class OnnxCheckCorpus {

    private OnnxCheckCorpus() {
    }

    /**
     * Writes the files.
     *
     * @param args the folder, created if missing
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/onnx-check");
        Files.createDirectories(folder);
        int count = 0;
        for (OnnxPrecision precision : OnnxPrecision.values()) {
            String type = precision.name().toLowerCase(Locale.ROOT);
            for (Activation activation : OnnxFixtures.ACTIVATIONS) {
                for (boolean biases : new boolean[] {true, false}) {
                    Network network = OnnxFixtures.network(activation, biases, 3, 7);
                    String name = activation.toString().toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z0-9.]+", "-").replaceAll("-$", "") + (biases ? "" : "-no-bias")
                            + "-" + type + ".onnx";
                    OnnxExport.save(network, folder.resolve(name), precision);
                    count++;
                }
            }
            for (String kind : new String[] {"max", "min-max", "z-score"}) {
                SavedModel model = OnnxFixtures.saved(OnnxFixtures.network(Activation.RELU, true, 2, 11))
                        .withInputScaler(OnnxFixtures.scaler(kind, 5, 20.0, 1))
                        .withTargetScaler(OnnxFixtures.scaler(kind, 2, 100.0, 2))
                        .withInputNames(List.of("a", "b", "c", "d", "e")).withTargetNames(List.of("p", "q"));
                OnnxExport.save(model, folder.resolve("scaled-" + kind + "-" + type + ".onnx"), precision);
                count++;
            }
            SavedModel sigmoid = OnnxFixtures.saved(OnnxFixtures.network(Activation.SIGMOID, true, 1, 5))
                    .withClassLabels(List.of("no", "yes"));
            OnnxExport.save(sigmoid, folder.resolve("sigmoid-classifier-" + type + ".onnx"), precision);
            count++;
        }
        SavedModel example = servingExample();
        OnnxExport.save(example, folder.resolve("serving-example.onnx"), OnnxPrecision.FLOAT);
        Matrix inputs = OnnxFixtures.batch(4, 5, 3.0, 4);
        Matrix outputs = example.predict(OnnxFixtures.roundedToFloats(inputs));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < inputs.rows(); i++) {
            for (int j = 0; j < inputs.columns(); j++) {
                expected.append(j == 0 ? "" : " ").append((float) inputs.get(i, j));
            }
            for (int j = 0; j < outputs.columns(); j++) {
                expected.append(' ').append(outputs.get(i, j));
            }
            expected.append('\n');
        }
        Files.writeString(folder.resolve("serving-example.expected.txt"), expected, StandardCharsets.UTF_8);
        System.out.println("wrote " + (count + 1) + " ONNX files to " + folder);
    }

    /** A classifier with an input scaler and labels, as served in docs/onnx.md. */
    static SavedModel servingExample() {
        return OnnxFixtures.saved(OnnxFixtures.network(Activation.SOFTMAX, true, 3, 5))
                .withInputScaler(OnnxFixtures.scaler("z-score", 5, 3.0, 3))
                .withInputNames(List.of("a", "b", "c", "d", "e"))
                .withClassLabels(List.of("setosa", "versicolor", "virginica"));
    }
}
