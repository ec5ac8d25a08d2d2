package io.github.diynn.core;

import java.util.Arrays;
import java.util.List;

/**
 * Evaluates the loss, the gradient and the predictions of one network shape on batches, at any
 * parameter vector, reusing buffers it owns: the engine under the trainer, and a tool for a
 * training loop of your own.
 *
 * <p>An evaluator is made for a network (its layer sizes, activations and biases, not its values), a
 * loss and a largest batch, the <em>capacity</em>. Every call then takes the parameters in the layout
 * of {@link Network#parameters()} and a batch as row-major arrays, and writes into buffers sized
 * once: in steady state a call allocates nothing. The arithmetic is that of
 * {@link Network#predict(Matrix)}, {@link Network#loss(Loss, Matrix, Matrix)} and
 * {@link Backpropagation}, by the same code, so the results have the same bits for a batch of up to
 * {@value ParallelEvaluator#CHUNK_ROWS} rows. Those sum a larger batch in fixed chunks of that many
 * rows and a pairwise tree ({@link ParallelEvaluator}, the trainer's engine); this evaluator sums it
 * in one pass, which can differ in the last bits.
 *
 * <pre>  lossAndGradient: J(theta) on the batch, and dJ/dtheta written into the caller's array
 *  loss:            J(theta) alone (one forward pass)
 *  predict:         the outputs, written into the caller's array</pre>
 *
 * <p>Validation is done once, at the boundary: array lengths and the batch size are checked on every
 * call (a few comparisons), but the values are not scanned. Give it finite inputs, targets and
 * parameters (a trainer checks them before the first step). A non-finite result is still never
 * returned: the outputs of the last layer are checked (a scan far cheaper than the pass itself), and
 * a non-finite output, or a loss that overflows, is reported by an {@link ArithmeticException} naming
 * the entry, as {@link Network#loss(Loss, Matrix, Matrix)} reports it.
 *
 * <p><b>Not thread-safe</b>: an evaluator is a workspace. Use one per thread; the network it was made
 * from stays immutable and shareable.
 */
public final class BatchEvaluator {

    private final Network template;
    private final List<DenseLayer> layers;
    private final Layout layout;
    private final Loss loss;
    private final int capacity;
    private final int outputs;
    /** Each layer's pre-activations and outputs, one row per sample (row arrays, from index 0). */
    private final double[][][] z;
    private final double[][][] a;
    /** Each layer's weights as rows ({@code in x out}) and bias, copied in from a parameter vector. */
    private final double[][][] weights;
    private final double[][] biases;
    /** The network's own weights as rows, shared with it and read only (see {@link Network#weightRows()}). */
    private final double[][][] ownWeights;
    /** Each later layer's weights transposed ({@code out x in}), for carrying a delta back; made by the first backward pass. */
    private final double[][][] transposed;
    /** The delta of the layer being carried back, and the one it becomes. */
    private double[][] delta;
    private double[][] spare;
    /** The widest layer (inputs included), the widest input and the widest output, for the lazy buffers. */
    private final int widest;
    private final int widestIn;
    private final int widestOut;
    /** One layer's weight and bias gradients as rows, before they go into the flat gradient. */
    private double[][] weightGradient;
    private double[] biasGradient;
    /** The output layer as row-major arrays, for the loss and its delta. */
    private final double[] lastZ;
    private final double[] lastA;
    private double[] lastDelta;
    /** The unperturbed pass of a finite-difference estimate, allocated by its first use. */
    private double[][][] baseZ;
    private double[][][] baseA;
    /**
     * The rows of the whole batch the current call's rows are a part of, which a mean loss divides by
     * (see {@link #partOfBatch}); 0 while no part is being evaluated, when the call's rows are the batch.
     */
    private int batchRows;

