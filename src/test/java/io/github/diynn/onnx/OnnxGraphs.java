package io.github.diynn.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built ONNX models for the import tests, written field by field with {@link ProtoWriter} so a
 * test can produce what other exporters write (transposed Gemm weights, typed float_data, Constant
 * nodes) and what no exporter should (wrong types, bad sizes).
 */
final class OnnxGraphs {

    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private int elementType = OnnxProto.FLOAT;
    private long opset = 13;
    private int inputColumns;

    OnnxGraphs(int inputColumns) {
        this.inputColumns = inputColumns;
    }

    OnnxGraphs elementType(int type) {
        this.elementType = type;
        return this;
    }

    OnnxGraphs opset(long version) {
        this.opset = version;
        return this;
    }

    /** A node with attributes made by {@link #intAttribute} and {@link #floatAttribute}. */
    OnnxGraphs node(String op, String name, List<String> inputs, String output, ProtoWriter... attributes) {
        ProtoWriter node = new ProtoWriter();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output).string(3, name).string(4, op);
        for (ProtoWriter attribute : attributes) {
            node.message(5, attribute);
        }
        nodes.add(node);
        return this;
    }

    /** A float initializer in raw_data. */
    OnnxGraphs floats(String name, long[] dims, double... values) {
        initializers.add(floatTensor(name, dims, values));
        return this;
    }

    /** A double initializer in double_data (packed), the typed field rather than raw_data. */
    OnnxGraphs typedDoubles(String name, long[] dims, double... values) {
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        byte[] packed = new byte[values.length * 8];
        for (int k = 0; k < values.length; k++) {
            long bits = Double.doubleToRawLongBits(values[k]);
            for (int b = 0; b < 8; b++) {
                packed[k * 8 + b] = (byte) (bits >>> (8 * b));
            }
        }
        tensor.varint(2, OnnxProto.DOUBLE).bytes(10, packed).string(8, name);
        initializers.add(tensor);
        return this;
    }

    /** A float initializer in float_data, one unpacked fixed32 field per value (legal protobuf). */
    OnnxGraphs typedFloats(String name, long[] dims, double... values) {
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        tensor.varint(2, OnnxProto.FLOAT);
        for (double value : values) {
            tensor.float32(4, (float) value);
        }
        initializers.add(tensor.string(8, name));
        return this;
    }

    /** Any initializer, written by the caller. */
    OnnxGraphs initializer(ProtoWriter tensor) {
        initializers.add(tensor);
        return this;
    }

    static ProtoWriter floatTensor(String name, long[] dims, double... values) {
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        byte[] raw = new byte[values.length * 4];
        for (int k = 0; k < values.length; k++) {
            int bits = Float.floatToRawIntBits((float) values[k]);
            for (int b = 0; b < 4; b++) {
                raw[k * 4 + b] = (byte) (bits >>> (8 * b));
            }
        }
        return tensor.varint(2, OnnxProto.FLOAT).string(8, name).bytes(9, raw);
    }

    static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, 2);
    }

    static ProtoWriter floatAttribute(String name, float value) {
        return new ProtoWriter().string(1, name).float32(2, value).varint(20, 1);
    }

    static ProtoWriter tensorAttribute(String name, ProtoWriter tensor) {
        return new ProtoWriter().string(1, name).message(5, tensor).varint(20, 4);
    }

    /** The model, with graph input "x" and output "y". */
    byte[] build() {
        return build("x", "y");
    }

    byte[] build(String input, String output) {
        ProtoWriter graph = new ProtoWriter();
        for (ProtoWriter node : nodes) {
            graph.message(1, node);
        }
        graph.string(2, "test");
        for (ProtoWriter initializer : initializers) {
            graph.message(5, initializer);
        }
        graph.message(11, value(input, inputColumns));
        graph.message(12, value(output, -1));
        return new ProtoWriter().varint(1, 8).string(2, "test-exporter").string(3, "1.0").message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, opset)).toByteArray();
    }

    private ProtoWriter value(String name, int columns) {
        ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, "batch"));
        shape.message(1, columns >= 0 ? new ProtoWriter().varint(1, columns) : new ProtoWriter().string(2, "out"));
        ProtoWriter tensor = new ProtoWriter().varint(1, elementType).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensor));
    }
}
