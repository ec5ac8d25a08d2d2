package io.github.diynn.core;

/**
 * Predicts with one network into arrays the caller owns, reusing buffers of its own: nothing is
 * allocated per call. Made by {@link Network#predictor()}.
 *
 * <p>The outputs have the bits of {@link Network#predict(Matrix)}: the same code computes them, and
 * each row's outputs depend on that row alone, so cutting a large batch into blocks changes nothing.
 * The inputs are checked finite and the outputs are checked finite, as {@code predict} checks them.
 *
 * <p><b>Not thread-safe</b>: a predictor is a workspace. Give each thread its own; the network
 * itself is immutable and may be shared.
 */
public final class Predictor {

    /** Rows evaluated at once by {@link #predict(double[], int, double[])}. */
    static final int BLOCK = 256;

    private final Network network;
    private final BatchEvaluator evaluator;
    /** The rows of a block after the first, copied so the evaluator reads them from index 0. */
    private double[] blockInputs;

    Predictor(Network network) {
        this.network = network;
        this.evaluator = BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, BLOCK);
    }

    /** {@return the network this predictor evaluates} */
    public Network network() {
        return network;
    }

    /**
     * Writes the outputs of one sample into {@code outputs}.
     *
     * @param features {@code inputSize} values, finite; not changed
     * @param outputs receives {@code outputSize} values (a longer array keeps its tail)
     * @throws IllegalArgumentException if an array is null or of the wrong length, or a feature is NaN
     *     or infinite (its column named)
     * @throws ArithmeticException if an output overflows
     */
    public void predict(double[] features, double[] outputs) {
        if (features == null || features.length != network.inputSize()) {
            throw new IllegalArgumentException("network takes " + network.inputSize() + " inputs, got "
                    + (features == null ? "null" : features.length));
        }
        predict(features, 1, outputs);
    }

    /**
     * Writes the outputs of {@code rows} samples, row-major, into {@code outputs}, a block of rows at
     * a time.
     *
     * @param inputs {@code rows x inputSize} values, row-major, finite; not changed
     * @param rows the number of samples, at least 1
     * @param outputs receives {@code rows x outputSize} values, row-major
     * @throws IllegalArgumentException if an array is null or too short, {@code rows} is below 1, or
     *     an input is NaN or infinite (its row and column named)
     * @throws ArithmeticException if an output overflows (its sample and output named)
     */
    public void predict(double[] inputs, int rows, double[] outputs) {
        int in = network.inputSize();
        int out = network.outputSize();
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, got " + rows);
        }
        if (inputs == null || inputs.length < (long) rows * in) {
            throw new IllegalArgumentException(rows + " rows of " + in + " inputs need " + (long) rows * in
                    + " values, got " + (inputs == null ? "null" : inputs.length));
        }
        if (outputs == null || outputs.length < (long) rows * out) {
            throw new IllegalArgumentException(rows + " rows of " + out + " outputs need " + (long) rows * out
                    + " values, got " + (outputs == null ? "null" : outputs.length));
        }
        for (int k = 0; k < rows * in; k++) {
            if (!Double.isFinite(inputs[k])) {
                throw new IllegalArgumentException("inputs at row " + k / in + ", column " + k % in + " is "
                        + inputs[k] + "; only finite values are allowed");
            }
        }
        double[] block = inputs;
        for (int from = 0; from < rows; from += BLOCK) {
            int count = Math.min(BLOCK, rows - from);
            if (from > 0) {
                // The evaluator reads its inputs from index 0: hand it the block's rows from there.
                block = blockBuffer();
                System.arraycopy(inputs, from * in, block, 0, count * in);
            }
            evaluator.predictOwn(block, count, outputs, from * out);
        }
        Network.requireFiniteOutputs(outputs, rows * out, out);
    }

    private double[] blockBuffer() {
        if (blockInputs == null) {
            blockInputs = new double[BLOCK * network.inputSize()];
        }
        return blockInputs;
    }
}