    private BatchEvaluator(Network network, Loss loss, int capacity) {
        this.template = network;
        this.layers = network.layers();
        this.layout = network.layout();
        this.loss = loss;
        this.capacity = capacity;
        this.outputs = network.outputSize();
        this.ownWeights = network.weightRows();
        int count = layers.size();
        this.z = new double[count][][];
        this.a = new double[count][][];
        this.weights = new double[count][][];
        this.biases = new double[count][];
        this.transposed = new double[count][][];
        int wide = network.inputSize();
        int wideIn = 1;
        int wideOut = 1;
        for (int l = 0; l < count; l++) {
            DenseLayer layer = layers.get(l);
            int in = layer.inputSize();
            int out = layer.outputSize();
            z[l] = new double[capacity][out];
            a[l] = new double[capacity][out];
            wide = Math.max(wide, out);
            wideIn = Math.max(wideIn, in);
            wideOut = Math.max(wideOut, out);
        }
        this.widest = wide;
        this.widestIn = wideIn;
        this.widestOut = wideOut;
        int last = Math.multiplyExact(capacity, outputs);
        this.lastZ = new double[last];
        this.lastA = new double[last];
    }

    /*
     * Buffers that only some calls need are made by the first call that needs them: the weights
     * copied from a parameter vector (not needed to predict with the network's own), and the
     * backward pass's deltas and gradient rows (not needed for a loss or a prediction). So a
     * predict-only evaluator, as Network.predict builds one per call, allocates the least, and a
     * training run still allocates nothing per step after its first.
     */

    private void ensureVectorWeights() {
        if (weights[0] == null) {
            for (int l = 0; l < layers.size(); l++) {
                DenseLayer layer = layers.get(l);
                weights[l] = new double[layer.inputSize()][layer.outputSize()];
                biases[l] = layer.hasBias() ? new double[layer.outputSize()] : null;
            }
        }
    }

    private void ensureBackwardBuffers() {
        if (delta == null) {
            delta = new double[capacity][widest];
            spare = new double[capacity][widest];
            weightGradient = new double[widestIn][widestOut];
            biasGradient = new double[widestOut];
            lastDelta = new double[capacity * outputs];
        }
    }

    /**
     * Makes an evaluator for networks shaped like {@code network}, the loss {@code loss} and batches
     * of up to {@code capacity} rows.
     *
     * @param network a network of the shape to evaluate; its parameters are not used
     * @param loss the loss {@code J}
     * @param capacity the largest batch, at least 1
     * @return a new evaluator with its buffers allocated
     * @throws IllegalArgumentException if an argument is null or the capacity is below 1
     */
    public static BatchEvaluator of(Network network, Loss loss, int capacity) {
        if (network == null || loss == null) {
            throw new IllegalArgumentException("an evaluator needs a network and a loss, got " + network + " and "
                    + loss);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("evaluator capacity must be at least 1 row, got " + capacity);
        }
        return new BatchEvaluator(network, loss, capacity);
    }

    /** {@return the largest batch, in rows, a call may pass} */
    public int capacity() {
        return capacity;
    }

    /** {@return the loss this evaluator computes} */
    public Loss loss() {
        return loss;
    }

    /** {@return the number of parameters, the length of every parameter and gradient array} */
    public int parameterCount() {
        return layout.parameterCount();
    }

    /**
     * Computes the loss of the batch at {@code parameters} and writes {@code dJ/dtheta} into
     * {@code gradient}, from one forward and one backward pass.
     *
     * @param parameters the parameters, in the layout of {@link Network#parameters()}; not changed
     * @param inputs {@code rows x inputSize} values, row-major; not changed
     * @param targets {@code rows x outputSize} values, row-major; not changed
     * @param rows the batch size, in {@code [1, capacity()]}
     * @param gradient receives {@code dJ/dtheta}, {@link #parameterCount()} values (a trainer
     *     subtracts it)
     * @return the loss {@code J}
     * @throws IllegalArgumentException if an array is null or too short, or {@code rows} is outside
     *     {@code [1, capacity()]} (the lengths are named), or the loss rejects a target
     * @throws ArithmeticException if an output or the loss is not finite (naming the entry)
     */
    public double lossAndGradient(double[] parameters, double[] inputs, double[] targets, int rows,
            double[] gradient) {
        requireBatch(parameters, inputs, targets, rows);
        requireLength(gradient, layout.parameterCount(), "gradient");
        forward(parameters, true, inputs, rows);
        double value = checkedLoss(targets, rows);
        backward(parameters, true, inputs, targets, rows, gradient);
        return value;
    }

