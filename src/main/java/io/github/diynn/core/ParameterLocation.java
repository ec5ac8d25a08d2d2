package io.github.diynn.core;

/**
 * Where one entry of a network's parameter vector lives: its layer, whether it is a weight or a
 * bias, and its row and column in that matrix (a bias has row 0).
 *
 * @param index the position in {@link Network#parameters()}
 * @param layer the layer index, from 0
 * @param kind weight or bias
 * @param row the row in the weights (the input index), or 0 for a bias
 * @param column the column (the unit index)
 */
public record ParameterLocation(int index, int layer, Kind kind, int row, int column) {

    /** Whether a parameter is a weight or a bias. */
    public enum Kind {
        /** An entry of a layer's weight matrix. */
        WEIGHT,
        /** An entry of a layer's bias row. */
        BIAS
    }

    /**
     * Checks the location.
     *
     * @param index the position in {@link Network#parameters()}
     * @param layer the layer index
     * @param kind weight or bias
     * @param row the row in the weights, or 0 for a bias
     * @param column the column
     * @throws IllegalArgumentException if {@code kind} is null, a number is negative, or a bias has a
     *     row other than 0 (the value named)
     */
    public ParameterLocation {
        if (kind == null) {
            throw new IllegalArgumentException("parameter " + index + ": kind is null");
        }
        if (index < 0 || layer < 0 || row < 0 || column < 0) {
            throw new IllegalArgumentException("a parameter location needs non-negative numbers, got index " + index
                    + ", layer " + layer + ", row " + row + ", column " + column);
        }
        if (kind == Kind.BIAS && row != 0) {
            throw new IllegalArgumentException("parameter " + index + ": a bias lies in row 0, got row " + row);
        }
    }

    /**
     * Describes the location, for example {@code "parameter 4 (layer 0 weight[1][1])"}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        String where = kind == Kind.WEIGHT ? "weight[" + row + "][" + column + "]" : "bias[" + column + "]";
        return "parameter " + index + " (layer " + layer + " " + where + ")";
    }
}
