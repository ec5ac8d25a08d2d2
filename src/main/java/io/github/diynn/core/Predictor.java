package io.github.diynn.core;

/**
 * Predicts with one network into arrays the caller owns, reusing buffers of its own: on one thread
 * nothing is allocated per call. Made by {@link Network#predictor()}, or by
 * {@link Network#predictor(Parallelism)} to share the blocks of a large batch among threads.
 *
 * <p>The outputs have the bits of {@link Network#predict(Matrix)}: the same code computes them, and
 * each row's outputs depend on that row alone, so cutting a large batch into blocks, on any number
 * of threads, changes nothing.
 * The inputs are checked finite and the outputs are checked finite, as {@code predict} checks them.
 *
 * <p><b>Not thread-safe</b>: a predictor is a workspace. Give each thread its own; the network
 * itself is immutable and may be shared.
 *
 * <pre>{@code
 * Predictor predictor = network.predictor();          // one per thread
 * double[] outputs = new double[network.outputSize()];
 * predictor.predict(new double[] {0.646, 0.795}, outputs);  // the bits of network.predict(...)
 * }</pre>
 */
public final class Predictor {

    /** Rows evaluated at once by {@link #predict(double[], int, double[])}, and the unit of work of a worker. */
    static final int BLOCK = 256;

    private final Network network;
    private final Parallelism parallelism;
    /** Per worker: an evaluator of one block. */
    private final BatchEvaluator[] evaluators;
    private final WorkerTeam.Task blockTask = this::block;
    /* The call in progress, read by the block tasks. */
    private double[] callInputs;
    private double[] callOutputs;
    private int callRows;

    Predictor(Network network, Parallelism parallelism) {
        this.network = network;
        this.parallelism = parallelism;
        this.evaluators = new BatchEvaluator[parallelism.workers()];
        this.evaluators[0] = BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, BLOCK);
    }

    /** {@return the network this predictor evaluates} */
    public Network network() {
        return network;
    }

    /** {@return the workers a batch of rows may use} */
    public Parallelism parallelism() {
        return parallelism;
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
     * Writes the outputs of {@code rows} samples, row-major, into {@code outputs}, a block of
     * {@value #BLOCK} rows at a time. With a {@link Parallelism} of several workers the blocks are
     * shared among them (the calling thread and helpers made for this call and joined before it
     * returns), unless the rows times the parameters are too few to pay for it; each row's outputs
     * depend on that row alone, so the bits are those of one thread.
     *
     * @param inputs {@code rows x inputSize} values, row-major, finite; not changed
     * @param rows the number of samples, at least 1
     * @param outputs receives {@code rows x outputSize} values, row-major
     * @throws IllegalArgumentException if an array is null or too short, {@code rows} is below 1, or
     *     an input is NaN or infinite (its row and column named)
     * @throws ArithmeticException if an output overflows (its sample and output named)
     * @throws java.util.concurrent.CancellationException if a worker thread or the calling thread was
     *     interrupted
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
        if (!Kernels.allFinite(inputs, rows * in)) { // only then, the first value to name
            for (int k = 0; k < rows * in; k++) {
                if (!Double.isFinite(inputs[k])) {
                    throw new IllegalArgumentException("inputs at row " + k / in + ", column " + k % in + " is "
                            + inputs[k] + "; only finite values are allowed");
                }
            }
        }
        int blocks = (rows + BLOCK - 1) / BLOCK;
        boolean parallel = (long) rows * network.parameterCount() >= ParallelEvaluator.SMALL_WORK;
        callInputs = inputs;
        callOutputs = outputs;
        callRows = rows;
        try {
            if (parallel && blocks > 1 && parallelism.workers() > 1) {
                try (WorkerTeam team = new WorkerTeam(parallelism, "predict")) {
                    team.run(blocks, true, blockTask);
                }
            } else {
                for (int block = 0; block < blocks; block++) {
                    block(block, 0); // on this thread, allocating nothing
                }
            }
        } finally {
            callInputs = null;
            callOutputs = null;
        }
        Network.requireFiniteOutputs(outputs, rows * out, out);
    }

    /** Block {@code block}: rows {@code [256 block, 256 block + 256)}, on the worker's own evaluator. */
    private void block(int block, int worker) {
        int in = network.inputSize();
        int from = block * BLOCK;
        int count = Math.min(BLOCK, callRows - from);
        if (evaluators[worker] == null) {
            evaluators[worker] = BatchEvaluator.of(network, Loss.SUM_SQUARED_ERROR, BLOCK);
        }
        evaluators[worker].predictOwn(callInputs, from * in, count, callOutputs, from * network.outputSize());
    }
}
