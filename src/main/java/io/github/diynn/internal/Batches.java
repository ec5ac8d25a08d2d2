package io.github.diynn.internal;

import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;

/**
 * The one home of the check that a batch fits a network, shared by {@code core} (predict, loss,
 * gradients, the gradient check) and {@code train} (the trainer and its sessions), so every entry
 * point refuses a bad batch with the same message.
 *
 * <p>This package is not exported by the module: it is the library's own, not API.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * Checks that a batch fits a network: inputs {@code samples x inputSize}, targets
     * {@code samples x outputSize}, at least one sample, every value finite.
     *
     * @param network the network, not null
     * @param inputs the inputs
     * @param targets the targets
     * @throws IllegalArgumentException if either matrix is null, a shape does not fit (shapes named)
     *     or a value is NaN or infinite (its row and column named)
     */
    public static void require(Network network, Matrix inputs, Matrix targets) {
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException("inputs and targets must not be null");
        }
        int inputSize = network.inputSize();
        int outputSize = network.outputSize();
        if (inputs.columns() != inputSize || targets.columns() != outputSize
                || inputs.rows() != targets.rows() || inputs.rows() == 0) {
            throw new IllegalArgumentException("a " + inputSize + "-input, " + outputSize
                    + "-output network needs inputs Nx" + inputSize + " and targets Nx" + outputSize
                    + " with N >= 1, got inputs " + inputs.shape() + " and targets " + targets.shape());
        }
        requireFinite(inputs, "inputs");
        requireFinite(targets, "targets");
    }

    /**
     * Checks that every entry of a matrix is finite.
     *
     * @param matrix the matrix
     * @param what its name in the message, for example {@code "inputs"}
     * @throws IllegalArgumentException naming the row and column of the first NaN or infinite entry
     */
    public static void requireFinite(Matrix matrix, String what) {
        if (matrix.isFinite()) {
            return;
        }
        // Only on failure: find the first bad entry in row-major order to name it.
        for (int row = 0; row < matrix.rows(); row++) {
            for (int column = 0; column < matrix.columns(); column++) {
                double value = matrix.get(row, column);
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(what + " at row " + row + ", column " + column + " is "
                            + value + "; only finite values are allowed");
                }
            }
        }
    }
}
