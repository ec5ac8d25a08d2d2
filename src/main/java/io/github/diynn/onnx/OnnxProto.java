package io.github.diynn.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX {@code ModelProto} the importer reads, parsed from the wire format into plain
 * records; {@link GraphReader} gives them meaning.
 *
 * <p>Fields are matched by the numbers of {@code onnx/onnx.proto}; a known field with the wrong wire
 * type is refused, unknown fields are skipped (protobuf's rule, so newer files still parse). Every
 * record keeps the byte offset where its message starts, for error messages. Tensor values stay in
 * the input array until {@link Tensor#values()} decodes them, after checking that the declared
 * dimensions match the bytes present.
 */
final class OnnxProto {

    static final int FLOAT = 1;
    static final int DOUBLE = 11;
    static final int ATTRIBUTE_FLOAT = 1;
    static final int ATTRIBUTE_INT = 2;
    static final int ATTRIBUTE_TENSOR = 4;
    static final int ATTRIBUTE_INTS = 7;

    private OnnxProto() {
    }

    record Model(long opset, String producer, Graph graph, Map<String, String> metadata) {
    }

    record Graph(List<Node> nodes, Map<String, Tensor> initializers, List<Value> inputs, List<Value> outputs) {
    }

    record Node(String name, String opType, String domain, List<String> inputs, List<String> outputs,
            Map<String, Attribute> attributes, int offset) {

        /** The node as messages name it: {@code node 'fc1' (Gemm)}, or its index when it has no name. */
        String describe() {
            return "node '" + shorten(name) + "' (" + shorten(opType) + ")";
        }
    }

    record Attribute(String name, int type, float floatValue, long intValue, long[] intValues, Tensor tensor,
            int offset) {
    }

    /** A graph input or output: its name, element type (0 if absent) and dimensions (-1 when symbolic). */
    record Value(String name, int elementType, long[] dims, int offset) {
    }

    /** A tensor; its values are decoded on demand from raw_data, float_data or double_data. */
    record Tensor(String name, long[] dims, int dataType, byte[] bytes, int rawStart, int rawLength, double[] typed,
            int typedCount, boolean external, int offset) {

        long elementCount(String source) throws OnnxFormatException {
            long count = 1;
            for (long dim : dims) {
                if (dim < 0) {
                    throw new OnnxFormatException(source, offset, "tensor '" + name + "' has a negative dimension "
                            + Arrays.toString(dims));
                }
                if (dim != 0 && count > Integer.MAX_VALUE / dim) {
                    throw new OnnxFormatException(source, offset, "tensor '" + name + "' dimensions "
                            + Arrays.toString(dims) + " exceed " + Integer.MAX_VALUE + " values");
                }
                count *= dim;
            }
            return count;
        }

        /** The values as doubles (floats widened exactly), after checking type, size and location. */
        double[] values(String source) throws OnnxFormatException {
            if (external) {
                throw new OnnxFormatException(source, offset, "tensor '" + name + "' keeps its data in an external"
                        + " file; only data inside the model is supported (save it with all tensors inline)");
            }
            if (dataType != FLOAT && dataType != DOUBLE) {
                throw new OnnxFormatException(source, offset, "tensor '" + name + "' has data type "
                        + dataTypeName(dataType) + "; only FLOAT (1) and DOUBLE (11) are supported");
            }
            long count = elementCount(source);
            int size = dataType == FLOAT ? 4 : 8;
            if (rawLength >= 0) {
                if (rawLength != count * size) {
                    throw new OnnxFormatException(source, offset, "tensor '" + name + "' has dimensions "
                            + Arrays.toString(dims) + " (" + count + " values) but " + rawLength + " bytes of raw_data"
                            + " (" + size + " per value)");
                }
                double[] values = new double[(int) count];
                for (int k = 0; k < values.length; k++) {
                    long bits = 0;
                    for (int b = 0; b < size; b++) {
                        bits |= (bytes[rawStart + k * size + b] & 0xFFL) << (8 * b);
                    }
                    values[k] = size == 4 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
                }
                return values;
            }
            if (typedCount != count) {
                throw new OnnxFormatException(source, offset, "tensor '" + name + "' has dimensions "
                        + Arrays.toString(dims) + " (" + count + " values) but " + typedCount + " values in "
                        + (dataType == FLOAT ? "float_data" : "double_data"));
            }
            return Arrays.copyOf(typed, typedCount);
        }
    }

    /** A name as messages show it: at most 100 characters, so that a hostile name cannot flood a message. */
    static String shorten(String name) {
        return name.length() <= 100 ? name : name.substring(0, 100) + "...(" + name.length() + " characters)";
    }

    static String dataTypeName(int type) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING",
            "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return (type >= 0 && type < names.length ? names[type] : "unknown") + " (" + type + ")";
    }

    static Model model(ProtoReader in) throws OnnxFormatException {
        long opset = -1;
        String producerName = "";
        String producerVersion = "";
        Graph graph = null;
        Map<String, String> metadata = new LinkedHashMap<>();
        while (in.hasMore()) {
            long key = in.key();
            switch (field(key)) {
                case 2 -> producerName = string(in, key, "ModelProto.producer_name");
                case 3 -> producerVersion = string(in, key, "ModelProto.producer_version");
                case 7 -> graph = graph(message(in, key, "ModelProto.graph"));
                case 8 -> {
                    ProtoReader set = message(in, key, "ModelProto.opset_import");
                    String domain = "";
                    long version = -1;
                    while (set.hasMore()) {
                        long k = set.key();
                        switch (field(k)) {
                            case 1 -> domain = string(set, k, "OperatorSetIdProto.domain");
                            case 2 -> version = varint(set, k, "OperatorSetIdProto.version");
                            default -> set.skip(wireType(k));
                        }
                    }
                    if (domain.isEmpty() || domain.equals("ai.onnx")) {
                        opset = version;
                    }
                }
                case 14 -> {
                    ProtoReader entry = message(in, key, "ModelProto.metadata_props");
                    String name = "";
                    String value = "";
                    while (entry.hasMore()) {
                        long k = entry.key();
                        switch (field(k)) {
                            case 1 -> name = string(entry, k, "StringStringEntryProto.key");
                            case 2 -> value = string(entry, k, "StringStringEntryProto.value");
                            default -> entry.skip(wireType(k));
                        }
                    }
                    metadata.put(name, value);
                }
                default -> in.skip(wireType(key));
            }
        }
        if (graph == null) {
            throw in.error(0, "the model has no graph (ModelProto field 7); is this an ONNX file?");
        }
        return new Model(opset, (producerName + " " + producerVersion).strip(), graph, metadata);
    }

    private static Graph graph(ProtoReader in) throws OnnxFormatException {
        List<Node> nodes = new ArrayList<>();
        Map<String, Tensor> initializers = new LinkedHashMap<>();
        List<Value> inputs = new ArrayList<>();
        List<Value> outputs = new ArrayList<>();
        while (in.hasMore()) {
            long key = in.key();
            switch (field(key)) {
                case 1 -> nodes.add(node(message(in, key, "GraphProto.node")));
                case 5 -> {
                    Tensor tensor = tensor(message(in, key, "GraphProto.initializer"));
                    initializers.put(tensor.name(), tensor);
                }
                case 11 -> inputs.add(value(message(in, key, "GraphProto.input")));
                case 12 -> outputs.add(value(message(in, key, "GraphProto.output")));
                default -> in.skip(wireType(key));
            }
        }
        return new Graph(nodes, initializers, inputs, outputs);
    }

    private static Node node(ProtoReader in) throws OnnxFormatException {
        int offset = in.position();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        String name = "";
        String op = "";
        String domain = "";
        while (in.hasMore()) {
            long key = in.key();
            switch (field(key)) {
                case 1 -> inputs.add(string(in, key, "NodeProto.input"));
                case 2 -> outputs.add(string(in, key, "NodeProto.output"));
                case 3 -> name = string(in, key, "NodeProto.name");
                case 4 -> op = string(in, key, "NodeProto.op_type");
                case 5 -> {
                    Attribute attribute = attribute(message(in, key, "NodeProto.attribute"));
                    attributes.put(attribute.name(), attribute);
                }
                case 7 -> domain = string(in, key, "NodeProto.domain");
                default -> in.skip(wireType(key));
            }
        }
        return new Node(name, op, domain, inputs, outputs, attributes, offset);
    }

    private static Attribute attribute(ProtoReader in) throws OnnxFormatException {
        int offset = in.position();
        String name = "";
        int type = 0;
        float f = 0;
        long i = 0;
        long[] ints = new long[0];
        int intCount = 0;
        Tensor t = null;
        while (in.hasMore()) {
            long key = in.key();
            switch (field(key)) {
                case 1 -> name = string(in, key, "AttributeProto.name");
                case 2 -> {
                    expect(in, key, ProtoReader.FIXED32, "AttributeProto.f");
                    f = Float.intBitsToFloat(in.fixed32());
                }
                case 3 -> i = varint(in, key, "AttributeProto.i");
                case 5 -> t = tensor(message(in, key, "AttributeProto.t"));
                case 8 -> {
                    if (wireType(key) == ProtoReader.LENGTH_DELIMITED) {
                        ProtoReader packed = in.message();
                        while (packed.hasMore()) {
                            ints = grow(ints, intCount);
                            ints[intCount++] = packed.varint();
                        }
                    } else {
                        ints = grow(ints, intCount);
                        ints[intCount++] = varint(in, key, "AttributeProto.ints");
                    }
                }
                case 20 -> type = (int) varint(in, key, "AttributeProto.type");
                default -> in.skip(wireType(key));
            }
        }
        return new Attribute(name, type, f, i, Arrays.copyOf(ints, intCount), t, offset);
    }

    private static Tensor tensor(ProtoReader in) throws OnnxFormatException {
        int offset = in.position();
        long[] dims = new long[0];
        int dimCount = 0;
        int dataType = 0;
        String name = "";
        int rawStart = 0;
        int rawLength = -1;
        double[] typed = new double[0];
        int typedCount = 0;
        boolean external = false;
        int[] length = new int[1];
        while (in.hasMore()) {
            long key = in.key();
            int field = field(key);
            int wire = wireType(key);
            switch (field) {
                case 1 -> {
                    if (wire == ProtoReader.LENGTH_DELIMITED) {
                        ProtoReader packed = in.message();
                        while (packed.hasMore()) {
                            dims = grow(dims, dimCount);
                            dims[dimCount++] = packed.varint();
                        }
                    } else {
                        expect(in, key, ProtoReader.VARINT, "TensorProto.dims");
                        dims = grow(dims, dimCount);
                        dims[dimCount++] = in.varint();
                    }
                }
                case 2 -> dataType = (int) varint(in, key, "TensorProto.data_type");
                case 4, 10 -> {
                    int size = field == 4 ? 4 : 8;
                    int single = field == 4 ? ProtoReader.FIXED32 : ProtoReader.FIXED64;
                    String what = field == 4 ? "TensorProto.float_data" : "TensorProto.double_data";
                    if (wire == ProtoReader.LENGTH_DELIMITED) {
                        int start = in.bytesStart(length);
                        if (length[0] % size != 0) {
                            throw in.error(in.fieldStart(), what + " holds " + length[0] + " bytes, not a multiple of "
                                    + size);
                        }
                        ProtoReader packed = new ProtoReader(in.data(), start, start + length[0], in.source());
                        if (typedCount + length[0] / size > typed.length) {
                            // Geometric growth: many small packed chunks must not copy quadratically.
                            typed = Arrays.copyOf(typed, Math.max(typedCount + length[0] / size, typed.length * 2));
                        }
                        while (packed.hasMore()) {
                            typed[typedCount++] = size == 4 ? Float.intBitsToFloat(packed.fixed32())
                                    : Double.longBitsToDouble(packed.fixed64());
                        }
                    } else {
                        expect(in, key, single, what);
                        if (typedCount == typed.length) {
                            typed = Arrays.copyOf(typed, Math.max(8, typed.length * 2));
                        }
                        typed[typedCount++] = size == 4 ? Float.intBitsToFloat(in.fixed32())
                                : Double.longBitsToDouble(in.fixed64());
                    }
                }
                case 3 -> throw in.error(in.fieldStart(), "tensor segments (TensorProto.segment) are not supported");
                case 8 -> name = string(in, key, "TensorProto.name");
                case 9 -> {
                    expect(in, key, ProtoReader.LENGTH_DELIMITED, "TensorProto.raw_data");
                    rawStart = in.bytesStart(length);
                    rawLength = length[0];
                }
                case 13 -> {
                    expect(in, key, ProtoReader.LENGTH_DELIMITED, "TensorProto.external_data");
                    in.skip(wire);
                    external = true;
                }
                case 14 -> external |= varint(in, key, "TensorProto.data_location") == 1;
                default -> in.skip(wire);
            }
        }
        return new Tensor(name, Arrays.copyOf(dims, dimCount), dataType, in.data(), rawStart, rawLength, typed,
                typedCount, external, offset);
    }

    private static Value value(ProtoReader in) throws OnnxFormatException {
        int offset = in.position();
        String name = "";
        int elementType = 0;
        long[] dims = null;
        while (in.hasMore()) {
            long key = in.key();
            switch (field(key)) {
                case 1 -> name = string(in, key, "ValueInfoProto.name");
                case 2 -> {
                    ProtoReader type = message(in, key, "ValueInfoProto.type");
                    while (type.hasMore()) {
                        long k = type.key();
                        if (field(k) != 1) {
                            type.skip(wireType(k));
                            continue;
                        }
                        ProtoReader tensor = message(type, k, "TypeProto.tensor_type");
                        while (tensor.hasMore()) {
                            long t = tensor.key();
                            if (field(t) == 1) {
                                elementType = (int) varint(tensor, t, "TypeProto.Tensor.elem_type");
                            } else if (field(t) == 2) {
                                dims = shape(message(tensor, t, "TypeProto.Tensor.shape"));
                            } else {
                                tensor.skip(wireType(t));
                            }
                        }
                    }
                }
                default -> in.skip(wireType(key));
            }
        }
        return new Value(name, elementType, dims, offset);
    }

    private static long[] shape(ProtoReader in) throws OnnxFormatException {
        long[] dims = new long[0];
        int count = 0;
        while (in.hasMore()) {
            long key = in.key();
            if (field(key) != 1) {
                in.skip(wireType(key));
                continue;
            }
            ProtoReader dim = message(in, key, "TensorShapeProto.dim");
            long value = -1;
            while (dim.hasMore()) {
                long k = dim.key();
                if (field(k) == 1) {
                    value = varint(dim, k, "Dimension.dim_value");
                } else {
                    dim.skip(wireType(k));
                }
            }
            dims = grow(dims, count);
            dims[count++] = value;
        }
        return Arrays.copyOf(dims, count);
    }

    private static long[] grow(long[] values, int count) {
        return count < values.length ? values : Arrays.copyOf(values, Math.max(4, values.length * 2));
    }

    private static int field(long key) {
        return (int) (key >>> 3);
    }

    private static int wireType(long key) {
        return (int) (key & 7);
    }

    private static void expect(ProtoReader in, long key, int wireType, String what) throws OnnxFormatException {
        if (wireType(key) != wireType) {
            throw in.error(in.fieldStart(), what + " has wire type " + wireType(key) + ", expected " + wireType);
        }
    }

    private static String string(ProtoReader in, long key, String what) throws OnnxFormatException {
        expect(in, key, ProtoReader.LENGTH_DELIMITED, what);
        return in.string();
    }

    private static long varint(ProtoReader in, long key, String what) throws OnnxFormatException {
        expect(in, key, ProtoReader.VARINT, what);
        return in.varint();
    }

    private static ProtoReader message(ProtoReader in, long key, String what) throws OnnxFormatException {
        expect(in, key, ProtoReader.LENGTH_DELIMITED, what);
        return in.message();
    }
}