    /**
     * Computes the loss of the batch at {@code parameters}, from one forward pass.
     *
     * @param parameters the parameters, in the layout of {@link Network#parameters()}; not changed
     * @param inputs {@code rows x inputSize} values, row-major; not changed
     * @param targets {@code rows x outputSize} values, row-major; not changed
     * @param rows the batch size, in {@code [1, capacity()]}
     * @return the loss {@code J}
     * @throws IllegalArgumentException as {@link #lossAndGradient}
     * @throws ArithmeticException if an output or the loss is not finite (naming the entry)
     */
    public double loss(double[] parameters, double[] inputs, double[] targets, int rows) {
        requireBatch(parameters, inputs, targets, rows);
        forward(parameters, true, inputs, rows);
        return checkedLoss(targets, rows);
    }

    /**
     * Writes the network's outputs for a batch at {@code parameters} into {@code outputs}.
     *
     * @param parameters the parameters, in the layout of {@link Network#parameters()}; not changed
     * @param inputs {@code rows x inputSize} values, row-major; not changed
     * @param rows the batch size, in {@code [1, capacity()]}
     * @param outputs receives {@code rows x outputSize} values, row-major
     * @throws IllegalArgumentException if an array is null or too short, or {@code rows} is outside
     *     {@code [1, capacity()]}
     */
    public void predict(double[] parameters, double[] inputs, int rows, double[] outputs) {
        requireRows(rows);
        requireLength(parameters, layout.parameterCount(), "parameters");
        requireLength(inputs, rows * inputSize(), "inputs");
        requireLength(outputs, rows * outputSize(), "outputs");
        forward(parameters, true, inputs, rows);
        System.arraycopy(lastA, 0, outputs, 0, rows * outputSize());
    }

    /**
     * Builds the network of this evaluator's shape at {@code parameters}, checking every value is
     * finite (a value, for sources that need one).
     */
    Network network(double[] parameters) {
        requireLength(parameters, layout.parameterCount(), "parameters");
        return template.withParameters(parameters.length == layout.parameterCount() ? parameters
                : Arrays.copyOf(parameters, layout.parameterCount()));
    }

    // ------------------------------------------------------------------ the network's own values

    /** {@link #lossAndGradient} at the network's own parameters (no parameter vector is built). */
    double lossAndGradient(double[] inputs, double[] targets, int rows, double[] gradient) {
        forward(null, false, inputs, rows);
        double value = checkedLoss(targets, rows);
        backward(null, false, inputs, targets, rows, gradient);
        return value;
    }

    /** {@link #predict} at the network's own parameters: writes the first {@code rows} outputs. */
    void predictOwn(double[] inputs, int rows, double[] outputs, int outputsAt) {
        forward(null, false, inputs, rows);
        System.arraycopy(lastA, 0, outputs, outputsAt, rows * outputSize());
    }

    /** {@link #loss} at the network's own parameters. */
    double loss(double[] inputs, double[] targets, int rows) {
        forward(null, false, inputs, rows);
        return checkedLoss(targets, rows);
    }

    // ------------------------------------------------------------------ a part of a larger batch

    /**
     * {@link #lossAndGradient} of {@code rows} rows that are a part (a chunk) of a batch of
     * {@code ofRows} rows: a mean loss and its gradient divide by {@code ofRows}, so the parts' losses
     * and gradients add up to the batch's. At the network's own parameters when {@code parameters} is
     * null. The part's rows go through the same calls as a batch of their own; only the two calls into
     * {@link Loss} (its value and its output delta) read {@link #partOfBatch}.
     */
    double lossAndGradientOfPart(double[] parameters, double[] inputs, double[] targets, int rows, int ofRows,
            double[] gradient) {
        batchRows = ofRows;
        try {
            return parameters == null ? lossAndGradient(inputs, targets, rows, gradient)
                    : lossAndGradient(parameters, inputs, targets, rows, gradient);
        } finally {
            batchRows = 0;
        }
    }

