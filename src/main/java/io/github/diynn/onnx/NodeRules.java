package io.github.diynn.onnx;

import io.github.diynn.onnx.OnnxProto.Attribute;
import io.github.diynn.onnx.OnnxProto.Node;
import java.util.Set;

/**
 * The checks every node passes before {@link GraphReader} gives it meaning: its domain, its number of
 * inputs and outputs, and its attributes, each of a known name and of the declared type.
 */
final class NodeRules {

    private NodeRules() {
    }

    static void requireDomainAndOneOutput(String source, Node node) throws OnnxFormatException {
        if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
            throw error(source, node.offset(), node.describe() + " is in domain '" + node.domain() + "'; only the"
                    + " default"
                    + " ONNX domain is supported");
        }
        if (node.outputs().size() != 1) {
            throw error(source, node.offset(), node.describe() + " has " + node.outputs().size() + " outputs; supported"
                    + " nodes have one");
        }
    }

    static void requireInputs(String source, Node node, int least, int most) throws OnnxFormatException {
        int count = node.inputs().size();
        if (count < least || count > most) {
            throw error(source, node.offset(), node.describe() + " has " + count + " inputs; expected "
                    + (least == most ? Integer.toString(least) : least + " to " + most));
        }
    }

    static void requireAttributes(String source, Node node, Set<String> allowed) throws OnnxFormatException {
        for (Attribute attribute : node.attributes().values()) {
            if (!allowed.contains(attribute.name())) {
                throw error(source, attribute.offset(), node.describe() + " has attribute '" + attribute.name()
                        + "', which is not supported" + (allowed.isEmpty() ? "" : "; supported: " + allowed));
            }
        }
    }

    static long intAttribute(String source, Node node, String name, long fallback) throws OnnxFormatException {
        Attribute attribute = node.attributes().get(name);
        if (attribute == null) {
            return fallback;
        }
        if (attribute.type() != OnnxProto.ATTRIBUTE_INT) {
            throw error(source, attribute.offset(), node.describe() + ": attribute '" + name + "' has type "
                    + attribute.type() + "; expected INT (2)");
        }
        return attribute.intValue();
    }

    static float floatAttribute(String source, Node node, String name, float fallback) throws OnnxFormatException {
        Attribute attribute = node.attributes().get(name);
        if (attribute == null) {
            return fallback;
        }
        if (attribute.type() != OnnxProto.ATTRIBUTE_FLOAT) {
            throw error(source, attribute.offset(), node.describe() + ": attribute '" + name + "' has type "
                    + attribute.type() + "; expected FLOAT (1)");
        }
        if (!Float.isFinite(attribute.floatValue())) {
            throw error(source, attribute.offset(), node.describe() + ": attribute '" + name + "' is "
                    + attribute.floatValue());
        }
        return attribute.floatValue();
    }

    private static OnnxFormatException error(String source, int offset, String detail) {
        return new OnnxFormatException(source, offset, detail);
    }
}
