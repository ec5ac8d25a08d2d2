package io.github.diynn.data;

import io.github.diynn.core.Matrix;

/**
 * An immutable data set: inputs and targets with one sample per row.
 *
 * @param inputs the {@code samples x features} inputs
 * @param targets the {@code samples x outputs} targets
 */
public record Dataset(Matrix inputs, Matrix targets) {

    /**
     * Checks that inputs and targets are present and have the same number of rows.
     *
     * @param inputs the {@code samples x features} inputs
     * @param targets the {@code samples x outputs} targets
     * @throws IllegalArgumentException if either is null or the row counts differ (both shapes named)
     */
    public Dataset {
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException("a dataset needs inputs and targets, got "
                    + (inputs == null ? "null" : inputs.shape()) + " and "
                    + (targets == null ? "null" : targets.shape()));
        }
        if (inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException("inputs " + inputs.shape() + " and targets " + targets.shape()
                    + " have different numbers of rows");
        }
    }

    /**
     * Returns the number of samples.
     *
     * @return the number of rows
     */
    public int size() {
        return inputs.rows();
    }
}
