package io.github.diynn.io;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads format versions 1 and 2 strictly, in the one member order {@link ModelWriter} writes, checking
 * every declared size against the limits and the sizes already read before it allocates.
 *
 * <p>Version 2 adds, after the target scaler, the members {@code inputNames}, {@code targetNames}
 * and {@code classLabels} (always present, possibly empty), and a {@code slope} member after the
 * activation name of a leaky ReLU. A version 1 file has neither and loads with empty names.
 *
 * <p>When the checksum or the fixed ending fails, the reader says why if it can tell: a carriage
 * return anywhere means line ends were converted; a body that differs from what the writer makes of
 * the model just read (its canonical layout, re-created) means a tool re-indented or rewrote it.
 */
final class ModelReader {


    private static final byte[] JAVA_SERIALIZATION_MAGIC = {(byte) 0xAC, (byte) 0xED};
    private static final int SHA256_HEX_LENGTH = 64;
    /**
     * The largest file whose writer's layout is re-created to explain a failed checksum; a larger one
     * is judged by its whitespace alone, so that explaining a refusal never needs much memory.
     */
    private static final long MAX_REENCODED_BYTES = 64L << 20;

    private final ModelInput input;
    private final JsonReader json;
    private long parametersLeft;
    private long version;
    /** Where the name list read last opened, for a refusal of the whole list. */
    private ModelInput.Position listStart;

    private ModelReader(ModelInput input) {
        this.input = input;
        this.json = new JsonReader(input);
    }

    /** Reads one model from a stream, up to and including its end; does not close the stream. */
    static SavedModel decode(InputStream in, String source) throws IOException {
        return new ModelReader(new ModelInput(in, source, ModelFile.MAX_FILE_BYTES)).document();
    }

    private SavedModel document() throws IOException {
        header();
        json.expect(',', "after the version");
        json.name("metadata");
        ModelMetadata metadata = metadata();
        json.expect(',', "after the metadata");
        json.name("network");
        Network network = network();
        json.expect(',', "after the network");
        json.name("inputScaler");
        Scaler inputScaler = scaler("inputScaler", network.inputSize(), "inputs");
        json.expect(',', "after the input scaler");
        json.name("targetScaler");
        Scaler targetScaler = scaler("targetScaler", network.outputSize(), "outputs");
        json.expect(',', "after the target scaler");
        SavedModel model = SavedModel.of(network, metadata);
        model = inputScaler == null ? model : model.withInputScaler(inputScaler);
        model = targetScaler == null ? model : model.withTargetScaler(targetScaler);
        if (version >= 2) {
            model = names(model);
        }
        checksum(model);
        return model;
    }

    /** Reads the three name lists of version 2; each is empty or fits the network, checked as read. */
    private SavedModel names(SavedModel model) throws IOException {
        Network network = model.network();
        List<String> inputNames = names("inputNames", network.inputSize(), "the network's " + network.inputSize()
                + " inputs");
        try {
            model = model.withInputNames(inputNames);
        } catch (IllegalArgumentException e) {
            throw input.errorAt(listStart, e.getMessage());
        }
        List<String> targetNames = names("targetNames", network.outputSize(), "the network's "
                + network.outputSize() + " outputs");
        try {
            model = model.withTargetNames(targetNames);
        } catch (IllegalArgumentException e) {
            throw input.errorAt(listStart, e.getMessage());
        }
        int classes = network.outputSize() == 1 ? 2 : network.outputSize();
        List<String> classLabels = names("classLabels", classes, classes + " classes (" + (network.outputSize() == 1
                ? "2 for one sigmoid output" : "one per output") + ")");
        try {
            return model.withClassLabels(classLabels);
        } catch (IllegalArgumentException e) {
            throw input.errorAt(listStart, e.getMessage());
        }
    }

