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
