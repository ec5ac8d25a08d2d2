package io.github.diynn.core;

import io.github.diynn.internal.Batches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * An immutable feed-forward network: dense layers applied in order.
 *
 * <p>A network holds no mutable state, so one instance may serve {@link #predict(Matrix)} from any
 * number of threads at once, each call giving the same bits as on a single thread (no scratch buffer
 * is shared between calls). Training never changes a network; it returns a new one, so a network
 * may keep serving predictions while a trainer works from it.
 *
 * <p>The parameter vector is the network's one link to training. Its layout: layer by layer, first
 * the weights row by row ({@code inputSize x outputSize}), then the bias if the layer has one.
 * {@link #parameterLocation(int)} names the layer, kind, row and column of any index.
 *
 * <pre>{@code
 * Network net = Network.builder(2)          // 2 inputs
 *         .dense(3, Activation.SIGMOID)      // -> 3 sigmoid units
 *         .dense(1, Activation.IDENTITY)     // -> 1 linear output
 *         .withoutBiases()                   // as in the tutorial
 *         .build(42);                        // N(0,1) weights from seed 42
 * }</pre>
 */
public final class Network {

    private final List<DenseLayer> layers;
    private final Layout layout;
    private final int parameterCount;
    /** {@link #weightRows()}, made on first use. */
    private volatile double[][][] weightRows;

    private Network(List<DenseLayer> layers) {
        this.layers = List.copyOf(layers);
        this.layout = new Layout(this.layers);
        this.parameterCount = layout.parameterCount();
    }

    /** Where each layer's parameters sit in {@link #parameters()}. */
    Layout layout() {
        return layout;
    }

    /**
     * Each layer's weights as arrays of rows, the layout the kernels read: made on first use and
     * shared by every evaluator of this network. They are derived from the immutable weights and
     * never written after they are published (through the volatile field), so sharing them between
     * threads is safe; two threads that race to make them make equal copies, and either may win.
     * They take no part in {@link #equals(Object)}.
     */
    double[][][] weightRows() {
        double[][][] rows = weightRows;
        if (rows == null) {
            rows = new double[layers.size()][][];
            for (int l = 0; l < layers.size(); l++) {
                DenseLayer layer = layers.get(l);
                rows[l] = new double[layer.inputSize()][layer.outputSize()];
                Kernels.toRows(layer.weights().raw(), 0, rows[l], layer.inputSize(), layer.outputSize(), false);
            }
            weightRows = rows;
        }
        return rows;
    }

    /**
     * Builds a network from layers whose sizes chain.
     *
     * @param layers at least one layer; each layer's input size must equal the previous output size
     * @return a new network
     * @throws IllegalArgumentException if the list is null or empty, holds null, or sizes do not chain
     */
    public static Network of(List<DenseLayer> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 0; i < layers.size(); i++) {
            DenseLayer layer = layers.get(i);
            if (layer == null) {
                throw new IllegalArgumentException("layer " + i + " is null");
            }
            if (i > 0 && layer.inputSize() != layers.get(i - 1).outputSize()) {
                throw new IllegalArgumentException("layer " + i + " takes " + layer.inputSize()
                        + " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).outputSize());
            }
        }
        return new Network(layers);
    }

    /**
     * Builds a network from layers whose sizes chain.
     *
     * @param layers at least one layer
     * @return a new network
     * @throws IllegalArgumentException as {@link #of(List)}
     */
    public static Network of(DenseLayer... layers) {
        if (layers == null) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        return of(Arrays.asList(layers));
    }

    /**
     * Starts a builder for a network with the given number of inputs.
     *
     * @param inputSize the number of input features, at least 1
     * @return a new builder
     * @throws IllegalArgumentException if {@code inputSize} is less than 1
     */
    public static Builder builder(int inputSize) {
        return new Builder(inputSize);
    }

    /**
     * Returns the layers, in order.
     *
     * @return an unmodifiable list
     */
    public List<DenseLayer> layers() {
        return layers;
    }

    /**
     * Returns the number of input features.
     *
     * @return the first layer's input size
     */
    public int inputSize() {
        return layers.get(0).inputSize();
    }

    /**
     * Returns the number of outputs.
     *
     * @return the last layer's output size
     */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /**
     * Returns the number of parameters (all weights and biases).
     *
     * @return the length of {@link #parameters()}
     */
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * Runs a forward pass over a batch.
     *
     * @param inputs a {@code samples x inputSize} matrix of finite values, one sample per row
     * @return a new {@code samples x outputSize} matrix of finite values
     * @throws IllegalArgumentException if {@code inputs} is null, has the wrong number of columns or
     *     holds a NaN or infinite value (its row and column are named)
     * @throws ArithmeticException if an output overflows to infinity or NaN (inputs far outside the
     *     range the network was trained on); the sample and output are named
     */
    public Matrix predict(Matrix inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("inputs are null");
        }
        if (inputs.columns() != inputSize()) {
            throw new IllegalArgumentException("network takes " + inputSize() + " inputs per sample, got a "
                    + inputs.shape() + " batch");
        }
        requireFinite(inputs, "inputs");
        // Layer by layer as DenseLayer.forward, by the engine's own pass (so the bits are the trainer's),
        // in blocks of rows as a Predictor runs them: each row's outputs depend on that row alone, and
        // the workspace stays the size of a block however large the batch.
        int rows = inputs.rows();
        double[] out = new double[rows * outputSize()];
        if (rows > 0) {
            int block = Math.min(rows, Predictor.BLOCK);
            BatchEvaluator evaluator = BatchEvaluator.of(this, Loss.SUM_SQUARED_ERROR, block);
            for (int from = 0; from < rows; from += block) {
                int count = Math.min(block, rows - from);
                evaluator.predictOwn(inputs.raw(), from * inputSize(), count, out, from * outputSize());
            }
        }
        requireFiniteOutputs(out, out.length, outputSize());
        return Matrix.wrap(inputs.rows(), outputSize(), out);
    }

    /**
     * Reports a forward pass's output (the first {@code n} values of a {@code samples x outputs}
     * row-major array) that is NaN or infinite as {@link #predict(Matrix)} does, naming the sample
     * and the output.
     */
    static void requireFiniteOutputs(double[] out, int n, int outputs) {
        if (Kernels.allFinite(out, n)) {
            return;
        }
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(out[k])) {
                throw new ArithmeticException("prediction overflowed: output " + (k % outputs) + " of sample "
                        + (k / outputs) + " is " + out[k] + "; scale the inputs to the range the network"
                        + " was trained on");
            }
        }
    }

    private static void requireFinite(Matrix matrix, String what) {
        Batches.requireFinite(matrix, what);
    }

    /**
     * Returns a predictor for this network: an object with buffers of its own that writes outputs
     * into the caller's arrays and allocates nothing per call, for a hot loop on one thread.
     *
     * @return a new predictor (not thread-safe; make one per thread)
     */
    public Predictor predictor() {
        return new Predictor(this, Parallelism.sequential());
    }

    /**
     * Returns a predictor whose batches of rows may use the workers of {@code parallelism}: blocks of
     * rows are shared among the calling thread and helpers made for each call (or tasks on the
     * caller's executor), with the bits of one thread. One sample, and any batch too small to pay for
     * a helper, stays on the calling thread.
     *
     * @param parallelism the workers a batch may use
     * @return a new predictor (not thread-safe; make one per calling thread)
     * @throws IllegalArgumentException if {@code parallelism} is null
     */
    public Predictor predictor(Parallelism parallelism) {
        if (parallelism == null) {
            throw new IllegalArgumentException("parallelism is null");
        }
        return new Predictor(this, parallelism);
    }

    /**
     * Runs a forward pass over a batch on the workers of {@code parallelism}: the outputs of
     * {@link #predict(Matrix)}, bit for bit, for any number of workers (each row's outputs depend on
     * that row alone). Threads made for the call are joined before it returns.
     *
     * @param inputs a {@code samples x inputSize} matrix of finite values, one sample per row
     * @param parallelism the workers to use
     * @return a new {@code samples x outputSize} matrix of finite values
     * @throws IllegalArgumentException as {@link #predict(Matrix)}, or if {@code parallelism} is null
     * @throws ArithmeticException if an output overflows (the sample and output are named)
     * @throws java.util.concurrent.CancellationException if a worker thread or the calling thread was
     *     interrupted
     */
    public Matrix predict(Matrix inputs, Parallelism parallelism) {
        if (parallelism == null) {
            throw new IllegalArgumentException("parallelism is null");
        }
        if (parallelism.workers() == 1) {
            return predict(inputs);
        }
        if (inputs == null) {
            throw new IllegalArgumentException("inputs are null");
        }
        if (inputs.columns() != inputSize()) {
            throw new IllegalArgumentException("network takes " + inputSize() + " inputs per sample, got a "
                    + inputs.shape() + " batch");
        }
        double[] out = new double[inputs.rows() * outputSize()];
        if (inputs.rows() > 0) {
            new Predictor(this, parallelism).predict(inputs.raw(), inputs.rows(), out);
        }
        return Matrix.wrap(inputs.rows(), outputSize(), out);
    }

    /**
     * Runs a forward pass for one sample.
     *
     * @param features the {@code inputSize} finite input values
     * @return a new array of {@code outputSize} finite outputs
     * @throws IllegalArgumentException if {@code features} is null, has the wrong length or holds a
     *     NaN or infinite value (its index is named)
     * @throws ArithmeticException if an output overflows to infinity or NaN
     */
    public double[] predict(double... features) {
        if (features == null) {
            throw new IllegalArgumentException("features are null");
        }
        if (features.length != inputSize()) {
            throw new IllegalArgumentException("network takes " + inputSize() + " inputs, got "
                    + features.length);
        }
        for (int i = 0; i < features.length; i++) {
            if (!Double.isFinite(features[i])) {
                throw new IllegalArgumentException("input column " + i + " is " + features[i]
                        + "; only finite values are allowed");
            }
        }
        // One row through the row kernels on the cached weight rows: what predict(Matrix) computes for
        // a batch of one (the column layout has the same bits), without building an evaluator.
        double[][][] rows = weightRows();
        double[] x = features;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            int out = layer.outputSize();
            double[] z = new double[out];
            Kernels.rowTimes(x, 0, rows[l], z, layer.inputSize(), out);
            if (layer.hasBias()) {
                Kernels.addRow(z, layer.bias().raw(), out);
            }
            double[] a = new double[out];
            layer.activation().forward(z, a, 1, out);
            x = a;
        }
        requireFiniteOutputs(x, x.length, x.length);
        return x;
    }

    /**
     * Returns the loss of this network's predictions on a batch.
     *
     * @param loss the loss
     * @param inputs a {@code samples x inputSize} batch
     * @param targets a {@code samples x outputSize} batch
     * @return {@code loss.value(predict(inputs), targets)}, except that a binary cross-entropy after a
     *     sigmoid output is computed from the logits (see {@link Loss#BINARY_CROSS_ENTROPY})
     * @throws IllegalArgumentException if an argument is null, a shape does not fit (both named) or a
     *     value is NaN or infinite
     * @throws ArithmeticException if a prediction or the loss overflows
     */
    public double loss(Loss loss, Matrix inputs, Matrix targets) {
        if (loss == null) {
            throw new IllegalArgumentException("loss is null");
        }
        requireBatch(inputs, targets);
        // In the trainer's fixed chunks and tree (ParallelEvaluator), so its losses are this one's.
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(this, loss, inputs.rows(),
                Parallelism.sequential())) {
            return evaluator.chunked(null, inputs.raw(), targets.raw(), inputs.rows(), null);
        }
    }

    /**
     * Checks that a batch fits this network (shapes, at least one sample, finite values); the check
     * itself lives in {@code internal.Batches}, shared with the trainer.
     */
    void requireBatch(Matrix inputs, Matrix targets) {
        Batches.require(this, inputs, targets);
    }

    /**
     * Returns a copy of all parameters in the documented layout.
     *
     * @return a new array of {@link #parameterCount()} values
     */
    public double[] parameters() {
        double[] out = new double[parameterCount];
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            double[] w = layer.weights().raw();
            System.arraycopy(w, 0, out, layout.weightOffset(l), w.length);
            if (layer.hasBias()) {
                double[] b = layer.bias().raw();
                System.arraycopy(b, 0, out, layout.biasOffset(l), b.length);
            }
        }
        return out;
    }

    /**
     * Returns a network of the same architecture with the given parameters.
     *
     * @param parameters {@link #parameterCount()} finite values in the documented layout
     * @return a new network; this one is unchanged
     * @throws IllegalArgumentException if the array is null, has the wrong length, or holds a NaN or
     *     infinite value (its location is named)
     */
    public Network withParameters(double[] parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters are null");
        }
        if (parameters.length != parameterCount) {
            throw new IllegalArgumentException("network has " + parameterCount + " parameters, got "
                    + parameters.length);
        }
        for (int k = 0; k < parameters.length; k++) {
            if (!Double.isFinite(parameters[k])) {
                throw new IllegalArgumentException(parameterLocation(k) + " is " + parameters[k]
                        + "; only finite values are allowed");
            }
        }
        List<DenseLayer> rebuilt = new ArrayList<>(layers.size());
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            int in = layer.inputSize();
            int out = layer.outputSize();
            int w0 = layout.weightOffset(l);
            Matrix w = Matrix.wrap(in, out, Arrays.copyOfRange(parameters, w0, w0 + in * out));
            if (layer.hasBias()) {
                int b0 = layout.biasOffset(l);
                Matrix b = Matrix.wrap(1, out, Arrays.copyOfRange(parameters, b0, b0 + out));
                rebuilt.add(DenseLayer.of(w, b, layer.activation()));
            } else {
                rebuilt.add(DenseLayer.of(w, layer.activation()));
            }
        }
        return new Network(rebuilt);
    }

    /**
     * Names the layer, kind, row and column of one parameter index.
     *
     * @param index a position in {@link #parameters()}
     * @return its location
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, parameterCount)}
     */
    public ParameterLocation parameterLocation(int index) {
        if (index < 0 || index >= parameterCount) {
            throw new IndexOutOfBoundsException("parameter index " + index + " is outside [0, "
                    + parameterCount + ")");
        }
        int l = layout.layerOf(index);
        DenseLayer layer = layers.get(l);
        int k = index - layout.weightOffset(l);
        if (k < layer.inputSize() * layer.outputSize()) {
            return new ParameterLocation(index, l, ParameterLocation.Kind.WEIGHT, k / layer.outputSize(),
                    k % layer.outputSize());
        }
        return new ParameterLocation(index, l, ParameterLocation.Kind.BIAS, 0, index - layout.biasOffset(l));
    }

    /**
     * Tells whether {@code other} has the same architecture (sizes, activations, biases) and every
     * parameter within {@code tolerance} of this network's.
     *
     * @param other the network to compare with
     * @param tolerance the largest allowed absolute difference per parameter, at least 0
     * @return true if the architectures match and all parameters are within the tolerance
     * @throws IllegalArgumentException if {@code other} is null or {@code tolerance} is negative or NaN
     */
    public boolean isCloseTo(Network other, double tolerance) {
        if (other == null) {
            throw new IllegalArgumentException("cannot compare with a null network");
        }
        if (!(tolerance >= 0.0)) {
            throw new IllegalArgumentException("tolerance must be at least 0, got " + tolerance);
        }
        if (layers.size() != other.layers.size()) {
            return false;
        }
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer a = layers.get(l);
            DenseLayer b = other.layers.get(l);
            if (!a.activation().equals(b.activation()) || a.hasBias() != b.hasBias()
                    || !a.weights().isCloseTo(b.weights(), tolerance)
                    || a.hasBias() && !a.bias().isCloseTo(b.bias(), tolerance)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Exact equality of all layers.
     *
     * @param obj the object to compare with
     * @return true if {@code obj} is a network with equal layers
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Network other && layers.equals(other.layers);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return layers.hashCode();
    }

    /**
     * Describes the architecture, for example
     * {@code "Network 2 -> 3 SIGMOID -> 1 IDENTITY (9 parameters, no biases)"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Network ").append(inputSize());
        boolean anyBias = false;
        boolean allBias = true;
        for (DenseLayer layer : layers) {
            text.append(" -> ").append(layer.outputSize()).append(' ').append(layer.activation());
            anyBias |= layer.hasBias();
            allBias &= layer.hasBias();
        }
        String biases = allBias ? "with biases" : anyBias ? "some biases" : "no biases";
        return text.append(" (").append(parameterCount).append(" parameters, ").append(biases).append(')')
                .toString();
    }

    /**
     * Describes the network as a table, one row per layer, as Keras' {@code model.summary()} does:
     * the layer's index, units, activation, weights shape ({@code inputs x units}), bias length
     * ({@code -} without a bias) and parameter count, then the total. For the tutorial's 2-3-1:
     *
     * <pre>
     * Network: 2 inputs -&gt; 1 output
     * layer  units  activation  weights  bias  parameters
     * -----  -----  ----------  -------  ----  ----------
     *     0      3  SIGMOID         2x3     -           6
     *     1      1  IDENTITY        3x1     -           3
     * total                                             9
     * </pre>
     *
     * <p>Lines end with {@code \n}, also after the last line; columns are as wide as their widest
     * entry.
     *
     * @return the table
     */
    public String summary() {
        String[] header = {"layer", "units", "activation", "weights", "bias", "parameters"};
        String[][] rows = new String[layers.size() + 1][];
        rows[0] = header;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            rows[l + 1] = new String[] {Integer.toString(l), Integer.toString(layer.outputSize()),
                layer.activation().toString(), layer.inputSize() + "x" + layer.outputSize(),
                layer.hasBias() ? Integer.toString(layer.outputSize()) : "-",
                Integer.toString(layer.parameterCount())};
        }
        String total = Integer.toString(parameterCount);
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        widths[widths.length - 1] = Math.max(widths[widths.length - 1], total.length());
        StringBuilder text = new StringBuilder("Network: ").append(inputSize())
                .append(inputSize() == 1 ? " input -> " : " inputs -> ").append(outputSize())
                .append(outputSize() == 1 ? " output\n" : " outputs\n");
        for (int r = 0; r < rows.length; r++) {
            appendRow(text, rows[r], widths);
            if (r == 0) {
                String[] rule = new String[header.length];
                for (int c = 0; c < rule.length; c++) {
                    rule[c] = "-".repeat(widths[c]);
                }
                appendRow(text, rule, widths);
            }
        }
        // The total sits under the parameter column; the other cells of its row are blank.
        String[] last = new String[header.length];
        Arrays.fill(last, "");
        last[0] = "total";
        last[last.length - 1] = total;
        appendRow(text, last, widths);
        return text.toString();
    }

    /**
     * Appends one table row: the activation column left-aligned (it holds names), every other column
     * right-aligned (numbers and shapes), two spaces between columns, no trailing spaces.
     */
    private static void appendRow(StringBuilder text, String[] cells, int[] widths) {
        int start = text.length();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                text.append("  ");
            }
            boolean left = c == 2 || c == 0 && cells[c].equals("total");
            String pad = " ".repeat(widths[c] - cells[c].length());
            text.append(left ? cells[c] + pad : pad + cells[c]);
        }
        int end = text.length();
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        text.setLength(end);
        text.append('\n');
    }

    /**
     * Builds a network layer by layer, then draws its initial weights from a seeded generator.
     *
     * <p>Weights are drawn by the {@link Initializer} (by default {@link Initializer#STANDARD_NORMAL},
     * N(0, 1) like the tutorial's {@code np.random.randn}), layer by layer and row by row; biases
     * start at 0. A builder is not thread-safe; the networks it builds are.
     */
    public static final class Builder {

        private final int inputSize;
        private final List<Integer> sizes = new ArrayList<>();
        private final List<Activation> activations = new ArrayList<>();
        private boolean biases = true;
        private Initializer initializer = Initializer.STANDARD_NORMAL;

        private Builder(int inputSize) {
            if (inputSize < 1) {
                throw new IllegalArgumentException("a network needs at least 1 input, got " + inputSize);
            }
            this.inputSize = inputSize;
        }

        /**
         * Appends a dense layer.
         *
         * @param units the number of units (outputs), at least 1
         * @param activation the layer's activation
         * @return this builder
         * @throws IllegalArgumentException if {@code units} is less than 1 or {@code activation} is null
         */
        public Builder dense(int units, Activation activation) {
            if (units < 1) {
                throw new IllegalArgumentException("layer " + sizes.size() + " needs at least 1 unit, got "
                        + units);
            }
            if (activation == null) {
                throw new IllegalArgumentException("layer " + sizes.size() + " activation is null");
            }
            sizes.add(units);
            activations.add(activation);
            return this;
        }

        /**
         * Builds every layer without a bias, as the tutorial does (its biases stay at 0).
         *
         * @return this builder
         */
        public Builder withoutBiases() {
            biases = false;
            return this;
        }

        /**
         * Sets how initial weights are drawn for every layer.
         *
         * @param initializer the initializer; {@link Initializer#STANDARD_NORMAL} if never set
         * @return this builder
         * @throws IllegalArgumentException if {@code initializer} is null
         */
        public Builder initializer(Initializer initializer) {
            if (initializer == null) {
                throw new IllegalArgumentException("initializer is null");
            }
            this.initializer = initializer;
            return this;
        }

        /**
         * Builds the network with weights from {@code new java.util.Random(seed)}, whose Gaussian
         * draws are specified to the bit, so the same seed gives the same network on every JVM.
         *
         * @param seed the seed
         * @return a new network
         * @throws IllegalStateException if no layer was added
         */
        public Network build(long seed) {
            return build(new Random(seed));
        }

        /**
         * Builds the network with weights drawn from the given generator.
         *
         * @param random the source of the initializer's draws; it is advanced
         * @return a new network
         * @throws IllegalArgumentException if {@code random} is null
         * @throws IllegalStateException if no layer was added
         */
        public Network build(RandomGenerator random) {
            if (random == null) {
                throw new IllegalArgumentException("random generator is null");
            }
            if (sizes.isEmpty()) {
                throw new IllegalStateException("add at least one layer with dense(units, activation)");
            }
            List<DenseLayer> layers = new ArrayList<>(sizes.size());
            int in = inputSize;
            for (int l = 0; l < sizes.size(); l++) {
                int out = sizes.get(l);
                Matrix weights = initializer.weights(random, in, out);
                layers.add(biases
                        ? DenseLayer.of(weights, Matrix.wrap(1, out, new double[out]), activations.get(l))
                        : DenseLayer.of(weights, activations.get(l)));
                in = out;
            }
            return new Network(layers);
        }
    }
}
