package io.github.diynn.onnx;

import io.github.diynn.core.Matrix;
import io.github.diynn.onnx.OnnxProto.Attribute;
import io.github.diynn.onnx.OnnxProto.Node;
import io.github.diynn.onnx.OnnxProto.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The named constants of a graph as {@link GraphReader} meets them: the initializers, then the
 * outputs of {@code Constant} and {@code Transpose}-of-a-constant nodes; and their reading as
 * weights (2-D), biases and scaler values (one row), with shapes and finiteness checked.
 */
final class GraphConstants {

    private final String source;
    private final Map<String, Tensor> tensors;

    GraphConstants(String source, Map<String, Tensor> initializers) {
        this.source = source;
        this.tensors = new HashMap<>(initializers);
    }

    boolean contains(String name) {
        return tensors.containsKey(name);
    }

    void constant(Node node) throws OnnxFormatException {
        NodeRules.requireAttributes(source, node, Set.of("value"));
        Attribute value = node.attributes().get("value");
        if (value == null || value.type() != OnnxProto.ATTRIBUTE_TENSOR || value.tensor() == null) {
            throw error(node.offset(), node.describe() + " has no tensor attribute 'value'; only tensor constants"
                    + " are supported");
        }
        tensors.put(node.outputs().get(0), value.tensor());
    }

    /**
     * Transpose of a 2-D constant, which PyTorch writes for the weights of a Linear without a bias
     * when constant folding is off: the result is a new constant. The running value is never
     * transposed (that would swap the batch and the features).
     */
    void transpose(Node node) throws OnnxFormatException {
        NodeRules.requireAttributes(source, node, Set.of("perm"));
        NodeRules.requireInputs(source, node, 1, 1);
        String name = node.inputs().get(0);
        if (!tensors.containsKey(name)) {
            throw error(node.offset(), node.describe() + " transposes '" + name + "'; only the transpose of a"
                    + " constant (weights) is supported");
        }
        Attribute perm = node.attributes().get("perm");
        if (perm != null && (perm.type() != OnnxProto.ATTRIBUTE_INTS
                || !Arrays.equals(perm.intValues(), new long[] {1, 0}))) {
            throw error(perm.offset(), node.describe() + " has perm " + Arrays.toString(perm.intValues())
                    + " (type " + perm.type() + "); only [1, 0] on a 2-D constant is supported");
        }
        Matrix transposed = matrix(node, name).transpose();
        tensors.put(node.outputs().get(0), new Tensor(node.outputs().get(0),
                new long[] {transposed.rows(), transposed.columns()}, OnnxProto.DOUBLE, null, 0, -1,
                transposed.toRowMajorArray(), transposed.rows() * transposed.columns(), false, node.offset()));
    }

    Matrix matrix(Node node, String name) throws OnnxFormatException {
        Tensor tensor = tensor(node, name);
        if (tensor.dims().length != 2) {
            throw error(node.offset(), node.describe() + ": weights '" + name + "' have shape "
                    + Arrays.toString(tensor.dims()) + "; a layer's weights are 2-D");
        }
        double[] values = tensor.values(source);
        try {
            return Matrix.of((int) tensor.dims()[0], (int) tensor.dims()[1], values);
        } catch (IllegalArgumentException e) {
            throw error(tensor.offset(), node.describe() + ": weights '" + name + "': " + e.getMessage());
        }
    }

    /** A bias: shape [n], [1, n], or a single value repeated n times. */
    Matrix row(Node node, String name, int columns) throws OnnxFormatException {
        try {
            return Matrix.rowVector(vector(node, name, columns));
        } catch (OnnxFormatException e) {
            throw e; // already names the place; it is an IllegalArgumentException too
        } catch (IllegalArgumentException e) {
            throw error(node.offset(), node.describe() + ": '" + name + "': " + e.getMessage());
        }
    }

    /**
     * A constant of one row: shape [], [n], or [1, n]. With {@code columns >= 0} it must have that many
     * values, or one value, which is repeated; with -1 any count is taken.
     */
    double[] vector(Node node, String name, int columns) throws OnnxFormatException {
        Tensor tensor = tensor(node, name);
        long[] dims = tensor.dims();
        if (dims.length > 2 || (dims.length == 2 && dims[0] != 1)) {
            throw error(node.offset(), node.describe() + ": '" + name + "' has shape " + Arrays.toString(dims)
                    + "; expected one value per column, shape [n] or [1, n]");
        }
        double[] values = tensor.values(source);
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                throw error(tensor.offset(), node.describe() + ": '" + name + "'[" + k + "] is " + values[k]);
            }
        }
        if (columns < 0 || values.length == columns) {
            return values;
        }
        if (values.length == 1) {
            double[] filled = new double[columns];
            Arrays.fill(filled, values[0]);
            return filled;
        }
        throw error(node.offset(), node.describe() + ": '" + name + "' has " + values.length + " values, expected "
                + columns);
    }

    private Tensor tensor(Node node, String name) throws OnnxFormatException {
        Tensor tensor = tensors.get(name);
        if (tensor == null) {
            throw error(node.offset(), node.describe() + " takes '" + name + "' where a constant is expected; it is"
                    + " neither an"
                    + " initializer nor the output of a Constant node");
        }
        return tensor;
    }

    private OnnxFormatException error(int offset, String detail) {
        return new OnnxFormatException(source, offset, detail);
    }
}