    /** Reads {@code "member": [...]}: no names, or exactly {@code count}, each of bounded length. */
    private List<String> names(String member, int count, String countMeaning) throws IOException {
        json.name(member);
        json.expect('[', "to open " + member);
        listStart = json.tokenStart();
        List<String> names = new ArrayList<>();
        if (json.peekToken() != ']') {
            while (true) {
                if (names.size() == count) {
                    throw json.error(member + " has more than " + count + " names, but it holds none or one for each"
                            + " of " + countMeaning);
                }
                names.add(json.readString(SavedModel.MAX_NAME_LENGTH, member + " " + names.size()));
                if (json.peekToken() == ']') {
                    break;
                }
                json.expect(',', "or ']' after " + member + " " + (names.size() - 1));
            }
            if (names.size() != count) {
                throw json.error(member + " has " + names.size() + " names, but it holds none or one for each of "
                        + countMeaning);
            }
        }
        json.expect(']', "to close " + member);
        json.expect(',', "after " + member);
        return names;
    }

    private void header() throws IOException {
        if (input.startsWith(JAVA_SERIALIZATION_MAGIC)) {
            throw input.errorHere("not a diynn model: the input starts with 0xACED, the magic number of a Java"
                    + " serialization stream, which diynn never reads");
        }
        int first = json.peekToken();
        if (first != '{') {
            throw json.error("not a diynn model: expected '{' but found " + JsonReader.describe(first));
        }
        json.expect('{', "to open the model");
        if (json.peekToken() != '"') {
            throw json.error("not a diynn model: expected member \"format\" but found "
                    + JsonReader.describe(json.peek()));
        }
        json.name("format");
        String format = json.readString(64, "format");
        if (!format.equals(ModelFile.FORMAT_NAME)) {
            throw json.error("not a diynn model: format is \"" + format + "\", expected \"" + ModelFile.FORMAT_NAME
                    + "\"");
        }
        json.expect(',', "after the format");
        json.name("version");
        version = json.readInteger("version", 1, Long.MAX_VALUE, "versions start at 1, and this diynn "
                + ModelFile.LIBRARY_VERSION + " reads versions 1 to " + ModelFile.FORMAT_VERSION);
        if (version > ModelFile.FORMAT_VERSION) {
            throw json.error("format version " + version + " is newer than version " + ModelFile.FORMAT_VERSION
                    + ", the newest this diynn " + ModelFile.LIBRARY_VERSION + " reads; load it with a newer diynn");
        }
    }

    private ModelMetadata metadata() throws IOException {
        json.expect('{', "to open the metadata");
        json.name("libraryVersion");
        String libraryVersion = json.readString(ModelMetadata.MAX_LIBRARY_VERSION_LENGTH, "libraryVersion");
        if (libraryVersion.isEmpty()) {
            throw json.error("libraryVersion is empty");
        }
        json.expect(',', "after libraryVersion");
        json.name("createdAt");
        String createdText = json.readString(64, "createdAt");
        Instant createdAt;
        try {
            createdAt = Instant.parse(createdText);
        } catch (DateTimeParseException e) {
            throw json.error("createdAt \"" + createdText + "\" is not an ISO-8601 instant such as"
                    + " 2026-01-31T12:00:00Z");
        }
        json.expect(',', "after createdAt");
        json.name("trainingSummary");
        String summary = json.readString(ModelMetadata.MAX_SUMMARY_LENGTH, "trainingSummary");
        json.expect('}', "to close the metadata");
        return new ModelMetadata(libraryVersion, createdAt, summary);
    }

    private Network network() throws IOException {
        json.expect('{', "to open the network");
        json.name("layerCount");
        int layerCount = (int) json.readInteger("layerCount", 1, ModelFile.MAX_LAYERS);
        json.expect(',', "after layerCount");
        json.name("parameterCount");
        long parameterCount = json.readInteger("parameterCount", 1, ModelFile.MAX_PARAMETERS);
        parametersLeft = parameterCount;
        json.expect(',', "after parameterCount");
        json.name("layers");
        json.expect('[', "to open the layers");
        List<DenseLayer> layers = new ArrayList<>(layerCount);
        for (int l = 0; l < layerCount; l++) {
            if (l > 0) {
                json.expect(',', "between layers (layerCount declares " + layerCount + ")");
            }
            int previousOutputs = l == 0 ? 0 : layers.get(l - 1).outputSize();
            layers.add(layer(l, previousOutputs));
        }
        json.expect(']', "after the " + layerCount + " layers declared by layerCount");
        if (parametersLeft != 0) {
            throw json.error("the layers hold " + (parameterCount - parametersLeft) + " parameters but parameterCount"
                    + " declares " + parameterCount);
        }
        json.expect('}', "to close the network");
        return Network.of(layers);
    }

