package io.github.diynn.data;

import io.github.diynn.core.Matrix;

/**
 * Z-score scaling: each column centred on its training mean and divided by its population standard deviation.
 *
 * <p>Made by {@link Scaler#fitZScore(Matrix)} or {@link Scaler#of(String, double[], double[])};
 * see {@link Scaler} for the formulas and the rule for constant columns. Immutable.
 */
public final class ZScoreScaler implements Scaler {

    /** The kind's name, as {@link #kind()} returns it. */
    static final String KIND = "z-score";

    private final ColumnAffine parameters;

    ZScoreScaler(ColumnAffine parameters) {
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
     * @return true if {@code obj} is a {@code ZScoreScaler} with bit-identical offsets and scales
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof ZScoreScaler other && parameters.equals(other.parameters);
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
     * Returns the kind and parameters, for example {@code "z-score scaler[offsets=[...], scales=[...]]"}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return parameters.toString();
    }
}
