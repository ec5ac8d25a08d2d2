package io.github.diynn.data;

import io.github.diynn.core.Matrix;

/**
 * The tutorial's max scaling: each column divided by its largest absolute value (offsets are 0).
 *
 * <p>Made by {@link Scaler#fitMax(Matrix)} or {@link Scaler#of(String, double[], double[])};
 * see {@link Scaler} for the formulas and the rule for constant columns. Immutable.
 */
public final class MaxScaler implements Scaler {

    /** The kind's name, as {@link #kind()} returns it. */
    static final String KIND = "max";

    private final ColumnAffine parameters;

    MaxScaler(ColumnAffine parameters) {
        this.parameters = parameters;
    }

    /** {@inheritDoc} */
    @Override
    public String kind() {
        return KIND;
    }

    /** {@inheritDoc} */
    @Override
    public int columns() {
        return parameters.columns();
    }

    /** {@inheritDoc} */
    @Override
    public double[] offsets() {
        return parameters.offsets();
    }

    /** {@inheritDoc} */
    @Override
    public double[] scales() {
        return parameters.scales();
    }

    /** {@inheritDoc} */
    @Override
    public Matrix transform(Matrix rows) {
        return parameters.transform(rows);
    }

    /** {@inheritDoc} */
    @Override
    public Matrix inverseTransform(Matrix rows) {
        return parameters.inverseTransform(rows);
    }

    /**
     * Compares kind and parameters exactly.
     *
     * @param obj the other object
     * @return true if {@code obj} is a {@code MaxScaler} with bit-identical offsets and scales
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof MaxScaler other && parameters.equals(other.parameters);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    /**
     * Returns the kind and parameters, for example {@code "max scaler[offsets=[...], scales=[...]]"}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return parameters.toString();
    }
}
