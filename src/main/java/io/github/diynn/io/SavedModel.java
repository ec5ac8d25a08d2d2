package io.github.diynn.io;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable model as it is saved: a network, the optional scalers of its inputs and targets, and
 * metadata.
 *
 * <p>With scalers, {@link #predict(Matrix)} takes raw inputs and returns targets in their original
 * units:
 *
 * <pre>  prediction = targetScaler.inverseTransform(network.predict(inputScaler.transform(inputs)))</pre>
 *
 * <p>where a missing scaler is the identity.
 *
 * <p><b>Names</b> travel with the model: {@link #inputNames()} (one per input column, checked
 * against a data set by {@link #requireInputColumns(List)} and {@link #predict(Dataset)}),
 * {@link #targetNames()} (one per output) and {@link #classLabels()}, which
 * {@link #predictLabel(double...)} returns: the label of the largest output for two or more
 * outputs, and for one sigmoid output label 1 when {@code p >= 0.5}, else label 0. Each list is
 * empty when unknown.
 *
 * <p>Every part is immutable, so one instance may be shared
 * between threads and serve predictions from all of them at once. {@link ModelFile} writes and reads
 * it.
 *
 * <pre>{@code
 * SavedModel model = SavedModel.of(result.network(), ModelMetadata.of(Instant.now(), result.toString()))
 *         .withInputScaler(inputScaler)      // fitted on the training inputs
 *         .withTargetScaler(targetScaler)    // fitted on the training targets
 *         .withInputNames(data.inputNames());
 * ModelFile.save(model, file);
 * }</pre>
 */
public final class SavedModel {

    /** The longest input name, target name or class label, in characters. */
    public static final int MAX_NAME_LENGTH = 256;

    private final Network network;
    private final Scaler inputScaler;
    private final Scaler targetScaler;
    private final ModelMetadata metadata;
    private final List<String> inputNames;
    private final List<String> targetNames;
    private final List<String> classLabels;

    private SavedModel(Network network, Scaler inputScaler, Scaler targetScaler, ModelMetadata metadata,
            List<String> inputNames, List<String> targetNames, List<String> classLabels) {
        this.network = network;
        this.inputScaler = inputScaler;
        this.targetScaler = targetScaler;
        this.metadata = metadata;
        this.inputNames = inputNames;
        this.targetNames = targetNames;
        this.classLabels = classLabels;
    }

    /**
     * Pairs a network with its metadata, without scalers.
     *
     * @param network the network
     * @param metadata the metadata
     * @return a new saved model
     * @throws IllegalArgumentException if an argument is null
     */
    public static SavedModel of(Network network, ModelMetadata metadata) {
        if (network == null || metadata == null) {
            throw new IllegalArgumentException("a saved model needs a network and metadata, got " + network
                    + " and " + metadata);
        }
        return new SavedModel(network, null, null, metadata, List.of(), List.of(), List.of());
    }

    /**
     * Returns this model with a scaler applied to raw inputs before the network.
     *
     * @param scaler a scaler with one column per network input
     * @return a new saved model; this one is unchanged
     * @throws IllegalArgumentException if {@code scaler} is null or its column count differs from the
     *     network's input size (both named)
     */
    public SavedModel withInputScaler(Scaler scaler) {
        requireColumns(scaler, network.inputSize(), "input");
        return new SavedModel(network, scaler, targetScaler, metadata, inputNames, targetNames, classLabels);
    }

    /**
     * Returns this model with the scaler that was fitted on the targets; predictions are mapped back
     * through its inverse.
     *
     * @param scaler a scaler with one column per network output
     * @return a new saved model; this one is unchanged
     * @throws IllegalArgumentException if {@code scaler} is null, its column count differs from the
     *     network's output size (both named), or the model has class labels (a target scaler would
     *     change which class wins)
     */
    public SavedModel withTargetScaler(Scaler scaler) {
        requireColumns(scaler, network.outputSize(), "target");
        if (!classLabels.isEmpty()) {
            throw new IllegalArgumentException("a classifier with class labels " + classLabels
                    + " takes no target scaler: its outputs are class scores, and scaling them would change which"
                    + " class wins");
        }
        return new SavedModel(network, inputScaler, scaler, metadata, inputNames, targetNames, classLabels);
    }

    /**
     * Returns this model with the names of its input columns, in the network's input order.
     *
     * @param names one name per network input, or an empty list for none
     * @return a new saved model; this one is unchanged
     * @throws IllegalArgumentException if {@code names} or a name is null, a name is empty, longer than
     *     {@value #MAX_NAME_LENGTH} characters or repeated, or the count is neither 0 nor the network's
     *     input size (both named)
     */
    public SavedModel withInputNames(List<String> names) {
        List<String> checked = Names.checked(names, "input names");
        requireCount(checked, network.inputSize(), "input names", "inputs");
        return new SavedModel(network, inputScaler, targetScaler, metadata, checked, targetNames, classLabels);
    }

    /**
     * Returns this model with the names of its outputs, for example the target columns of a regression.
     *
     * @param names one name per network output, or an empty list for none
     * @return a new saved model; this one is unchanged
     * @throws IllegalArgumentException as {@link #withInputNames(List)}, against the output size
     */
    public SavedModel withTargetNames(List<String> names) {
        List<String> checked = Names.checked(names, "target names");
        requireCount(checked, network.outputSize(), "target names", "outputs");
        return new SavedModel(network, inputScaler, targetScaler, metadata, inputNames, checked, classLabels);
    }

    /**
     * Returns this model with the labels of the classes it predicts.
     *
     * <p>A network with two or more outputs (one-hot, usually softmax) needs one label per output,
     * in output order. A network with one output needs two labels, label 0 for {@code p < 0.5} and
     * label 1 for {@code p >= 0.5}, and a {@code SIGMOID} output layer.
     *
     * @param labels the class labels, or an empty list for none
     * @return a new saved model; this one is unchanged
     * @throws IllegalArgumentException if a label is null, empty, too long or repeated, the count does
     *     not fit the network's outputs as above (both named), one output is not a sigmoid, or the
     *     model has a target scaler
     */
    public SavedModel withClassLabels(List<String> labels) {
        List<String> checked = Names.checked(labels, "class labels");
        if (!checked.isEmpty()) {
            requireClassCount(checked);
        }
        return new SavedModel(network, inputScaler, targetScaler, metadata, inputNames, targetNames, checked);
    }

    /**
     * Returns this model with the names a data set carries: its input names, its target names and its
     * class labels ({@link Dataset#inputNames()}, {@link Dataset#targetNames()},
     * {@link Dataset#classLabels()}), typically the training set the network was fitted on. For a
     * classifier the target names are the class labels again, so they are kept only for regression.
     *
     * @param data the data set whose names to take
     * @return a new saved model; this one is unchanged
     * @throws IllegalArgumentException if {@code data} is null, or its names do not fit the network as
     *     the three withers check them
     */
    public SavedModel withNamesOf(Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("data set is null");
        }
        SavedModel named = withInputNames(data.inputNames());
        return data.classLabels().isEmpty() ? named.withTargetNames(data.targetNames())
                : named.withClassLabels(data.classLabels());
    }

    private void requireCount(List<String> names, int expected, String what, String sizeName) {
        if (!names.isEmpty() && names.size() != expected) {
            throw new IllegalArgumentException(names.size() + " " + what + " " + names + " for a network with "
                    + expected + " " + sizeName);
        }
    }

    private void requireClassCount(List<String> labels) {
        int outputs = network.outputSize();
        if (outputs == 1) {
            Activation last = network.layers().get(network.layers().size() - 1).activation();
            if (labels.size() != 2 || !last.equals(Activation.SIGMOID)) {
                throw new IllegalArgumentException(labels.size() + " class labels " + labels + " for one "
                        + last.name() + " output; one output takes 2 labels and a SIGMOID output layer (label 1"
                        + " when p >= 0.5)");
            }
        } else if (labels.size() != outputs) {
            throw new IllegalArgumentException(labels.size() + " class labels " + labels + " for a network with "
                    + outputs + " outputs; a one-hot classifier takes one label per output");
        }
        if (targetScaler != null) {
            throw new IllegalArgumentException("class labels " + labels + " for a model with a target scaler: a"
                    + " classifier's outputs are class scores, and scaling them would change which class wins");
        }
    }

    private void requireColumns(Scaler scaler, int expected, String what) {
        if (scaler == null) {
            throw new IllegalArgumentException(what + " scaler is null");
        }
        if (scaler.columns() != expected) {
            throw new IllegalArgumentException("the " + what + " scaler has " + scaler.columns()
                    + " columns but the network has " + expected + " " + what + (expected == 1 ? "" : "s"));
        }
    }

    /**
     * Returns the network.
     *
     * @return the network, which works on scaled values
     */
    public Network network() {
        return network;
    }

    /**
     * Returns the scaler applied to raw inputs, if any.
     *
     * @return the input scaler, or empty if inputs go to the network unscaled
     */
    public Optional<Scaler> inputScaler() {
        return Optional.ofNullable(inputScaler);
    }

    /**
     * Returns the scaler fitted on the targets, if any.
     *
     * @return the target scaler, or empty if the network's outputs are the predictions
     */
    public Optional<Scaler> targetScaler() {
        return Optional.ofNullable(targetScaler);
    }

    /**
     * Returns the names of the input columns.
     *
     * @return an immutable list, one name per network input, or empty if unknown
     */
    public List<String> inputNames() {
        return inputNames;
    }

    /**
     * Returns the names of the outputs.
     *
     * @return an immutable list, one name per network output, or empty if unknown
     */
    public List<String> targetNames() {
        return targetNames;
    }

    /**
     * Returns the class labels that {@link #predictLabel(double...)} returns.
     *
     * @return an immutable list, one per output (two for one sigmoid output), or empty if unknown
     */
    public List<String> classLabels() {
        return classLabels;
    }

    /**
     * Returns the metadata.
     *
     * @return the metadata
     */
    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Predicts a batch of raw inputs, in the targets' original units.
     *
     * @param inputs a {@code samples x inputSize} batch of raw inputs
     * @return a new {@code samples x outputSize} matrix
     * @throws IllegalArgumentException if {@code inputs} is null or has the wrong number of columns
     */
    public Matrix predict(Matrix inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("inputs are null");
        }
        Matrix scaled = inputScaler == null ? inputs : inputScaler.transform(inputs);
        Matrix outputs = network.predict(scaled);
        return targetScaler == null ? outputs : targetScaler.inverseTransform(outputs);
    }

    /**
     * Predicts one sample of raw inputs, in the targets' original units.
     *
     * @param features the {@code inputSize} finite raw inputs
     * @return a new array of {@code outputSize} outputs
     * @throws IllegalArgumentException if {@code features} is null, has the wrong length or holds a
     *     NaN or infinite value
     */
    public double[] predict(double... features) {
        if (features == null) {
            throw new IllegalArgumentException("features are null");
        }
        if (features.length != network.inputSize()) {
            throw new IllegalArgumentException("the model takes " + network.inputSize() + " inputs, got "
                    + features.length);
        }
        return predict(Matrix.rowVector(features)).row(0);
    }

    /**
     * Checks that a data set's columns are the model's inputs, in order, before predicting from them.
     *
     * @param columnNames the names of the data set's input columns, for example
     *     {@link Dataset#inputNames()}
     * @throws IllegalArgumentException if {@code columnNames} is null, the model has no input names,
     *     or the lists differ: the message names the first column that differs, and the columns
     *     missing from and extra in the data set
     */
    public void requireInputColumns(List<String> columnNames) {
        if (columnNames == null) {
            throw new IllegalArgumentException("column names are null");
        }
        if (inputNames.isEmpty()) {
            throw new IllegalArgumentException("the model has no input names to check the columns " + columnNames
                    + " against; save it with withInputNames(...)");
        }
        if (!inputNames.equals(columnNames)) {
            throw new IllegalArgumentException(Names.mismatch(inputNames, columnNames));
        }
    }

    /**
     * Predicts a data set's raw inputs after checking its columns against the model's input names.
     *
     * @param data a data set whose {@link Dataset#inputNames()} equal {@link #inputNames()}
     * @return a new {@code samples x outputSize} matrix, as {@link #predict(Matrix)}
     * @throws IllegalArgumentException if {@code data} is null or as {@link #requireInputColumns(List)}
     */
    public Matrix predict(Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("data set is null");
        }
        requireInputColumns(data.inputNames());
        return predict(data.inputs());
    }

    /**
     * Predicts the class label of one sample of raw inputs.
     *
     * @param features the {@code inputSize} finite raw inputs
     * @return the label of the largest output (the first on a tie), or for one sigmoid output label 1
     *     when {@code p >= 0.5}, else label 0
     * @throws IllegalStateException if the model has no class labels
     * @throws IllegalArgumentException as {@link #predict(double...)}
     */
    public String predictLabel(double... features) {
        requireClassLabels();
        return label(predict(features));
    }

    /**
     * Predicts the class label of each row of a batch of raw inputs.
     *
     * @param inputs a {@code samples x inputSize} batch of raw inputs
     * @return an immutable list of one label per row, chosen as {@link #predictLabel(double...)} does
     * @throws IllegalStateException if the model has no class labels
     * @throws IllegalArgumentException as {@link #predict(Matrix)}
     */
    public List<String> predictLabels(Matrix inputs) {
        requireClassLabels();
        Matrix outputs = predict(inputs);
        List<String> labels = new ArrayList<>(outputs.rows());
        for (int i = 0; i < outputs.rows(); i++) {
            labels.add(label(outputs.row(i)));
        }
        return List.copyOf(labels);
    }

    private void requireClassLabels() {
        if (classLabels.isEmpty()) {
            throw new IllegalStateException("the model has no class labels to predict; give them with"
                    + " withClassLabels(...) before saving, or map predict(...) outputs yourself");
        }
    }

    private String label(double[] outputs) {
        if (outputs.length == 1) {
            return classLabels.get(outputs[0] >= 0.5 ? 1 : 0);
        }
        int best = 0;
        for (int j = 1; j < outputs.length; j++) {
            if (outputs[j] > outputs[best]) {
                best = j;
            }
        }
        return classLabels.get(best);
    }

    /**
     * Exact equality of network, scalers, metadata and names.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is an equal saved model
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof SavedModel other && network.equals(other.network)
                && Objects.equals(inputScaler, other.inputScaler) && Objects.equals(targetScaler, other.targetScaler)
                && metadata.equals(other.metadata) && inputNames.equals(other.inputNames)
                && targetNames.equals(other.targetNames) && classLabels.equals(other.classLabels);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(network, inputScaler, targetScaler, metadata, inputNames, targetNames, classLabels);
    }

    /**
     * Describes the model, for example
     * {@code "SavedModel[2 layers, 9 parameters, input scaler max, no target scaler, diynn 0.1.0, created ...]"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "SavedModel[" + network.layers().size() + " layers, " + network.parameterCount() + " parameters, "
                + (inputScaler == null ? "no input scaler" : "input scaler " + inputScaler.kind()) + ", "
                + (targetScaler == null ? "no target scaler" : "target scaler " + targetScaler.kind()) + ", diynn "
                + metadata.libraryVersion() + ", created " + metadata.createdAt() + "]";
    }
}
