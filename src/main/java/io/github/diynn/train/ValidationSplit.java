package io.github.diynn.train;

import io.github.diynn.data.Dataset;

/**
 * How {@link Trainer.Builder#validationFraction(double, ValidationSplit)} chooses the held-out rows.
 */
public enum ValidationSplit {
    /** A seeded shuffle, {@link Dataset#split(double, long)}: the default. */
    RANDOM,
    /**
     * Per class, {@link Dataset#stratifiedSplit(double, long) Dataset.stratifiedSplit}: every class keeps its share in both
     * parts to within one sample. For classification targets only (one-hot rows or a 0/1 column).
     */
    STRATIFIED
}
