package io.github.diynn.onnx;

import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Network;
import io.github.diynn.internal.AtomicSave;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Exports a {@link Network} or a {@link SavedModel} as an ONNX model, for ONNX Runtime (Java,
 * Python, C#, the browser), NVIDIA Triton, or any other ONNX consumer.
 *
 * <p>The model has one input, {@value #INPUT_NAME}, of shape {@code [batch, inputSize]}, and one
 * output, {@value #OUTPUT_NAME}, of shape {@code [batch, outputSize]}; {@code batch} is a dynamic
 * dimension. Both have the element type of the chosen {@link OnnxPrecision}. The file is ONNX IR
 * version {@value #IR_VERSION} with the default opset {@value #OPSET} and no other domain.
 *
 * <p>A saved model's scalers become part of the graph: the ONNX model takes raw features, as
 * {@link SavedModel#predict(io.github.diynn.core.Matrix)} does, and returns outputs in the targets'
 * units; a classifier returns its softmax (or sigmoid) probabilities. The names of the inputs,
 * targets and classes, the diynn version, the creation time and the training summary go into the
 * model's {@code metadata_props}, under the keys listed in {@code docs/onnx.md} ({@code diynn.*});
 * name lists are JSON arrays of strings.
 *
 * <p>The export is deterministic: the same model and precision always give the same bytes. Every
 * activation diynn has is exported; a {@link OnnxPrecision#FLOAT} export refuses, before writing
 * anything, a parameter that overflows a float.
 *
 * <pre>{@code
 * OnnxExport.save(model, file, OnnxPrecision.FLOAT);           // a Network or a SavedModel
 * byte[] bytes = OnnxExport.toBytes(model, OnnxPrecision.DOUBLE); // the same graph in doubles
 * }</pre>
 */
public final class OnnxExport {

    /** The name of the graph's input, a {@code [batch, inputSize]} tensor of raw features. */
    public static final String INPUT_NAME = "input";

    /** The name of the graph's output, a {@code [batch, outputSize]} tensor. */
    public static final String OUTPUT_NAME = "output";

    /** The ONNX IR version written. */
    public static final long IR_VERSION = GraphWriter.IR_VERSION;

    /** The version of the default ONNX operator set written. */
    public static final long OPSET = GraphWriter.OPSET;

    private OnnxExport() {
    }

    /**
     * Encodes a network without scalers or names.
     *
     * @param network the network
     * @param precision the element type of the exported model
     * @return a new array holding the ONNX model
     * @throws IllegalArgumentException if an argument is null, or a {@link OnnxPrecision#FLOAT}
     *     export meets a parameter that overflows a float (the layer and index named)
     */
    public static byte[] toBytes(Network network, OnnxPrecision precision) {
        requireNonNull(network, "network");
        requireNonNull(precision, "precision");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("diynn.library_version", ModelFile.LIBRARY_VERSION);
        return GraphWriter.encode(network, null, null, metadata, precision);
    }

    /**
     * Encodes a saved model: its network, its scalers as nodes of the graph, and its names and
     * metadata in {@code metadata_props}.
     *
     * @param model the model
     * @param precision the element type of the exported model
     * @return a new array holding the ONNX model
     * @throws IllegalArgumentException if an argument is null, or a {@link OnnxPrecision#FLOAT}
     *     export meets a parameter or scaler value that overflows a float, or a scale that rounds to
     *     0 (the value named)
     */
    public static byte[] toBytes(SavedModel model, OnnxPrecision precision) {
        requireNonNull(model, "model");
        requireNonNull(precision, "precision");
        ModelMetadata about = model.metadata();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("diynn.library_version", about.libraryVersion());
        metadata.put("diynn.created_at", about.createdAt().toString());
        metadata.put("diynn.training_summary", about.trainingSummary());
        if (!model.inputNames().isEmpty()) {
            metadata.put("diynn.input_names", JsonStrings.encode(model.inputNames()));
        }
        if (!model.targetNames().isEmpty()) {
            metadata.put("diynn.target_names", JsonStrings.encode(model.targetNames()));
        }
        if (!model.classLabels().isEmpty()) {
            metadata.put("diynn.class_labels", JsonStrings.encode(model.classLabels()));
        }
        model.inputScaler().ifPresent(scaler -> metadata.put("diynn.input_scaler", scaler.kind().id()));
        model.targetScaler().ifPresent(scaler -> metadata.put("diynn.target_scaler", scaler.kind().id()));
        return GraphWriter.encode(model.network(), model.inputScaler().orElse(null),
                model.targetScaler().orElse(null), metadata, precision);
    }

    /**
     * Writes a network as ONNX to a stream, which is flushed but not closed.
     *
     * @param network the network
     * @param out the stream
     * @param precision the element type of the exported model
     * @throws IOException if writing fails
     * @throws IllegalArgumentException as {@link #toBytes(Network, OnnxPrecision)}, or if {@code out}
     *     is null; nothing is written then
     */
    public static void write(Network network, OutputStream out, OnnxPrecision precision) throws IOException {
        requireNonNull(out, "output stream");
        byte[] bytes = toBytes(network, precision);
        out.write(bytes);
        out.flush();
    }

    /**
     * Writes a saved model as ONNX to a stream, which is flushed but not closed.
     *
     * @param model the model
     * @param out the stream
     * @param precision the element type of the exported model
     * @throws IOException if writing fails
     * @throws IllegalArgumentException as {@link #toBytes(SavedModel, OnnxPrecision)}, or if
     *     {@code out} is null; nothing is written then
     */
    public static void write(SavedModel model, OutputStream out, OnnxPrecision precision) throws IOException {
        requireNonNull(out, "output stream");
        byte[] bytes = toBytes(model, precision);
        out.write(bytes);
        out.flush();
    }

    /**
     * Saves a network as an ONNX file atomically: a temporary file in the target's folder, forced to
     * disk, then moved over the target, so the target is either the whole new file or unchanged.
     *
     * @param network the network
     * @param target the file to create or replace, usually {@code *.onnx}; its folder must exist
     * @param precision the element type of the exported model
     * @throws IOException if writing, forcing or moving fails (the target is then unchanged)
     * @throws IllegalArgumentException as {@link #toBytes(Network, OnnxPrecision)}, or if
     *     {@code target} is null or not a file in a folder; nothing is written then
     */
    public static void save(Network network, Path target, OnnxPrecision precision) throws IOException {
        requireNonNull(target, "target path");
        byte[] bytes = toBytes(network, precision);
        AtomicSave.save(target, "ONNX model", out -> out.write(bytes));
    }

    /**
     * Saves a saved model as an ONNX file atomically, as {@link #save(Network, Path, OnnxPrecision)}.
     *
     * @param model the model
     * @param target the file to create or replace; its folder must exist
     * @param precision the element type of the exported model
     * @throws IOException if writing, forcing or moving fails (the target is then unchanged)
     * @throws IllegalArgumentException as {@link #toBytes(SavedModel, OnnxPrecision)}, or if
     *     {@code target} is null or not a file in a folder; nothing is written then
     */
    public static void save(SavedModel model, Path target, OnnxPrecision precision) throws IOException {
        requireNonNull(target, "target path");
        byte[] bytes = toBytes(model, precision);
        AtomicSave.save(target, "ONNX model", out -> out.write(bytes));
    }

    /** The layer sizes and activations, for example {@code 4-8-3 (RELU, SOFTMAX)}. */
    static String describe(Network network) {
        StringJoiner sizes = new StringJoiner("-");
        StringJoiner activations = new StringJoiner(", ", " (", ")");
        sizes.add(Integer.toString(network.inputSize()));
        for (DenseLayer layer : network.layers()) {
            sizes.add(Integer.toString(layer.outputSize()));
            activations.add(layer.activation().toString());
        }
        return sizes + activations.toString();
    }

    private static void requireNonNull(Object value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
    }
}
