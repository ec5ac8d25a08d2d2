package io.github.diynn.io;

import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Writes a {@link SavedModel} as the canonical bytes of format version 2 (see
 * {@code docs/model-format.md}); the reader also uses it to re-create the canonical layout of a
 * version 1 or 2 file, to tell a file rewritten by a tool from one whose values were edited.
 *
 * <p>The output is ASCII: strings escape every character outside {@code 0x20..0x7E} as {@code \\uXXXX};
 * numbers are {@link DoubleText#of(double)}, the library's own shortest round-trip text (the same
 * as {@code Double.toString} on JDK 19 and later, on every JDK), locale-independent and read back to
 * the same bits. The last member, {@code "sha256"}, is the SHA-256 of every byte before its opening quote.
 */
final class ModelWriter {

    private final StringBuilder out = new StringBuilder();
    private final int version;

    private ModelWriter(int version) {
        this.version = version;
    }

    /** Returns the complete file for a model, in format version {@link ModelFile#FORMAT_VERSION}. */
    static byte[] encode(SavedModel model) {
        byte[] body = body(model, ModelFile.FORMAT_VERSION);
        String tail = "\"" + ModelFile.CHECKSUM_MEMBER + "\": \"" + hex(sha256(body)) + "\"\n}\n";
        byte[] tailBytes = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[body.length + tailBytes.length];
        System.arraycopy(body, 0, file, 0, body.length);
        System.arraycopy(tailBytes, 0, file, body.length, tailBytes.length);
        return file;
    }

    /**
     * Returns every byte a file of the given version holds before its checksum member: version 1 has
     * no names and no slopes, so it is only asked for a model that a version 1 file held.
     */
    static byte[] body(SavedModel model, int version) {
        ModelWriter writer = new ModelWriter(version);
        writer.document(model);
        return writer.out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void document(SavedModel model) {
        out.append("{\n");
        member(1, "format").append(string(ModelFile.FORMAT_NAME)).append(",\n");
        member(1, "version").append(version).append(",\n");
        metadata(model.metadata());
        network(model.network());
        scaler("inputScaler", model.inputScaler().orElse(null));
        scaler("targetScaler", model.targetScaler().orElse(null));
        if (version >= 2) {
            names("inputNames", model.inputNames());
            names("targetNames", model.targetNames());
            names("classLabels", model.classLabels());
        }
        indent(1);
    }

    /** Writes a list of names on one line, {@code []} when there are none. */
    private void names(String member, List<String> names) {
        member(1, member).append('[');
        for (int k = 0; k < names.size(); k++) {
            out.append(k == 0 ? "" : ", ").append(string(names.get(k)));
        }
        out.append("],\n");
    }

    private void metadata(ModelMetadata metadata) {
        member(1, "metadata").append("{\n");
        member(2, "libraryVersion").append(string(metadata.libraryVersion())).append(",\n");
        member(2, "createdAt").append(string(metadata.createdAt().toString())).append(",\n");
        member(2, "trainingSummary").append(string(metadata.trainingSummary())).append('\n');
        indent(1).append("},\n");
    }

    private void network(Network network) {
        member(1, "network").append("{\n");
        member(2, "layerCount").append(network.layers().size()).append(",\n");
        member(2, "parameterCount").append(network.parameterCount()).append(",\n");
        member(2, "layers").append("[\n");
        for (int l = 0; l < network.layers().size(); l++) {
            layer(network.layers().get(l));
            out.append(l + 1 < network.layers().size() ? ",\n" : "\n");
        }
        indent(2).append("]\n");
        indent(1).append("},\n");
    }

    private void scaler(String name, Scaler scaler) {
        member(1, name);
        if (scaler == null) {
            out.append("null,\n");
            return;
        }
        out.append("{\n");
        member(2, "kind").append(string(scaler.kind().id())).append(",\n");
        member(2, "columns").append(scaler.columns()).append(",\n");
        member(2, "offsets");
        row(scaler.offsets());
        out.append(",\n");
        member(2, "scales");
        row(scaler.scales());
        out.append('\n');
        indent(1).append("},\n");
    }

    private void layer(DenseLayer layer) {
        indent(3).append("{\n");
        member(4, "inputSize").append(layer.inputSize()).append(",\n");
        member(4, "outputSize").append(layer.outputSize()).append(",\n");
        member(4, "activation").append(string(ActivationCodec.nameOf(layer.activation()))).append(",\n");
        OptionalDouble slope = ActivationCodec.slopeOf(layer.activation());
        if (slope.isPresent()) {
            member(4, "slope").append(scalar(slope.getAsDouble())).append(",\n");
        }
        member(4, "hasBias").append(layer.hasBias()).append(",\n");
        member(4, "weights").append("[\n");
        Matrix weights = layer.weights();
        for (int i = 0; i < weights.rows(); i++) {
            indent(5);
            row(weights.row(i));
            out.append(i + 1 < weights.rows() ? ",\n" : "\n");
        }
        indent(4).append(']');
        if (layer.hasBias()) {
            out.append(",\n");
            member(4, "bias");
            row(layer.bias().row(0));
        }
        out.append('\n');
        indent(3).append('}');
    }

    private void row(double[] values) {
        out.append('[');
        for (int j = 0; j < values.length; j++) {
            out.append(j == 0 ? "" : ", ").append(DoubleText.of(values[j]));
        }
        out.append(']');
    }

    /** One number outside a row, formatted as {@link #row(double[])} formats each value. */
    private static String scalar(double value) {
        return DoubleText.of(value);
    }

    private StringBuilder member(int depth, String name) {
        return indent(depth).append('"').append(name).append("\": ");
    }

    private StringBuilder indent(int depth) {
        for (int k = 0; k < depth; k++) {
            out.append("  ");
        }
        return out;
    }

    /** Quotes a string, escaping {@code "}, {@code \\} and every character outside 0x20..0x7E. */
    static String string(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                quoted.append(c);
            } else {
                quoted.append("\\u");
                for (int shift = 12; shift >= 0; shift -= 4) {
                    quoted.append(Character.forDigit((c >> shift) & 0xF, 16));
                }
            }
        }
        return quoted.append('"').toString();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return text.toString();
    }
}