    /** {@link #loss} of a part of a batch of {@code ofRows} rows, as {@link #lossAndGradientOfPart}. */
    double lossOfPart(double[] parameters, double[] inputs, double[] targets, int rows, int ofRows) {
        batchRows = ofRows;
        try {
            return parameters == null ? loss(inputs, targets, rows) : loss(parameters, inputs, targets, rows);
        } finally {
            batchRows = 0;
        }
    }

    /** The rows a mean divides by: the whole batch's when a part is evaluated, else the call's. */
    private int partOfBatch(int rows) {
        return batchRows == 0 ? rows : batchRows;
    }

    /**
     * Estimates {@code dJ/dtheta} at {@code theta} by finite differences into {@code gradient} and
     * returns {@code J(theta)}: forward {@code (J(theta + h e_i) - J(theta)) / h} or central
     * {@code (J(theta + h e_i) - J(theta - h e_i)) / 2h}. Each probe changes {@code theta[i]} in
     * place and restores it, so {@code theta} ends with the bits it had.
     *
     * <p>A probe does only the work its perturbation changes. Moving a weight {@code W[l][p][q]} or a
     * bias {@code b[l][q]} changes only column {@code q} of layer {@code l}'s pre-activations (and,
     * for an elementwise activation, of its outputs), and then every layer after it. So the probe
     * starts from the unperturbed pass, kept once per estimate, recomputes that one column in the
     * order every product uses (so its bits are those of the whole product), and runs the later layers
     * in full. Every probe therefore has the bits of {@code network.withParameters(...).loss(...)},
     * and so does the estimate.
     *
     * @throws IllegalArgumentException if {@code step} vanishes against a coordinate (naming it)
     */
    double finiteDifferences(boolean forward, double step, double[] theta, double[] inputs, double[] targets,
            int rows, double[] gradient) {
        return finiteDifferences(forward, step, theta, inputs, targets, rows, gradient, 0, layout.parameterCount());
    }

    /**
     * {@link #finiteDifferences(boolean, double, double[], double[], double[], int, double[])} for the
     * parameters {@code [from, to)} only: writes {@code gradient[from .. to)} and nothing else, and
     * returns {@code J(theta)}. Each entry is a function of {@code theta} and the batch alone, so
     * ranges estimated apart (on several threads, each with its own evaluator and its own copy of
     * {@code theta}) give the bits of one whole estimate.
     */
    double finiteDifferences(boolean forward, double step, double[] theta, double[] inputs, double[] targets,
            int rows, double[] gradient, int from, int to) {
        double atPoint = loss(theta, inputs, targets, rows);
        keepUnperturbedPass(rows);
        for (int i = from; i < to; i++) {
            double original = theta[i];
            if (original + step == original) {
                throw new IllegalArgumentException("step " + step + " vanishes against coordinate " + i + " = "
                        + original + "; use a larger step");
            }
            int l = layout.layerOf(i);
            int out = layers.get(l).outputSize();
            int k = i - layout.weightOffset(l);
            int column = k < layers.get(l).inputSize() * out ? k % out : i - layout.biasOffset(l);
            try {
                theta[i] = original + step;
                double plus = probe(theta, l, column, inputs, targets, rows);
                if (forward) {
                    gradient[i] = (plus - atPoint) / step;
                } else {
                    theta[i] = original - step;
                    double minus = probe(theta, l, column, inputs, targets, rows);
                    gradient[i] = (plus - minus) / (2 * step);
                }
            } finally {
                theta[i] = original;
            }
        }
        return atPoint;
    }