    private DenseLayer layer(int l, int previousOutputs) throws IOException {
        String where = "layer " + l;
        json.expect('{', "to open " + where);
        json.name("inputSize");
        int inputSize = (int) json.readInteger(where + " inputSize", 1, ModelFile.MAX_LAYER_SIZE);
        if (l > 0 && inputSize != previousOutputs) {
            throw json.error(where + " takes " + inputSize + " inputs but layer " + (l - 1) + " gives "
                    + previousOutputs + " outputs");
        }
        json.expect(',', "after " + where + " inputSize");
        json.name("outputSize");
        int outputSize = (int) json.readInteger(where + " outputSize", 1, ModelFile.MAX_LAYER_SIZE);
        claimParameters((long) inputSize * outputSize, where + " declares " + inputSize + "x" + outputSize
                + " weights");
        json.expect(',', "after " + where + " outputSize");
        json.name("activation");
        Activation activation = activation(where);
        json.expect(',', "after " + where + " activation");
        json.name("hasBias");
        boolean hasBias = json.readBoolean(where + " hasBias");
        if (hasBias) {
            claimParameters(outputSize, where + " declares " + outputSize + " biases");
        }
        json.expect(',', "after " + where + " hasBias");
        json.name("weights");
        json.expect('[', "to open " + where + " weights");
        double[][] rows = new double[inputSize][];
        for (int i = 0; i < inputSize; i++) {
            if (i > 0) {
                json.expect(',', "between the rows of " + where + " weights (inputSize declares " + inputSize + ")");
            }
            rows[i] = values(outputSize, where + " weights row " + i, "outputSize");
        }
        json.expect(']', "after the " + inputSize + " rows of " + where + " weights declared by inputSize");
        Matrix weights = Matrix.of(rows);
        DenseLayer layer;
        if (hasBias) {
            json.expect(',', "after " + where + " weights");
            json.name("bias");
            layer = DenseLayer.of(weights, Matrix.rowVector(values(outputSize, where + " bias", "outputSize")),
                    activation);
        } else {
            layer = DenseLayer.of(weights, activation);
        }
        json.expect('}', "to close " + where);
        return layer;
    }

    private void claimParameters(long count, String what) throws ModelFormatException {
        if (count > parametersLeft) {
            throw json.error(what + " but only " + parametersLeft + " of the parameters declared by parameterCount"
                    + " remain (the limit is " + ModelFile.MAX_PARAMETERS + ")");
        }
        parametersLeft -= count;
    }

    /** Reads the activation's name and, for an activation with a parameter, its member after the name. */
    private Activation activation(String where) throws IOException {
        String name = json.readString(64, where + " activation");
        ModelInput.Position at = json.tokenStart();
        if (!ActivationCodec.takesSlope(name)) {
            try {
                return ActivationCodec.parse(name);
            } catch (IllegalArgumentException e) {
                throw input.errorAt(at, where + " " + e.getMessage());
            }
        }
        if (version < 2) {
            throw input.errorAt(at, where + " activation " + name + " needs format version 2, which stores its slope;"
                    + " this file is version " + version);
        }
        json.expect(',', "after " + where + " activation");
        json.name("slope");
        double slope = json.readDouble(where + " slope");
        try {
            return ActivationCodec.parse(name, slope);
        } catch (IllegalArgumentException e) {
            throw input.errorAt(at, where + " " + e.getMessage());
        }
    }

    private double[] values(int count, String what, String declaredBy) throws IOException {
        json.expect('[', "to open " + what);
        double[] values = new double[count];
        for (int j = 0; j < count; j++) {
            if (j > 0) {
                json.expect(',', "between the values of " + what + " (" + declaredBy + " declares " + count + ")");
            }
            values[j] = json.readDouble(what + " value " + j);
        }
        json.expect(']', "after the " + count + " values of " + what + " declared by " + declaredBy);
        return values;
    }

