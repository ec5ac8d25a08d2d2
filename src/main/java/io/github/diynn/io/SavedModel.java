package io.github.diynn.io;

import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.util.Objects;

/**
 * An immutable model as it is saved: a network and its metadata.
 *
 * <p>Every part is immutable, so one instance may be shared between threads and serve
 * {@link #predict(Matrix)} from all of them at once. {@link ModelFile} writes and reads it.
 *
 * <pre>{@code
 * SavedModel model = SavedModel.of(result.network(),
 *         ModelMetadata.of(Instant.now(), result.toString()));
 * ModelFile.save(model, Path.of("model.json"));
 * }</pre>
 */
public final class SavedModel {

    private final Network network;
    private final ModelMetadata metadata;

    private SavedModel(Network network, ModelMetadata metadata) {
        this.network = network;
        this.metadata = metadata;
    }

    /**
     * Pairs a network with its metadata.
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
        return new SavedModel(network, metadata);
    }

    /**
     * Returns the network.
     *
     * @return the network
     */
    public Network network() {
        return network;
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
     * Predicts a batch of raw inputs.
     *
     * @param inputs a {@code samples x inputSize} batch
     * @return a new {@code samples x outputSize} matrix
     * @throws IllegalArgumentException if {@code inputs} is null or has the wrong number of columns
     */
    public Matrix predict(Matrix inputs) {
        return network.predict(inputs);
    }

    /**
     * Predicts one sample.
     *
     * @param features the {@code inputSize} finite inputs
     * @return a new array of {@code outputSize} outputs
     * @throws IllegalArgumentException if {@code features} is null, has the wrong length or holds a
     *     NaN or infinite value
     */
    public double[] predict(double... features) {
        return network.predict(features);
    }

    /**
     * Exact equality of network and metadata.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is an equal saved model
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof SavedModel other && network.equals(other.network) && metadata.equals(other.metadata);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(network, metadata);
    }

    /**
     * Describes the model, for example {@code "SavedModel[2 layers, 9 parameters, diynn 0.1.0]"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "SavedModel[" + network.layers().size() + " layers, " + network.parameterCount() + " parameters, diynn "
                + metadata.libraryVersion() + ", created " + metadata.createdAt() + "]";
    }
}