    /** Copies the forward pass just run into the unperturbed buffers, allocated the first time. */
    private void keepUnperturbedPass(int rows) {
        if (baseZ == null) {
            baseZ = new double[z.length][][];
            baseA = new double[a.length][][];
            for (int l = 0; l < z.length; l++) {
                int out = layers.get(l).outputSize();
                baseZ[l] = new double[capacity][out];
                baseA[l] = new double[capacity][out];
            }
        }
        for (int l = 0; l < z.length; l++) {
            int out = layers.get(l).outputSize();
            Kernels.copyRows(z[l], baseZ[l], rows, out);
            Kernels.copyRows(a[l], baseA[l], rows, out);
        }
    }

    /**
     * The loss with one parameter of layer {@code l}, in column {@code column}, moved in
     * {@code theta}: that column of layer {@code l} recomputed from the unperturbed pass, then every
     * later layer in full (their weights, unchanged, are still in the buffers of that pass).
     */
    private double probe(double[] theta, int l, int column, double[] inputs, double[] targets, int rows) {
        DenseLayer layer = layers.get(l);
        int in = layer.inputSize();
        int out = layer.outputSize();
        int weightsAt = layout.weightOffset(l) + column;
        int bias = layout.biasOffset(l);
        ElementwiseActivation elementwise = layer.activation() instanceof ElementwiseActivation e ? e : null;
        Kernels.copyRows(baseZ[l], z[l], rows, out);
        for (int i = 0; i < rows; i++) {
            double[] x = l == 0 ? inputs : baseA[l - 1][i];
            int xAt = l == 0 ? i * in : 0;
            double sum = 0.0;
            for (int k = 0; k < in; k++) {
                sum += x[xAt + k] * theta[weightsAt + k * out];
            }
            z[l][i][column] = bias < 0 ? sum : sum + theta[bias + column];
        }
        if (elementwise != null) {
            Kernels.copyRows(baseA[l], a[l], rows, out);
            for (int i = 0; i < rows; i++) {
                a[l][i][column] = elementwise.apply(z[l][i][column]);
            }
        } else {
            layer.activation().forwardRows(z[l], a[l], rows, out); // a row-wise activation: whole rows change
        }
        for (int m = l + 1; m < layers.size(); m++) {
            layerForward(m, true, a[m - 1], null, rows);
        }
        keepLastLayer(rows);
        return checkedLoss(targets, rows);
    }

    // ------------------------------------------------------------------ the passes