    /** Reads {@code null} or a scaler whose column count must equal the network's size named. */
    private Scaler scaler(String name, int expectedColumns, String sizeName) throws IOException {
        if (json.readNullIfPresent(name)) {
            return null;
        }
        ModelInput.Position start = input.position();
        json.expect('{', "or null for " + name);
        json.name("kind");
        String kind = json.readString(16, name + " kind");
        json.expect(',', "after " + name + " kind");
        json.name("columns");
        int columns = (int) json.readInteger(name + " columns", 1, ModelFile.MAX_LAYER_SIZE);
        if (columns != expectedColumns) {
            throw json.error(name + " has " + columns + " columns but the network has " + expectedColumns + " "
                    + sizeName);
        }
        json.expect(',', "after " + name + " columns");
        json.name("offsets");
        double[] offsets = values(columns, name + " offsets", "columns");
        json.expect(',', "after " + name + " offsets");
        json.name("scales");
        double[] scales = values(columns, name + " scales", "columns");
        json.expect('}', "to close " + name);
        try {
            return Scaler.of(Scaler.Kind.ofId(kind), offsets, scales);
        } catch (IllegalArgumentException e) {
            throw input.errorAt(start, name + ": " + e.getMessage());
        }
    }

    private void checksum(SavedModel model) throws IOException {
        if (json.peekToken() != '"') {
            throw json.error("expected member \"" + ModelFile.CHECKSUM_MEMBER + "\" but found "
                    + JsonReader.describe(json.peek()));
        }
        byte[] actual = input.finishDigest();
        try {
            checksumMember(actual);
        } catch (ModelFormatException e) {
            throw explained(e, model, actual);
        }
    }

    /**
     * Explains a failed checksum or ending when the cause is clear: converted line ends, or a body
     * that is not the writer's layout of the model just read (so a tool re-indented or rewrote it).
     * Otherwise the failure stays as it is: the values were edited, or the file is corrupt.
     */
    private ModelFormatException explained(ModelFormatException failure, SavedModel model, byte[] actual) {
        ModelInput.Position carriageReturn = input.firstCarriageReturn();
        if (carriageReturn != null) {
            return input.errorAt(carriageReturn, "line ends were converted to CRLF (for example by git's autocrlf):"
                    + " the first carriage return is at offset " + carriageReturn.offset() + ", and diynn writes"
                    + " none; model files must be byte-exact: mark *.json model files as binary in .gitattributes"
                    + " (a line \"*.json binary\") and check the file out again (" + where(failure) + ")");
        }
        ModelInput.Position odd = json.oddLayout();
        boolean writersLayout = failure.offset() > MAX_REENCODED_BYTES ? odd == null
                : Arrays.equals(actual, ModelWriter.sha256(ModelWriter.body(model, (int) version)));
        if (writersLayout) {
            return failure;
        }
        return input.errorAt(odd == null ? new ModelInput.Position(failure.line(), failure.column(), failure.offset())
                : odd, "the file looks re-indented or rewritten by a JSON tool; model files must be byte-exact: the"
                + " checksum covers every byte, whitespace included, so restore the file as diynn saved it or save the"
                + " model again from code (" + (odd == null ? "" : "here: " + json.oddLayoutDetail() + "; ")
                + where(failure) + ")");
    }

    /** The failure that was explained, as "line L, column C: detail". */
    private static String where(ModelFormatException failure) {
        return "then at line " + failure.line() + ", column " + failure.column() + ": " + failure.detail();
    }

    private void checksumMember(byte[] actual) throws IOException {
        json.expectLiteral("\"" + ModelFile.CHECKSUM_MEMBER + "\": \"", "as the checksum member");
        ModelInput.Position position = input.position();
        StringBuilder declared = new StringBuilder(SHA256_HEX_LENGTH);
        for (int k = 0; k < SHA256_HEX_LENGTH; k++) {
            int b = input.peek();
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                throw input.errorHere("expected " + SHA256_HEX_LENGTH + " lowercase hex digits of the SHA-256 but found "
                        + JsonReader.describe(b) + " after " + k);
            }
            declared.append((char) input.read());
        }
        json.expectLiteral("\"\n}\n", "at the end of the file (the file ends with '\"', a line feed, '}' and a"
                + " line feed)");
        json.expectEnd();
        String expected = ModelWriter.hex(actual);
        if (!expected.contentEquals(declared)) {
            throw input.errorAt(position, "checksum mismatch: the file declares sha256 " + declared
                    + " but its content hashes to " + expected + "; the file is corrupt or was edited");
        }
    }
}
