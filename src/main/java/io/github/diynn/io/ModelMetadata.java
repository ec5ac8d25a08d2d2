package io.github.diynn.io;

import java.time.Instant;

/**
 * The immutable facts stored beside a model's parameters: which library wrote it, when, and a short
 * free-text summary of how it was trained.
 *
 * @param libraryVersion the diynn version that wrote the model, 1 to {@value #MAX_LIBRARY_VERSION_LENGTH}
 *     characters
 * @param createdAt when the model was created
 * @param trainingSummary a short description of the training, 0 to {@value #MAX_SUMMARY_LENGTH}
 *     characters, for example {@code TrainingResult.toString()}
 */
public record ModelMetadata(String libraryVersion, Instant createdAt, String trainingSummary) {

    /** The longest library version accepted, in characters. */
    public static final int MAX_LIBRARY_VERSION_LENGTH = 64;

    /** The longest training summary accepted, in characters. */
    public static final int MAX_SUMMARY_LENGTH = 4096;

    /**
     * Checks the fields.
     *
     * @param libraryVersion the diynn version that wrote the model
     * @param createdAt when the model was created
     * @param trainingSummary a short description of the training
     * @throws IllegalArgumentException if a field is null, the version is empty, or a string is longer
     *     than its limit (the length is named)
     */
    public ModelMetadata {
        if (libraryVersion == null || createdAt == null || trainingSummary == null) {
            throw new IllegalArgumentException("metadata fields must not be null, got libraryVersion "
                    + libraryVersion + ", createdAt " + createdAt + ", trainingSummary "
                    + (trainingSummary == null ? "null" : "present"));
        }
        if (libraryVersion.isEmpty() || libraryVersion.length() > MAX_LIBRARY_VERSION_LENGTH) {
            throw new IllegalArgumentException("library version must have 1 to " + MAX_LIBRARY_VERSION_LENGTH
                    + " characters, got " + libraryVersion.length());
        }
        if (trainingSummary.length() > MAX_SUMMARY_LENGTH) {
            throw new IllegalArgumentException("training summary must have at most " + MAX_SUMMARY_LENGTH
                    + " characters, got " + trainingSummary.length());
        }
    }

    /**
     * Returns metadata naming this library's version.
     *
     * @param createdAt when the model was created
     * @param trainingSummary a short description of the training
     * @return new metadata with {@link ModelFile#LIBRARY_VERSION}
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static ModelMetadata of(Instant createdAt, String trainingSummary) {
        return new ModelMetadata(ModelFile.LIBRARY_VERSION, createdAt, trainingSummary);
    }
}
