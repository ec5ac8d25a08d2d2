package io.github.diynn.onnx;

import static io.github.diynn.onnx.NodeRules.floatAttribute;
import static io.github.diynn.onnx.NodeRules.intAttribute;
import static io.github.diynn.onnx.NodeRules.requireAttributes;
import static io.github.diynn.onnx.NodeRules.requireDomainAndOneOutput;
import static io.github.diynn.onnx.NodeRules.requireInputs;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.io.SavedModel;
import io.github.diynn.onnx.OnnxProto.Node;
import io.github.diynn.onnx.OnnxProto.Tensor;
import io.github.diynn.onnx.OnnxProto.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed ONNX graph into a {@link SavedModel}: walks the nodes in order (ONNX requires a
 * topological order) along one chain from the graph's single input to its single output.
 *
 * <p>The chain it accepts, each part optional except the layers:
 *
 * <pre>  input scaling:  Sub(x, offset), Div(x, scale)
 *  layers:         Gemm(x, W, C)  or  MatMul(x, W) [Add(x, b)]
 *                  then Sigmoid | Tanh | Relu | LeakyRelu | Softmax(last axis) | Mul + Max (a leaky ReLU)
 *  target scaling: Mul(x, scale), Add(x, offset)
 *  anywhere:       Identity, Flatten(axis 1) on the 2-D batch, Constant (a named tensor),
 *                  Transpose of a 2-D constant (a new constant)</pre>
 *
 * <p>A linear step not followed by an activation is a layer with the identity. Every other input of
 * a node must be a constant (an initializer or a Constant node's output); float constants widen to
 * double exactly. State: {@code weights} and {@code bias} hold the linear step waiting for its
 * activation ({@code weights == null} when none waits).
 */
final class GraphReader {

    private static final String SUPPORTED = "supported: Gemm, MatMul, Add, Sub, Div, Mul, Max (in Mul + Max, a leaky"
            + " ReLU), Sigmoid, Tanh, Relu, LeakyRelu, Softmax on the last axis, Identity, Flatten on a 2-D input,"
            + " Constant, Transpose of a constant";

    private final String source;
    private final GraphConstants constants;
    private final List<DenseLayer> layers = new ArrayList<>();
    private String current;
    private Matrix weights;
    private Matrix bias;
    private Node linearNode;
    private double[] inputOffsets;
    private double[] inputScales;
    private double[] targetScales;
    private double[] targetOffsets;

    private GraphReader(String source, Map<String, Tensor> initializers) {
        this.source = source;
        this.constants = new GraphConstants(source, initializers);
    }

    static SavedModel read(OnnxProto.Model model, String source) throws OnnxFormatException {
        OnnxProto.Graph graph = model.graph();
        GraphReader reader = new GraphReader(source, graph.initializers());
        Value input = reader.dataInput(graph);
        if (graph.outputs().size() != 1) {
            throw reader.error(0, "the graph has " + graph.outputs().size() + " outputs " + names(graph.outputs())
                    + "; a diynn network has exactly one");
        }
        Value output = graph.outputs().get(0);
        reader.current = input.name();
        List<Node> nodes = graph.nodes();
        for (int k = 0; k < nodes.size(); k++) {
            k = reader.step(nodes, k);
        }
        reader.closeLayer(Activation.IDENTITY);
        if (!reader.current.equals(output.name())) {
            throw reader.error(output.offset(), "the graph's output '" + output.name() + "' is not the end of the"
                    + " chain from its input '" + input.name() + "' (the chain ends at '" + reader.current + "')");
        }
        return reader.savedModel(input, model);
    }

    private Value dataInput(OnnxProto.Graph graph) throws OnnxFormatException {
        List<Value> inputs = new ArrayList<>();
        for (Value value : graph.inputs()) {
            if (!constants.contains(value.name())) {
                inputs.add(value);
            }
        }
        if (inputs.size() != 1) {
            throw error(0, "the graph has " + inputs.size() + " inputs that are not initializers " + names(inputs)
                    + "; a diynn network takes exactly one, a [batch, features] tensor");
        }
        Value input = inputs.get(0);
        if (input.elementType() != OnnxProto.FLOAT && input.elementType() != OnnxProto.DOUBLE) {
            throw error(input.offset(), "the graph input '" + input.name() + "' has element type "
                    + OnnxProto.dataTypeName(input.elementType()) + "; only FLOAT and DOUBLE are supported");
        }
        if (input.dims() != null && input.dims().length != 2) {
            throw error(input.offset(), "the graph input '" + input.name() + "' has shape "
                    + Arrays.toString(input.dims()) + "; a diynn network takes a 2-D [batch, features] tensor");
        }
        return input;
    }

    /** Interprets node {@code k}; returns the index of the last node it used (a leaky ReLU uses two). */
    private int step(List<Node> nodes, int k) throws OnnxFormatException {
        Node node = nodes.get(k);
        requireDomainAndOneOutput(source, node);
        String op = node.opType();
        if (op.equals("Constant")) {
            constants.constant(node);
            return k;
        }
        if (op.equals("Transpose")) {
            constants.transpose(node);
            return k;
        }
        switch (op) {
            case "Identity" -> pass(node, Set.of());
            case "Flatten" -> {
                long axis = intAttribute(source, node, "axis", 1);
                if (axis != 1 && axis != -1) {
                    throw error(node.offset(), node.describe() + " has axis " + axis + "; on the 2-D batch only"
                            + " axis 1 (which changes nothing) is supported");
                }
                pass(node, Set.of("axis"));
            }
            case "Gemm" -> gemm(node);
            case "MatMul" -> matMul(node);
            case "Add" -> add(node);
            case "Sub" -> inputOffset(node);
            case "Div" -> inputScale(node);
            case "Mul" -> {
                return mul(nodes, k);
            }
            case "Sigmoid" -> activation(node, Activation.SIGMOID, Set.of());
            case "Tanh" -> activation(node, Activation.TANH, Set.of());
            case "Relu" -> activation(node, Activation.RELU, Set.of());
            case "LeakyRelu" -> leakyRelu(node);
            case "Softmax" -> {
                long axis = intAttribute(source, node, "axis", -1);
                if (axis != 1 && axis != -1) {
                    throw error(node.offset(), node.describe() + " has axis " + axis + "; only the last axis (1 or"
                            + " -1 on the 2-D batch) is supported");
                }
                activation(node, Activation.SOFTMAX, Set.of("axis"));
            }
            default -> throw error(node.offset(), node.describe() + " is not supported; " + SUPPORTED);
        }
        return k;
    }

    /** A node that passes its one input through unchanged. */
    private void pass(Node node, Set<String> attributes) throws OnnxFormatException {
        requireAttributes(source, node, attributes);
        requireInputs(source, node, 1, 1);
        requireCurrent(node, node.inputs().get(0));
        current = node.outputs().get(0);
    }

    private void gemm(Node node) throws OnnxFormatException {
        requireAttributes(source, node, Set.of("alpha", "beta", "transA", "transB"));
        requireInputs(source, node, 2, 3);
        requireCurrent(node, node.inputs().get(0));
        startLinear(node);
        if (intAttribute(source, node, "transA", 0) != 0) {
            throw error(node.offset(), node.describe() + " has transA = 1; a layer's input is the [batch, features]"
                    + " batch itself");
        }
        Matrix w = constants.matrix(node, node.inputs().get(1));
        if (intAttribute(source, node, "transB", 0) != 0) {
            w = w.transpose();
        }
        double alpha = floatAttribute(source, node, "alpha", 1.0f);
        weights = alpha == 1.0 ? w : finite(node, w.scale(alpha));
        bias = null;
        if (node.inputs().size() == 3 && !node.inputs().get(2).isEmpty()) {
            double beta = floatAttribute(source, node, "beta", 1.0f);
            Matrix c = constants.row(node, node.inputs().get(2), weights.columns());
            bias = beta == 1.0 ? c : finite(node, c.scale(beta));
        }
        current = node.outputs().get(0);
    }

    private void matMul(Node node) throws OnnxFormatException {
        requireAttributes(source, node, Set.of());
        requireInputs(source, node, 2, 2);
        requireCurrent(node, node.inputs().get(0));
        startLinear(node);
        weights = constants.matrix(node, node.inputs().get(1));
        bias = null;
        current = node.outputs().get(0);
    }

    /** Before a new linear step, a waiting one becomes a layer with the identity. */
    private void startLinear(Node node) throws OnnxFormatException {
        if (targetScales != null || targetOffsets != null) {
            throw error(node.offset(), node.describe() + " follows the output scaling (Mul/Add after the last"
                    + " activation); only a final scaling of the outputs is supported");
        }
        closeLayer(Activation.IDENTITY);
        linearNode = node;
    }

    private void add(Node node) throws OnnxFormatException {
        requireAttributes(source, node, Set.of());
        String other = otherInput(node);
        if (weights != null && targetScales == null) {
            Matrix b = constants.row(node, other, weights.columns());
            bias = bias == null ? b : finite(node, bias.plus(b));
        } else if (!layers.isEmpty() || weights != null) {
            closeLayer(Activation.IDENTITY);
            if (targetOffsets != null) {
                throw error(node.offset(), node.describe() + " adds a second offset to the outputs");
            }
            targetOffsets = constants.vector(node, other, outputSize());
        } else {
            throw error(node.offset(), node.describe() + " comes before the first layer; the input scaling"
                    + " supported is Sub(x, offset) then Div(x, scale)");
        }
        current = node.outputs().get(0);
    }

    private void inputOffset(Node node) throws OnnxFormatException {
        requireAttributes(source, node, Set.of());
        requireInputs(source, node, 2, 2);
        requireCurrent(node, node.inputs().get(0));
        if (!layers.isEmpty() || weights != null || inputOffsets != null || inputScales != null) {
            throw error(node.offset(), node.describe() + " is supported only as the first node of the input"
                    + " scaling, Sub(x, offset) then Div(x, scale)");
        }
        inputOffsets = constants.vector(node, node.inputs().get(1), -1);
        current = node.outputs().get(0);
    }

    private void inputScale(Node node) throws OnnxFormatException {
        requireAttributes(source, node, Set.of());
        requireInputs(source, node, 2, 2);
        requireCurrent(node, node.inputs().get(0));
        if (!layers.isEmpty() || weights != null || inputScales != null) {
            throw error(node.offset(), node.describe() + " is supported only in the input scaling, Sub(x, offset)"
                    + " then Div(x, scale)");
        }
        inputScales = constants.vector(node, node.inputs().get(1), inputOffsets == null ? -1 : inputOffsets.length);
        current = node.outputs().get(0);
    }

    /** Mul: with the next node Max(z, Mul(z, slope)), a leaky ReLU; else the output scaling. */
    private int mul(List<Node> nodes, int k) throws OnnxFormatException {
        Node node = nodes.get(k);
        requireAttributes(source, node, Set.of());
        String other = otherInput(node);
        String z = current;
        String product = node.outputs().get(0);
        if (weights != null && k + 1 < nodes.size() && nodes.get(k + 1).opType().equals("Max")) {
            Node max = nodes.get(k + 1);
            requireDomainAndOneOutput(source, max);
            requireAttributes(source, max, Set.of());
            requireInputs(source, max, 2, 2);
            if (!Set.copyOf(max.inputs()).equals(Set.of(z, product))) {
                throw error(max.offset(), max.describe() + " takes " + max.inputs() + "; a leaky ReLU is Max(z,"
                        + " Mul(z, slope)) with z = '" + z + "'");
            }
            double[] slope = constants.vector(node, other, 1);
            closeLayer(slope(node, slope[0]));
            current = max.outputs().get(0);
            return k + 1;
        }
        if (layers.isEmpty() && weights == null) {
            throw error(node.offset(), node.describe() + " comes before the first layer; the input scaling"
                    + " supported is Sub(x, offset) then Div(x, scale)");
        }
        closeLayer(Activation.IDENTITY);
        if (targetScales != null || targetOffsets != null) {
            throw error(node.offset(), node.describe() + " scales the outputs again; the output scaling supported is"
                    + " Mul(x, scale) then Add(x, offset)");
        }
        targetScales = constants.vector(node, other, outputSize());
        current = product;
        return k;
    }

    private void leakyRelu(Node node) throws OnnxFormatException {
        // The attribute is a float32; the shortest decimal that rounds to it is the slope that was meant
        // (PyTorch's 0.01 is written as the float nearest 0.01 and read back as 0.01).
        double slope = Double.parseDouble(Float.toString(floatAttribute(source, node, "alpha", 0.01f)));
        activation(node, slope(node, slope), Set.of("alpha"));
    }

    private Activation slope(Node node, double slope) throws OnnxFormatException {
        if (!(slope >= 0.0 && slope <= 1.0)) {
            throw error(node.offset(), node.describe() + " has slope " + slope + "; diynn's leaky ReLU takes a slope"
                    + " in [0, 1]");
        }
        return Activation.leakyRelu(slope);
    }

    private void activation(Node node, Activation activation, Set<String> attributes) throws OnnxFormatException {
        requireAttributes(source, node, attributes);
        requireInputs(source, node, 1, 1);
        requireCurrent(node, node.inputs().get(0));
        if (weights == null) {
            throw error(node.offset(), node.describe() + " does not follow a linear step (Gemm, or MatMul with an"
                    + " optional Add); each activation must end a layer");
        }
        closeLayer(activation);
        current = node.outputs().get(0);
    }

    private void closeLayer(Activation activation) throws OnnxFormatException {
        if (weights == null) {
            return;
        }
        try {
            DenseLayer layer = bias == null ? DenseLayer.of(weights, activation)
                    : DenseLayer.of(weights, bias, activation);
            if (!layers.isEmpty() && layers.get(layers.size() - 1).outputSize() != layer.inputSize()) {
                throw error(linearNode.offset(), linearNode.describe() + " takes " + layer.inputSize()
                        + " inputs but the layer before gives " + layers.get(layers.size() - 1).outputSize());
            }
            layers.add(layer);
        } catch (OnnxFormatException e) {
            throw e; // already names the place; it is an IllegalArgumentException too
        } catch (IllegalArgumentException e) {
            throw error(linearNode.offset(), linearNode.describe() + ": " + e.getMessage());
        }
        weights = null;
        bias = null;
    }

    private int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    private SavedModel savedModel(Value input, OnnxProto.Model model) throws OnnxFormatException {
        if (layers.isEmpty()) {
            throw error(0, "the graph has no layer (Gemm or MatMul); " + SUPPORTED);
        }
        Network network = Network.of(layers);
        if (input.dims() != null && input.dims()[1] >= 0 && input.dims()[1] != network.inputSize()) {
            throw error(input.offset(), "the graph input '" + input.name() + "' has " + input.dims()[1]
                    + " features but the first layer takes " + network.inputSize());
        }
        return ImportedModel.assemble(network, model, source, new double[][] {inputOffsets, inputScales},
                new double[][] {targetOffsets, targetScales});
    }

    private Matrix finite(Node node, Matrix matrix) throws OnnxFormatException {
        if (!matrix.isFinite()) {
            throw error(node.offset(), node.describe() + ": alpha or beta makes a parameter overflow");
        }
        return matrix;
    }

    /** The input of a two-input node that is not the running value (either order, as Add and Mul commute). */
    private String otherInput(Node node) throws OnnxFormatException {
        requireInputs(source, node, 2, 2);
        if (node.inputs().get(0).equals(current)) {
            return node.inputs().get(1);
        }
        requireCurrent(node, node.inputs().get(1));
        return node.inputs().get(0);
    }

    private void requireCurrent(Node node, String input) throws OnnxFormatException {
        if (!input.equals(current)) {
            throw error(node.offset(), node.describe() + " takes '" + input + "' where the chain's running value is '"
                    + current + "'; only a single chain of layers is supported");
        }
    }

    /** The first ten names, shortened, for messages. */
    private static List<String> names(List<Value> values) {
        List<String> names = new ArrayList<>();
        for (Value value : values.subList(0, Math.min(10, values.size()))) {
            names.add(OnnxProto.shorten(value.name()));
        }
        if (values.size() > 10) {
            names.add("...");
        }
        return names;
    }

    private OnnxFormatException error(int offset, String detail) {
        return new OnnxFormatException(source, offset, detail);
    }
}
