package io.github.diynn.io;

import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
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
 * <p>where a missing scaler is the identity. Every part is immutable, so one instance may be shared
 * between threads and serve predictions from all of them at once. {@link ModelFile} writes and reads
 * it.
 *
 * <pre>{@code
 * SavedModel model = SavedModel.of(result.network(), ModelMetadata.of(Instant.now(), result.toString()))
 *         .withInputScaler(inputScaler)      // fitted on the training inputs
 *         .withTargetScaler(targetScaler);   // fitted on the training targets
 * ModelFile.save(model, Path.of("model.json"));
 * }</pre>
 */
public final class SavedModel {

    private final Network network;
    private final Scaler inputScaler;
    private final Scaler targetScaler;
    private final ModelMetadata metadata;

    private SavedModel(Network network, Scaler inputScaler, Scaler targetScaler, ModelMetadata metadata) {
        this.network = network;
        this.inputScaler = inputScaler;
        this.targetScaler = targetScaler;
        this.metadata = metadata;
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
        return new SavedModel(network, null, null, metadata);
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
        return new SavedModel(network, scaler, targetScaler, metadata);
    }

    /**
     * Returns this model with the scaler that was fitted on the targets; predictions are mapped back
     * through its inverse.
     *
     * @param scaler a scaler with one column per network output
     * @return a new saved model; this one is unchanged
     * @throws IllegalArgumentException if {@code scaler} is null or its column count differs from the
     *     network's output size (both named)
     */
    public SavedModel withTargetScaler(Scaler scaler) {
        requireColumns(scaler, network.outputSize(), "target");
        return new SavedModel(network, inputScaler, scaler, metadata);
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
     * Exact equality of network, scalers and metadata.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is an equal saved model
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof SavedModel other && network.equals(other.network)
                && Objects.equals(inputScaler, other.inputScaler) && Objects.equals(targetScaler, other.targetScaler)
                && metadata.equals(other.metadata);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(network, inputScaler, targetScaler, metadata);
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
