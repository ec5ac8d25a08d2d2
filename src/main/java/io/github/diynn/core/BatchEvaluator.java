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
 * {@link Backpropagation}, by the same code, so the results have the same bits for a batch of one
 * chunk ({@link ParallelEvaluator#chunkRows(int)} rows, set by the network's size). Those sum a
 * larger batch in fixed chunks of that many rows and a pairwise tree ({@link ParallelEvaluator}, the trainer's engine); this evaluator sums it
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
    /** The outputs of up to eight finite-difference probes, row-major, whose losses are summed together. */
    private double[][] probeOutputs;
    private final int[] probeIndex = new int[PROBES];
    private final double[] probeTotals = new double[PROBES];
    /** Values a group of short rows holds in {@link #activationScratch}: enough for the sigmoid's vector loop to pay. */
    private static final int SCRATCH_GROUP = 2048;
    /** Whether {@link ColumnPrediction} may serve {@link #predictOwn}: column layouts allowed, and not {@link ColumnPasses}'. */
    private final boolean predictionByColumnsAllowed;
    /** Prediction by columns for a network {@link ColumnPasses} does not take, made by the first batch that needs it. */
    private ColumnPrediction prediction;
    /** The activations' scratch, made by the first pass that needs it ({@link #activationScratch()}). */
    private double[][] activationScratch;
    private static final int PROBES = 8;
    /** The column layout's passes for a narrow network (see {@link ColumnPasses}), else null. */
    private final ColumnPasses columns;
    /**
     * The rows of the whole batch the current call's rows are a part of, which a mean loss divides by
     * (see {@link #partOfBatch}); 0 while no part is being evaluated, when the call's rows are the batch.
     */
    private int batchRows;

    private BatchEvaluator(Network network, Loss loss, int capacity, boolean columnsAllowed) {
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
        int last = Math.multiplyExact(capacity, outputs);
        this.lastZ = new double[last];
        this.lastA = new double[last];
        this.predictionByColumnsAllowed = columnsAllowed && !ColumnPasses.suits(network); // every activation has a column form
        this.columns = columnsAllowed && ColumnPasses.suits(network) ? new ColumnPasses(network, capacity, lastZ, lastA) : null;
        int wide = network.inputSize();
        int wideIn = 1;
        int wideOut = 1;
        for (int l = 0; l < count; l++) {
            DenseLayer layer = layers.get(l);
            int in = layer.inputSize();
            int out = layer.outputSize();
            wide = Math.max(wide, out);
            wideIn = Math.max(wideIn, in);
            wideOut = Math.max(wideOut, out);
        }
        this.widest = wide;
        this.widestIn = wideIn;
        this.widestOut = wideOut;
    }

    /*
     * Buffers that only some calls need are made by the first call that needs them: the weights
     * copied from a parameter vector (not needed to predict with the network's own), the backward
     * pass's deltas and gradient rows (not needed for a loss or a prediction), and the row layout's
     * activations (not needed when a prediction goes by columns). So a predict-only evaluator, as
     * Network.predict builds one per call, allocates the least, and a training run still allocates
     * nothing per step after its first.
     */

    /** The row layout's pre-activations and outputs: not needed by an evaluator that predicts by columns only. */
    private void ensureRowLayers() {
        if (z[0] == null) {
            for (int l = 0; l < layers.size(); l++) {
                int out = layers.get(l).outputSize();
                z[l] = new double[capacity][out];
                a[l] = new double[capacity][out];
            }
        }
    }

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
        return new BatchEvaluator(network, loss, capacity, true);
    }

    /** An evaluator that keeps to the row layout even for a narrow network: the oracle of {@code ColumnPassesTest}. */
    static BatchEvaluator inRowLayout(Network network, Loss loss, int capacity) {
        return new BatchEvaluator(network, loss, capacity, false);
    }

    /** {@return whether this evaluator runs the column layout of {@link ColumnPasses}} */
    boolean byColumns() {
        return columns != null;
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
        return evaluate(parameters, true, inputs, targets, rows, gradient);
    }

    /**
     * The loss and the gradient at {@code parameters} when {@code fromVector}, else at the network's
     * own: the fused paths of {@link ColumnPasses} where they apply, else a forward pass, the loss
     * and a backward pass.
     */
    private double evaluate(double[] parameters, boolean fromVector, double[] inputs, double[] targets, int rows,
            double[] gradient) {
        int n = partOfBatch(rows) * outputs;
        if (fusesSquares() && columns.isOneSmallLayer()) {
            double value = loss.squaredErrorScale(n) * columns.oneLayer(loss.squaredErrorGradientFactor(n),
                    parameters, fromVector, inputs, targets, rows, gradient);
            if (Double.isFinite(value)) {
                return value;
            }
            forward(parameters, fromVector, inputs, rows); // the one-layer loop keeps no outputs
            return checkedLoss(targets, rows); // names the output or the overflow
        }
        forward(parameters, fromVector, inputs, rows);
        if (fusesSquares()) {
            double squares = columns.backward(loss, parameters, fromVector, targets, rows, partOfBatch(rows),
                    gradient, true);
            double value = loss.squaredErrorScale(n) * squares;
            // A finite sum of squares of finite targets means every output is finite.
            return Double.isFinite(value) ? value : checkedLoss(targets, rows);
        }
        double value = checkedLoss(targets, rows);
        backward(parameters, fromVector, inputs, targets, rows, gradient);
        return value;
    }

    /**
     * Whether a narrow network's squared-error loss is summed inside its backward pass: one output
     * and a loss that is a multiple of the sum of squares ({@link ColumnPasses#backward}).
     */
    private boolean fusesSquares() {
        return columns != null && outputs == 1 && !Double.isNaN(loss.squaredErrorScale(1));
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
        return evaluate(null, false, inputs, targets, rows, gradient);
    }

    /**
     * {@link #predict} at the network's own parameters of {@code rows} rows of {@code inputs} from
     * value {@code inputsAt} (a whole batch, or a block of a larger one), read where they lie:
     * writes their outputs into {@code outputs} from {@code outputsAt}. A block of a network the
     * column layout of training does not take goes by {@link ColumnPrediction}, with the same
     * bits, when {@link #predictsBlockByColumns} says so.
     */
    void predictOwn(double[] inputs, int inputsAt, int rows, double[] outputs, int outputsAt) {
        if (predictsBlockByColumns(rows, inputsAt)) {
            if (prediction == null) {
                prediction = new ColumnPrediction(template, capacity);
            }
            prediction.predict(inputs, inputsAt, rows, outputs, outputsAt);
            return;
        }
        forward(null, false, inputs, inputsAt, rows);
        System.arraycopy(lastA, 0, outputs, outputsAt, rows * outputSize());
    }

    /** {@return whether {@link #predictOwn} of {@code rows} rows goes by {@link ColumnPrediction}} */
    boolean predictsByColumns(int rows) {
        return predictionByColumnsAllowed && rows >= ColumnPrediction.MIN_ROWS;
    }

    /**
     * {@return whether a block of {@code rows} rows of a larger batch, from value {@code inputsAt},
     * goes by {@link ColumnPrediction}}: as {@link #predictsByColumns}, and also a shorter block
     * after the first ({@code inputsAt > 0}) once the column workspace exists, so that the short
     * last block of a batch needs no row-layout buffers (the bits are the same either way). A call
     * of a few rows on its own, one sample say, keeps the row kernels, which are faster for it.
     */
    boolean predictsBlockByColumns(int rows, int inputsAt) {
        return predictsByColumns(rows) || (predictionByColumnsAllowed && inputsAt > 0 && prediction != null);
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
     * in full. A moved sigmoid or tanh unit takes its new outputs from a Taylor step
     * ({@link ElementwiseActivation#near}) instead of a new exponential, so a probe's loss agrees with
     * the one-pass loss of the rebuilt network to about one rounding ({@code FiniteDifferencesTest}
     * checks every estimate against the from-scratch quotient).
     *
     * @throws IllegalArgumentException if {@code step} vanishes against a coordinate (naming it)
     */
    double finiteDifferences(boolean forward, double step, double[] theta, double[] inputs, double[] targets,
            int rows, double[] gradient) {
        return finiteDifferences(forward, step, theta, inputs, targets, rows, gradient, 0, layout.parameterCount());
    }

    /**
     * {@link #finiteDifferences(boolean, double, double[], double[], double[], int, double[])} for
     * the parameters {@code [from, to)} alone: only those entries of {@code gradient} are written.
     * Each entry is a function of {@code theta} and the batch alone, so splitting the parameters
     * among several evaluators gives every entry the bits of one call over all of them.
     */
    double finiteDifferences(boolean forward, double step, double[] theta, double[] inputs, double[] targets,
            int rows, double[] gradient, int from, int to) {
        double atPoint = loss(theta, inputs, targets, rows);
        if (columns == null) {
            keepUnperturbedPass(rows);
        }
        boolean grouped = columns != null && !Double.isNaN(loss.squaredErrorScale(1));
        int stale = -1;
        int pending = 0;
        for (int i = from; i < to; i++) {
            double original = theta[i];
            if (original + step == original) {
                throw new IllegalArgumentException("step " + step + " vanishes against coordinate " + i + " = "
                        + original + "; use a larger step");
            }
            int l = layout.layerOf(i);
            int column = columnOf(i, l);
            if (columns != null && stale >= 0 && stale < l) {
                // The probes of an earlier layer left the layers after it perturbed; put them back
                // (theta is unmoved here, so this recomputes the unperturbed values, bit for bit).
                columns.laterLayers(theta, stale + 1, rows);
            }
            stale = l < layers.size() - 1 ? l : -1;
            if (grouped && forward) {
                // The probe's outputs are kept, and the squared errors of up to eight probes are summed in one
                // loop (four or eight chains of additions overlap); each sum has the bits of the loss alone.
                try {
                    theta[i] = original + step;
                    int input = inputOf(i, l);
                    double delta = theta[i] - original; // exact: the two are within a factor of two
                    if (!columns.probeInto(theta, l, column, input, delta, rows, probeSlot(pending))) {
                        columns.perturb(theta, l, column, input, delta, rows);
                        keepProbeOutputs(pending, rows);
                        columns.restore(l, column, rows);
                    }
                } finally {
                    theta[i] = original;
                }
                probeIndex[pending++] = i;
                if (pending == PROBES || i == to - 1) {
                    finishProbes(pending, step, atPoint, theta, inputs, targets, rows, gradient);
                    pending = 0;
                }
                continue;
            }
            try {
                theta[i] = original + step;
                double plus = probe(theta, i, original, inputs, targets, rows);
                if (forward) {
                    gradient[i] = (plus - atPoint) / step;
                } else {
                    theta[i] = original - step;
                    double minus = probe(theta, i, original, inputs, targets, rows);
                    gradient[i] = (plus - minus) / (2 * step);
                }
            } finally {
                theta[i] = original;
            }
        }
        return atPoint;
    }

    /** The input of layer {@code l} that weight {@code i} multiplies, or -1 for a bias. */
    private int inputOf(int i, int l) {
        int out = layers.get(l).outputSize();
        int k = i - layout.weightOffset(l);
        return k < layers.get(l).inputSize() * out ? k / out : -1;
    }

    /** The unit of layer {@code l} that parameter {@code i} feeds. */
    private int columnOf(int i, int l) {
        int out = layers.get(l).outputSize();
        int k = i - layout.weightOffset(l);
        return k < layers.get(l).inputSize() * out ? k % out : i - layout.biasOffset(l);
    }

    private void keepProbeOutputs(int slot, int rows) {
        System.arraycopy(lastA, 0, probeSlot(slot), 0, rows * outputs);
    }

    /** The array probe {@code slot} of a group keeps its outputs in, allocated by the first estimate. */
    private double[] probeSlot(int slot) {
        if (probeOutputs == null) {
            probeOutputs = new double[PROBES][capacity * outputs];
        }
        return probeOutputs[slot];
    }

    /**
     * The forward quotients of the {@code count} probes kept: each loss is
     * {@code squaredErrorScale * sum of (y - p)^2}, summed in the order of {@link Loss#value}. A probe
     * whose loss is not finite is run again alone, so that it is reported as any loss is.
     */
    private void finishProbes(int count, double step, double atPoint, double[] theta, double[] inputs,
            double[] targets, int rows, double[] gradient) {
        int n = rows * outputs;
        double[][] p = probeOutputs;
        double[] p0 = p[0];
        double[] p1 = p[count > 1 ? 1 : 0];
        double[] p2 = p[count > 2 ? 2 : 0];
        double[] p3 = p[count > 3 ? 3 : 0];
        double[] p4 = p[count > 4 ? 4 : 0];
        double[] p5 = p[count > 5 ? 5 : 0];
        double[] p6 = p[count > 6 ? 6 : 0];
        double[] p7 = p[count > 7 ? 7 : 0];
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double s4 = 0.0;
        double s5 = 0.0;
        double s6 = 0.0;
        double s7 = 0.0;
        // Four chains for a group of up to four (idle chains are not free: they cost loads and adds,
        // measured 5 % on W1, whose last group holds one probe), eight otherwise.
        if (count <= 4) {
            for (int k = 0; k < n; k++) {
                double y = targets[k];
                double r0 = y - p0[k];
                double r1 = y - p1[k];
                double r2 = y - p2[k];
                double r3 = y - p3[k];
                s0 += r0 * r0;
                s1 += r1 * r1;
                s2 += r2 * r2;
                s3 += r3 * r3;
            }
        } else {
            for (int k = 0; k < n; k++) {
                double y = targets[k];
                double r0 = y - p0[k];
                double r1 = y - p1[k];
                double r2 = y - p2[k];
                double r3 = y - p3[k];
                double r4 = y - p4[k];
                double r5 = y - p5[k];
                double r6 = y - p6[k];
                double r7 = y - p7[k];
                s0 += r0 * r0;
                s1 += r1 * r1;
                s2 += r2 * r2;
                s3 += r3 * r3;
                s4 += r4 * r4;
                s5 += r5 * r5;
                s6 += r6 * r6;
                s7 += r7 * r7;
            }
        }
        probeTotals[0] = s0;
        probeTotals[1] = s1;
        probeTotals[2] = s2;
        probeTotals[3] = s3;
        probeTotals[4] = s4;
        probeTotals[5] = s5;
        probeTotals[6] = s6;
        probeTotals[7] = s7;
        double scale = loss.squaredErrorScale(n);
        for (int s = 0; s < count; s++) {
            int i = probeIndex[s];
            double plus = scale * probeTotals[s];
            if (!Double.isFinite(plus)) {
                double original = theta[i];
                int l = layout.layerOf(i);
                try {
                    theta[i] = original + step;
                    plus = probe(theta, i, original, inputs, targets, rows); // throws, naming the entry
                } finally {
                    theta[i] = original;
                }
            }
            gradient[i] = (plus - atPoint) / step;
        }
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
     * The loss with parameter {@code index} moved in {@code theta} from {@code original}: the column
     * of its layer it feeds recomputed from the unperturbed pass (for a hidden sigmoid or tanh unit
     * whose every move is tiny, its outputs by a Taylor step on the exact move), then every later
     * layer in full (their weights, unchanged, are still in the buffers of that pass).
     */
    private double probe(double[] theta, int index, double original, double[] inputs, double[] targets,
            int rows) {
        int l = layout.layerOf(index);
        int column = columnOf(index, l);
        int input = inputOf(index, l);
        double delta = theta[index] - original;
        if (columns != null) {
            columns.perturb(theta, l, column, input, delta, rows);
            try {
                return checkedLoss(targets, rows);
            } finally {
                columns.restore(l, column, rows);
            }
        }
        DenseLayer layer = layers.get(l);
        int in = layer.inputSize();
        int out = layer.outputSize();
        int weightsAt = layout.weightOffset(l) + column;
        int bias = layout.biasOffset(l);
        ElementwiseActivation elementwise = layer.activation() instanceof ElementwiseActivation e ? e : null;
        if (l < layers.size() - 1 && elementwise != null && elementwise.takesTaylorSteps()
                && largestInput(l, input, inputs, rows) * Math.abs(delta) <= ElementwiseActivation.TAYLOR_LIMIT) {
            // As ColumnPasses decides it: a hidden unit whose every move x * delta is tiny takes the
            // Taylor step on that exact move; its pre-activations are not needed.
            Kernels.copyRows(baseA[l], a[l], rows, out);
            for (int r = 0; r < rows; r++) {
                double d = input < 0 ? delta : (l == 0 ? inputs[r * in + input] : baseA[l - 1][r][input]) * delta;
                a[l][r][column] = elementwise.taylor(baseA[l][r][column], d);
            }
            for (int m = l + 1; m < layers.size(); m++) {
                layerForward(m, true, a[m - 1], null, 0, rows);
            }
            keepLastLayer(rows);
            return checkedLoss(targets, rows);
        }
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
                a[l][i][column] = elementwise.near(baseZ[l][i][column], baseA[l][i][column], z[l][i][column]);
            }
        } else {
            layer.activation().forwardRows(z[l], a[l], rows, out); // a row-wise activation: whole rows change
        }
        for (int m = l + 1; m < layers.size(); m++) {
            layerForward(m, true, a[m - 1], null, 0, rows);
        }
        keepLastLayer(rows);
        return checkedLoss(targets, rows);
    }

    /** The largest {@code |x|} of input {@code input} of layer {@code l} over the batch (1 for a bias). */
    private double largestInput(int l, int input, double[] inputs, int rows) {
        if (input < 0) {
            return 1.0;
        }
        int in = layers.get(l).inputSize();
        double largest = 0.0;
        for (int r = 0; r < rows; r++) {
            largest = Math.max(largest, Math.abs(l == 0 ? inputs[r * in + input] : baseA[l - 1][r][input]));
        }
        return largest;
    }

    // ------------------------------------------------------------------ the passes

    /**
     * Fills {@code z[l]} and {@code a[l]} for the first {@code rows} rows, and the output layer's
     * row-major copies. Weights and biases come from {@code parameters} at the layout's offsets when
     * {@code fromVector}, else from the layers.
     */
    private void forward(double[] parameters, boolean fromVector, double[] inputs, int rows) {
        forward(parameters, fromVector, inputs, 0, rows);
    }

    /** {@link #forward(double[], boolean, double[], int)} of the rows of {@code inputs} from value {@code inputsAt}. */
    private void forward(double[] parameters, boolean fromVector, double[] inputs, int inputsAt, int rows) {
        if (columns != null) {
            columns.forward(parameters, fromVector, inputs, inputsAt, rows);
            return;
        }
        ensureRowLayers();
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
            layerForward(l, fromVector, l == 0 ? null : a[l - 1], inputs, inputsAt, rows);
        }
        keepLastLayer(rows);
    }

    /**
     * Runs layer {@code l} on the first {@code rows} rows of {@code input} (or, for the first layer,
     * of the row-major {@code inputs} from value {@code inputsAt}), with the weights of the last
     * {@link #forward} from a vector when {@code fromVector}, else the network's own.
     */
    private void layerForward(int l, boolean fromVector, double[][] input, double[] inputs, int inputsAt, int rows) {
        DenseLayer layer = layers.get(l);
        int in = layer.inputSize();
        int out = layer.outputSize();
        double[][] w = fromVector ? weights[l] : ownWeights[l];
        double[] bias = !layer.hasBias() ? null : fromVector ? biases[l] : layer.bias().raw();
        double[][] zl = z[l];
        for (int i = 0; i < rows; i++) {
            if (input == null) {
                Kernels.rowTimes(inputs, inputsAt + i * in, w, zl[i], in, out);
            } else {
                Kernels.rowTimes(input[i], 0, w, zl[i], in, out);
            }
            if (bias != null) {
                Kernels.addRow(zl[i], bias, out);
            }
        }
        layer.activation().forwardRows(zl, a[l], rows, out, activationScratch());
    }

    /**
     * The scratch of {@link Activation#forwardRows(double[][], double[][], int, int, double[][])},
     * made by the first pass that runs.
     */
    private double[][] activationScratch() {
        if (activationScratch == null) {
            int group = (int) Math.min(SCRATCH_GROUP, (long) capacity * widest);
            activationScratch = new double[][] {
                new double[group], new double[group], new double[Math.max(group, widest)]};
        }
        return activationScratch;
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
        if (columns != null) {
            columns.backward(loss, parameters, fromVector, targets, rows, partOfBatch(rows), gradient, false);
            return;
        }
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
        // a loss that skips an entry, such as cross-entropy at a target of 0, could hide one). A
        // squared error reads every output, so it is finite only if they all are: its outputs are
        // scanned only when it is not.
        boolean squared = !Double.isNaN(loss.squaredErrorScale(1));
        if (!squared) {
            Network.requireFiniteOutputs(out, rows * outputs, outputs);
        }
        double value = loss.valueOfLayer(layers.get(last).activation(), lastZ, out, targets, rows, outputs,
                partOfBatch(rows));
        if (!Double.isFinite(value)) {
            if (squared) {
                Network.requireFiniteOutputs(out, rows * outputs, outputs);
            }
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