    /**
     * Fills {@code z[l]} and {@code a[l]} for the first {@code rows} rows, and the output layer's
     * row-major copies. Weights and biases come from {@code parameters} at the layout's offsets when
     * {@code fromVector}, else from the layers.
     */
    private void forward(double[] parameters, boolean fromVector, double[] inputs, int rows) {
        if (fromVector) {
            ensureVectorWeights();
        }
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            int in = layer.inputSize();
            int out = layer.outputSize();
            if (fromVector) {
                Kernels.toRows(parameters, layout.weightOffset(l), weights[l], in, out, false);
                if (layer.hasBias()) {
                    int at = layout.biasOffset(l);
                    for (int j = 0; j < out; j++) {
                        biases[l][j] = parameters[at + j];
                    }
                }
            }
            layerForward(l, fromVector, l == 0 ? null : a[l - 1], inputs, rows);
        }
        keepLastLayer(rows);
    }

    /**
     * Runs layer {@code l} on the first {@code rows} rows of {@code input} (or, for the first layer,
     * of the row-major {@code inputs}), with the weights of the last {@link #forward} from a vector
     * when {@code fromVector}, else the network's own.
     */
    private void layerForward(int l, boolean fromVector, double[][] input, double[] inputs, int rows) {
        DenseLayer layer = layers.get(l);
        int in = layer.inputSize();
        int out = layer.outputSize();
        double[][] w = fromVector ? weights[l] : ownWeights[l];
        double[] bias = !layer.hasBias() ? null : fromVector ? biases[l] : layer.bias().raw();
        double[][] zl = z[l];
        for (int i = 0; i < rows; i++) {
            if (input == null) {
                Kernels.rowTimes(inputs, i * in, w, zl[i], in, out);
            } else {
                Kernels.rowTimes(input[i], 0, w, zl[i], in, out);
            }
            if (bias != null) {
                Kernels.addRow(zl[i], bias, out);
            }
        }
        layer.activation().forwardRows(zl, a[l], rows, out);
    }

    /** Copies the output layer's rows into the row-major arrays the loss reads. */
    private void keepLastLayer(int rows) {
        int last = layers.size() - 1;
        Kernels.fromRows(z[last], lastZ, 0, rows, outputs);
        Kernels.fromRows(a[last], lastA, 0, rows, outputs);
    }

    /** Writes {@code dJ/dtheta} into {@code gradient} from the buffers the forward pass filled. */
    private void backward(double[] parameters, boolean fromVector, double[] inputs, double[] targets, int rows,
            double[] gradient) {
        ensureBackwardBuffers();
        int last = layers.size() - 1;
        DenseLayer output = layers.get(last);
        loss.outputDelta(output.activation(), lastZ, lastA, targets, rows, outputs, partOfBatch(rows), lastDelta);
        Kernels.toRows(lastDelta, 0, delta, rows, outputs, false);
        double[][] d = delta;
        double[][] next = spare;
        for (int l = last; l >= 0; l--) {
            DenseLayer layer = layers.get(l);
            int in = layer.inputSize();
            int out = layer.outputSize();
            if (layer.hasBias()) {
                Kernels.columnSums(d, biasGradient, rows, out);
                System.arraycopy(biasGradient, 0, gradient, layout.biasOffset(l), out);
            }
            Kernels.transposeTimes(inputs, l == 0 ? null : a[l - 1], d, weightGradient, rows, in, out);
            Kernels.fromRows(weightGradient, gradient, layout.weightOffset(l), in, out);
            if (l > 0) {
                if (transposed[l] == null) {
                    transposed[l] = new double[out][in];
                }
                Kernels.toRows(fromVector ? parameters : layer.weights().raw(), fromVector ? layout.weightOffset(l) : 0,
                        transposed[l], in, out, true);
                for (int i = 0; i < rows; i++) {
                    Kernels.rowTimes(d[i], 0, transposed[l], next[i], out, in);
                }
                layers.get(l - 1).activation().backwardRows(z[l - 1], a[l - 1], next, rows, in);
                double[][] swap = d;
                d = next;
                next = swap;
            }
        }
    }

    /** The loss of the last forward pass, or the exception that names why it is not finite. */
    private double checkedLoss(double[] targets, int rows) {
        int last = layers.size() - 1;
        double[] out = lastA;
        // The outputs are checked first, as predict reports them (a cheap scan of the last layer only:
        // a loss that skips an entry, such as cross-entropy at a target of 0, could hide one).
        Network.requireFiniteOutputs(out, rows * outputs, outputs);
        double value = loss.valueOfLayer(layers.get(last).activation(), lastZ, out, targets, rows, outputs,
                partOfBatch(rows));
        if (!Double.isFinite(value)) {
            throw loss.overflow(out, targets, rows * outputs, outputs, rows + "x" + outputs);
        }
        return value;
    }

    private int inputSize() {
        return layers.get(0).inputSize();
    }

    private int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    private void requireBatch(double[] parameters, double[] inputs, double[] targets, int rows) {
        requireRows(rows);
        requireLength(parameters, layout.parameterCount(), "parameters");
        requireLength(inputs, rows * inputSize(), "inputs");
        requireLength(targets, rows * outputSize(), "targets");
    }

    private void requireRows(int rows) {
        if (rows < 1 || rows > capacity) {
            throw new IllegalArgumentException("a batch of " + rows + " rows is outside [1, " + capacity
                    + "], this evaluator's capacity");
        }
    }

    private static void requireLength(double[] array, int needed, String what) {
        if (array == null) {
            throw new IllegalArgumentException(what + " array is null");
        }
        if (array.length < needed) {
            throw new IllegalArgumentException(what + " array holds " + array.length + " values, needs "
                    + needed);
        }
    }
}
