package io.github.diynn.onnx;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.LeakyRelu;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import io.github.diynn.io.ModelFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the ONNX {@code ModelProto} of a network with its optional scalers; {@link OnnxExport} is
 * the public face.
 *
 * <p>The graph is one chain from {@link OnnxExport#INPUT_NAME} to {@link OnnxExport#OUTPUT_NAME}:
 *
 * <pre>  input scaler:   Sub(x, offset), Div(., scale)          (no Sub for "max" scaling)
 *  each layer:     Gemm(., W, b) or MatMul(., W) without a bias, W in diynn's [in, out] layout
 *                  then Sigmoid, Tanh, Relu, LeakyRelu, Softmax(axis -1), or nothing for IDENTITY
 *  target scaler:  Mul(., scale), Add(., offset)           (no Add for "max" scaling)</pre>
 *
 * <p>These are the operations diynn itself performs, in the same order, so a double export computes
 * the same formula as {@code SavedModel.predict}. One exception: ONNX's LeakyRelu takes its slope
 * as a float32 attribute, so in a double export a slope that is not a float (0.01 is not), or that
 * the importer would not read back exactly (see {@link #leakyReluKeepsDoubleSlope(double)}), becomes
 * {@code Max(z, Mul(z, slope))} with the slope as a double initializer; for slopes in [0, 1] that
 * is {@code z} for {@code z > 0} and {@code slope * z} otherwise, diynn's formula. Field numbers
 * are those of {@code onnx/onnx.proto}.
 */
final class GraphWriter {

    /** ONNX IR version 8 (ONNX 1.10 to 1.12); with opset 17, ONNX Runtime 1.12 and later read it. */
    static final long IR_VERSION = 8;

    /**
     * Opset 17: Relu has double kernels from 14 and LeakyRelu runs in double from 16 (through its
     * function body); 17 is the newest opset of IR version 8, the one Debian's onnx 1.12 checks.
     */
    static final long OPSET = 17;

    private final OnnxPrecision precision;
    private final List<Node> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private String current = OnnxExport.INPUT_NAME;

    private GraphWriter(OnnxPrecision precision) {
        this.precision = precision;
    }

    /**
     * Encodes the model. The scalers may be null; the metadata entries are written in the map's
     * iteration order (callers pass an ordered map, so the bytes are deterministic).
     */
    static byte[] encode(Network network, Scaler inputScaler, Scaler targetScaler, Map<String, String> metadata,
            OnnxPrecision precision) {
        GraphWriter graph = new GraphWriter(precision);
        if (inputScaler != null) {
            graph.inputScaling(inputScaler);
        }
        List<DenseLayer> layers = network.layers();
        for (int l = 0; l < layers.size(); l++) {
            graph.layer(l + 1, layers.get(l));
        }
        if (targetScaler != null) {
            graph.targetScaling(targetScaler);
        }
        graph.renameLastOutput();
        return graph.model(network, metadata);
    }

    private void inputScaling(Scaler scaler) {
        if (scaler.kind() != Scaler.Kind.MAX) {
            node("Sub", "input_sub", "input_centred", List.of(current, constant("input_offset",
                    new long[] {scaler.columns()}, scaler.offsets())), List.of());
        }
        node("Div", "input_div", "input_scaled", List.of(current, constant("input_scale",
                new long[] {scaler.columns()}, scaler.scales())), List.of());
    }

    private void targetScaling(Scaler scaler) {
        node("Mul", "target_mul", "output_scaled", List.of(current, constant("target_scale",
                new long[] {scaler.columns()}, scaler.scales())), List.of());
        if (scaler.kind() != Scaler.Kind.MAX) {
            node("Add", "target_add", "output_shifted", List.of(current, constant("target_offset",
                    new long[] {scaler.columns()}, scaler.offsets())), List.of());
        }
    }

    private void layer(int number, DenseLayer layer) {
        String prefix = "layer" + number;
        Matrix weights = layer.weights();
        String w = constant(prefix + "_weights", new long[] {weights.rows(), weights.columns()},
                weights.toRowMajorArray());
        if (layer.hasBias()) {
            String b = constant(prefix + "_bias", new long[] {weights.columns()}, layer.bias().toRowMajorArray());
            node("Gemm", prefix + "_gemm", prefix + "_linear", List.of(current, w, b), List.of());
        } else {
            node("MatMul", prefix + "_matmul", prefix + "_linear", List.of(current, w), List.of());
        }
        Activation activation = layer.activation();
        String out = prefix + "_" + activation.name().toLowerCase(java.util.Locale.ROOT);
        if (activation.equals(Activation.IDENTITY)) {
            return;
        } else if (activation.equals(Activation.SIGMOID)) {
            node("Sigmoid", prefix + "_sigmoid", out, List.of(current), List.of());
        } else if (activation.equals(Activation.TANH)) {
            node("Tanh", prefix + "_tanh", out, List.of(current), List.of());
        } else if (activation.equals(Activation.RELU)) {
            node("Relu", prefix + "_relu", out, List.of(current), List.of());
        } else if (activation.equals(Activation.SOFTMAX)) {
            node("Softmax", prefix + "_softmax", out, List.of(current), List.of(intAttribute("axis", -1)));
        } else if (activation instanceof LeakyRelu leaky) {
            leakyRelu(prefix, out, leaky.slope());
        } else {
            throw new IllegalArgumentException("layer " + number + ": activation " + activation
                    + " has no ONNX export");
        }
    }

    private void leakyRelu(String prefix, String out, double slope) {
        if (precision == OnnxPrecision.FLOAT || leakyReluKeepsDoubleSlope(slope)) {
            ProtoWriter alpha = new ProtoWriter().string(1, "alpha").float32(2, (float) slope).varint(20, 1);
            node("LeakyRelu", prefix + "_leaky_relu", out, List.of(current), List.of(alpha));
            return;
        }
        String z = current;
        String s = constant(prefix + "_slope", new long[0], new double[] {slope});
        node("Mul", prefix + "_leaky_mul", prefix + "_leaky_negative", List.of(z, s), List.of());
        node("Max", prefix + "_leaky_max", out, List.of(z, current), List.of());
    }

    /**
     * Whether a double export may use the LeakyRelu node: its float32 alpha must be the slope
     * exactly (so ONNX Runtime computes diynn's numbers) and must read back as the slope (the
     * importer takes the shortest decimal of the float, which for 0.0244140625 is 0.024414062).
     */
    static boolean leakyReluKeepsDoubleSlope(double slope) {
        float alpha = (float) slope;
        return (double) alpha == slope && Double.parseDouble(Float.toString(alpha)) == slope;
    }

    /** Makes the last node write the graph's output (every network has at least one node). */
    private void renameLastOutput() {
        Node last = nodes.remove(nodes.size() - 1);
        nodes.add(new Node(last.op, last.name, OnnxExport.OUTPUT_NAME, last.inputs, last.attributes));
        current = OnnxExport.OUTPUT_NAME;
    }

    /** A node of the chain, encoded only at the end because the last one's output is renamed. */
    private record Node(String op, String name, String output, List<String> inputs, List<ProtoWriter> attributes) {
        ProtoWriter encode() {
            ProtoWriter node = new ProtoWriter();
            for (String input : inputs) {
                node.string(1, input);
            }
            node.string(2, output).string(3, name).string(4, op);
            for (ProtoWriter attribute : attributes) {
                node.message(5, attribute);
            }
            return node;
        }
    }

    private void node(String op, String name, String output, List<String> inputs, List<ProtoWriter> attributes) {
        nodes.add(new Node(op, name, output, inputs, attributes));
        current = output;
    }

    private static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, 2);
    }

    /** Adds an initializer in the export's precision and returns its name. */
    private String constant(String name, long[] dims, double[] values) {
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        tensor.varint(2, precision.elementType()).string(8, name).bytes(9, rawData(name, values));
        initializers.add(tensor);
        return name;
    }

    private byte[] rawData(String name, double[] values) {
        byte[] raw = new byte[values.length * precision.bytesPerValue()];
        for (int k = 0; k < values.length; k++) {
            long bits;
            if (precision == OnnxPrecision.DOUBLE) {
                bits = Double.doubleToRawLongBits(values[k]);
            } else {
                float narrowed = (float) values[k];
                if (Float.isInfinite(narrowed)) {
                    throw new IllegalArgumentException(name + "[" + k + "] = " + values[k] + " overflows a float;"
                            + " export it as OnnxPrecision.DOUBLE");
                }
                if (name.endsWith("_scale") && narrowed == 0.0f) {
                    throw new IllegalArgumentException(name + "[" + k + "] = " + values[k] + " is 0 as a float;"
                            + " export it as OnnxPrecision.DOUBLE");
                }
                bits = Float.floatToRawIntBits(narrowed) & 0xFFFFFFFFL;
            }
            for (int b = 0; b < precision.bytesPerValue(); b++) {
                raw[k * precision.bytesPerValue() + b] = (byte) (bits >>> (8 * b));
            }
        }
        return raw;
    }

    /** A graph input or output: name, {@code [batch, columns]} tensor type, and a doc string. */
    private ProtoWriter valueInfo(String name, int columns, String doc) {
        ProtoWriter shape = new ProtoWriter()
                .message(1, new ProtoWriter().string(2, "batch"))
                .message(1, new ProtoWriter().varint(1, columns));
        ProtoWriter tensor = new ProtoWriter().varint(1, precision.elementType()).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor)).string(3, doc);
    }

    private byte[] model(Network network, Map<String, String> metadata) {
        ProtoWriter graph = new ProtoWriter();
        for (Node node : nodes) {
            graph.message(1, node.encode());
        }
        graph.string(2, "diynn");
        for (ProtoWriter initializer : initializers) {
            graph.message(5, initializer);
        }
        String inputs = metadata.get("diynn.input_names");
        String labels = metadata.get("diynn.class_labels");
        String targets = metadata.get("diynn.target_names");
        graph.message(11, valueInfo(OnnxExport.INPUT_NAME, network.inputSize(),
                "raw features" + (inputs == null ? "" : " " + inputs)));
        graph.message(12, valueInfo(OnnxExport.OUTPUT_NAME, network.outputSize(),
                labels != null ? "class probabilities, labels " + labels
                        : targets != null ? "outputs " + targets : "outputs"));

        ProtoWriter model = new ProtoWriter()
                .varint(1, IR_VERSION)
                .string(2, "diynn")
                .string(3, ModelFile.LIBRARY_VERSION)
                .string(6, "diynn network " + OnnxExport.describe(network) + " in " + precision.name().toLowerCase(
                        java.util.Locale.ROOT))
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            model.message(14, new ProtoWriter().string(1, entry.getKey()).string(2, entry.getValue()));
        }
        return model.toByteArray();
    }
}
