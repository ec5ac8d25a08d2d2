package io.github.diynn.core;

import java.util.Arrays;
import java.util.List;

/**
 * The passes of a {@link BatchEvaluator} for a <em>narrow</em> network, laid out by columns: each
 * unit's pre-activations and outputs over the batch are one contiguous array ({@code z[l][j][r]} for
 * row {@code r}), where the row layout would give each sample a row of one to a few values.
 *
 * <p>Why: a layer of one to eight units leaves the row kernels an innermost loop of one to eight
 * iterations, and a step of the tutorial's networks (2-3-1, or the linear regression 2-1) spends
 * most of its time setting loops up. By columns every innermost loop runs over the batch's rows:
 * long, contiguous, and vectorised by the JIT.
 *
 * <p><b>The same bits as the row layout.</b> Every entry is summed in the order
 * {@link Kernels} documents, by the same arithmetic; only the loop around it changes:
 *
 * <pre>  z[l][j][r]  = ((0 + x[0][r] W[0][j]) + x[1][r] W[1][j]) + ... + b[j]      k ascending
 *  dW[p][q]    = ((0 + x[p][0] d[q][0]) + x[p][1] d[q][1]) + ...            row r ascending
 *  db[q]       = ((0 + d[q][0]) + d[q][1]) + ...                             row r ascending
 *  back[p][r]  = ((0 + d[0][r] W[p][0]) + d[1][r] W[p][1]) + ...            q ascending</pre>
 *
 * <p>A gradient entry is a sum down the rows, one dependent addition after another; four entries
 * are summed in the same loop, so four chains of additions overlap. {@code ColumnPassesTest}
 * checks forward pass, loss and gradient against the row layout bit for bit.
 *
 * <p>Fused where the arithmetic allows it, each with the bits of the separate passes: a
 * squared-error loss is summed in the loop of the output layer's first gradient sums
 * ({@link #backward}); one small layer (a linear or logistic regression) runs its whole step in one
 * loop ({@link #oneLayer}); a finite-difference probe recomputes one unit's column and what follows
 * it ({@link #perturb}, {@link #probeInto}).
 *
 * <p>Used when {@link #suits(Network)}: every activation is elementwise (a softmax mixes a row's
 * units, which the row layout serves), and no layer, the inputs included, is wider than
 * {@link #NARROW}.
 */
final class ColumnPasses {

    /** The widest layer (inputs included) the column layout takes. */
    static final int NARROW = 8;

    private final List<DenseLayer> layers;
    private final Layout layout;
    private final int capacity;
    private final int inputs;
    private final int outputs;
    /** The inputs by columns, transposed from the row-major batch, and that batch as it was. */
    private final double[][] x;
    private final double[] held;
    private int heldRows = -1;
    /** The largest absolute value of each input column of the held batch (for the Taylor steps' bound). */
    private final double[] heldLargest;
    /** Each layer's pre-activations and outputs by columns; the output layer's, row-major, for the loss. */
    private final double[][][] z;
    private final double[][][] a;
    private final double[] lastZ;
    private final double[] lastA;
    /**
     * A finite-difference probe's moved column: written here and swapped into the layer while it is
     * probed (the unperturbed column is kept aside, not copied), except for a lone output column,
     * which is the loss's array: that one is copied aside and computed in place.
     */
    private double[] movedZ;
    private double[] movedA;
    private double[] asideZ;
    private double[] asideA;
    private final double[] keptZ;
    private final double[] keptA;
    /** Scratch for an activation's pass over a column (see {@code Activation.forwardRows}). */
    private final double[][] scratch;
    private boolean swapped;
    /** Whether the last {@link #moveColumn} swapped in new outputs alone (a Taylor step on the exact move). */
    private boolean taylorOnly;
    /** The deltas: one array per unit of the widest layer, twice (the layer's, the one before). */
    private double[][] delta;
    private double[][] back;
    /** The output delta, row-major, as {@link Loss#outputDelta} writes it. */
    private double[] lastDelta;
    /** A column of ones (for the bias sums) and the per-layer chains of the gradient sums. */
    private double[] ones;
    private Chains[] chains;

    /** {@return whether the column layout serves {@code network}} */
    static boolean suits(Network network) {
        if (network.inputSize() > NARROW) {
            return false;
        }
        for (DenseLayer layer : network.layers()) {
            if (layer.outputSize() > NARROW || !(layer.activation() instanceof ElementwiseActivation)) {
                return false;
            }
        }
        return true;
    }

    ColumnPasses(Network network, int capacity, double[] lastZ, double[] lastA) {
        this.layers = network.layers();
        this.layout = network.layout();
        this.capacity = capacity;
        this.inputs = network.inputSize();
        this.outputs = network.outputSize();
        this.lastZ = lastZ;
        this.lastA = lastA;
        this.x = new double[inputs][capacity];
        this.held = new double[Math.multiplyExact(capacity, inputs)];
        this.heldLargest = new double[inputs];
        int count = layers.size();
        this.z = new double[count][][];
        this.a = new double[count][][];
        for (int l = 0; l < count; l++) {
            int out = layers.get(l).outputSize();
            z[l] = new double[out][];
            a[l] = new double[out][];
            for (int j = 0; j < out; j++) {
                // One output: its column is the row-major array the loss reads, so nothing is copied.
                boolean shared = l == count - 1 && outputs == 1;
                z[l][j] = shared ? lastZ : new double[capacity];
                a[l][j] = shared ? lastA : new double[capacity];
            }
        }
        this.movedZ = new double[capacity];
        this.movedA = new double[capacity];
        this.keptZ = new double[capacity];
        this.keptA = new double[capacity];
        // A long column is one pass and needs only the third array; short ones (a small batch) are
        // grouped, up to NARROW units of SPLIT_FROM rows.
        int group = Math.min(capacity, ElementwiseActivation.Sigmoid.SPLIT_FROM) * NARROW;
        this.scratch = new double[][] {new double[group], new double[group], new double[Math.max(group, capacity)]};
    }

    // ------------------------------------------------------------------ forward

    /**
     * Runs every layer on {@code rows} rows of the row-major {@code batch} from value
     * {@code batchAt}, with the weights and biases read from {@code parameters} at the layout's
     * offsets when {@code fromVector}, else from the layers; leaves the output layer row-major in
     * {@code lastZ}/{@code lastA}.
     */
    void forward(double[] parameters, boolean fromVector, double[] batch, int batchAt, int rows) {
        hold(batch, batchAt, rows);
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            double[] w = fromVector ? parameters : layer.weights().raw();
            int wAt = fromVector ? layout.weightOffset(l) : 0;
            double[] b = !layer.hasBias() ? null : fromVector ? parameters : layer.bias().raw();
            int bAt = fromVector ? layout.biasOffset(l) : 0;
            double[][] in = l == 0 ? x : a[l - 1];
            int out = layer.outputSize();
            units(in, w, wAt, out, b, bAt, z[l], rows);
            layer.activation().forwardRows(z[l], a[l], out, rows, scratch);
        }
        keepLastLayer(rows);
    }

    /** Transposes {@code rows} rows of {@code batch} from value {@code at} into the input columns, unless they hold them already. */
    private void hold(double[] batch, int at, int rows) {
        int n = rows * inputs;
        // A full-batch run passes the same batch every step: compared with the copy kept of the last
        // one (a vectorised comparison, several times cheaper than the transposition it saves).
        if (rows != heldRows || !Arrays.equals(batch, at, at + n, held, 0, n)) {
            Kernels.toRows(batch, at, x, rows, inputs, true);
            for (int k = 0; k < inputs; k++) {
                heldLargest[k] = largestAbsolute(x[k], rows);
            }
            System.arraycopy(batch, at, held, 0, n);
            heldRows = rows;
        }
    }

    /**
     * Whether {@link #oneLayer} serves this network: a single layer (a linear or logistic
     * regression, say) of one output and at most three inputs.
     */
    boolean isOneSmallLayer() {
        return layers.size() == 1 && outputs == 1 && inputs <= 3;
    }

    /**
     * The whole step of a {@link #isOneSmallLayer} network under a squared-error loss in one loop
     * over the rows (a sigmoid layer's outputs first, in the sigmoid's own loop over the column,
     * which is faster than one exponential at a time): the layer's pre-activation and output, the
     * squared error, the delta {@code factor * (a - y) * f'(z, a)} and the gradient sums, each value
     * computed by the same
     * operations in the same order as {@link #forward}, {@link Loss#outputDelta} and
     * {@link #backward} compute it apart, so with the same bits (multiplying by {@code 1.0}, where a
     * factor or a derivative is one, changes no double). Writes the gradient and returns the sum of
     * {@code (y - a)^2}.
     */
    double oneLayer(double gradientFactor, double[] parameters, boolean fromVector, double[] batch, double[] targets,
            int rows, double[] gradient) {
        hold(batch, 0, rows);
        DenseLayer layer = layers.get(0);
        ElementwiseActivation f = (ElementwiseActivation) layer.activation();
        double[] w = fromVector ? parameters : layer.weights().raw();
        int wAt = fromVector ? layout.weightOffset(0) : 0;
        boolean hasBias = layer.hasBias();
        double bias = !hasBias ? 0.0 : fromVector ? parameters[layout.biasOffset(0)] : layer.bias().raw()[0];
        double[] x0 = x[0];
        double[] x1 = inputs > 1 ? x[1] : x0;
        double[] x2 = inputs > 2 ? x[2] : x0;
        double w0 = w[wAt];
        double w1 = inputs > 1 ? w[wAt + 1] : 0.0;
        double w2 = inputs > 2 ? w[wAt + 2] : 0.0;
        double[] zc = z[0][0];
        double[] ac = a[0][0];
        if (f == Activation.IDENTITY && gradientFactor == 1.0 && inputs == 2 && hasBias
                && Double.doubleToRawLongBits(bias) != Double.doubleToRawLongBits(-0.0)) {
            return linearSumOfSquares(x0, x1, w0, w1, bias, targets, zc, rows, gradient, wAt, layout.biasOffset(0));
        }
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double sb = 0.0;
        double squares = 0.0;
        // The sigmoid's own loop over the column is faster than one exponential at a time.
        boolean split = f == Activation.SIGMOID;
        for (int r = 0; split && r < rows; r++) {
            double zr = inputs == 1 ? 0.0 + x0[r] * w0
                    : inputs == 2 ? 0.0 + x0[r] * w0 + x1[r] * w1
                    : 0.0 + x0[r] * w0 + x1[r] * w1 + x2[r] * w2;
            zc[r] = hasBias ? zr + bias : zr;
        }
        if (split) {
            f.forwardRows(z[0], a[0], 1, rows, scratch);
        }
        for (int r = 0; r < rows; r++) {
            double zr;
            double ar;
            if (split) {
                zr = zc[r];
                ar = ac[r];
            } else {
                zr = inputs == 1 ? 0.0 + x0[r] * w0
                        : inputs == 2 ? 0.0 + x0[r] * w0 + x1[r] * w1
                        : 0.0 + x0[r] * w0 + x1[r] * w1 + x2[r] * w2;
                if (hasBias) {
                    zr = zr + bias;
                }
                ar = f.apply(zr);
                zc[r] = zr;
                ac[r] = ar;
            }
            double y = targets[r];
            double residual = y - ar;
            squares += residual * residual;
            double d = gradientFactor * (ar - y) * f.derivative(zr, ar);
            s0 += x0[r] * d;
            s1 += x1[r] * d;
            s2 += x2[r] * d;
            sb += d;
        }
        gradient[wAt] = s0;
        if (inputs > 1) {
            gradient[wAt + 1] = s1;
        }
        if (inputs > 2) {
            gradient[wAt + 2] = s2;
        }
        if (hasBias) {
            gradient[layout.biasOffset(0)] = sb;
        }
        return squares;
    }

    /**
     * Writes every unit of a layer, {@code z[j][r]} for {@code j < out}, as {@link #unit} writes
     * one, with the same bits: two units per pass when there are four inputs or more, so that each
     * input value read serves both (the products of the digits' 64-32-10 network run 1.7 times as
     * fast as one unit at a time), and the last unit of an odd count alone. {@code b} holds the
     * biases from {@code bAt}, or is {@code null} for a layer without.
     */
    static void units(double[][] in, double[] w, int wAt, int out, double[] b, int bAt, double[][] z, int rows) {
        int j = 0;
        if (in.length >= 4) {
            for (; j + 1 < out; j += 2) {
                double[] za = z[j];
                double[] zb = z[j + 1];
                unitPair(in, w, wAt + j, out, za, zb, rows);
                if (b != null) {
                    double ba = b[bAt + j];
                    double bb = b[bAt + j + 1];
                    for (int r = 0; r < rows; r++) {
                        za[r] += ba;
                        zb[r] += bb;
                    }
                }
            }
        }
        for (; j < out; j++) {
            unit(in, w, wAt, j, out, b == null ? Double.NaN : b[bAt + j], b != null, z[j], rows);
        }
    }

    /**
     * The products of two neighbouring units of a layer of four inputs or more into {@code za} and
     * {@code zb}, their weights of input {@code k} at {@code w[at + k*out]} and the next index:
     * each entry's terms in {@link #unit}'s order (four inputs a pass, left to right onto the
     * running sum from {@code +0.0}, then the inputs left over one at a time); the caller adds the
     * bias. Seven parameters, not more: with more, the JIT keeps some of the arrays on the stack
     * and the loop runs at 37 GFLOP/s instead of 47 (the digits' first layer, 256 rows).
     */
    private static void unitPair(double[][] in, double[] w, int at, int out, double[] za, double[] zb, int rows) {
        int width = in.length;
        double[] x0 = in[0];
        double[] x1 = in[1];
        double[] x2 = in[2];
        double[] x3 = in[3];
        double a0 = w[at];
        double a1 = w[at + out];
        double a2 = w[at + 2 * out];
        double a3 = w[at + 3 * out];
        double b0 = w[at + 1];
        double b1 = w[at + out + 1];
        double b2 = w[at + 2 * out + 1];
        double b3 = w[at + 3 * out + 1];
        for (int r = 0; r < rows; r++) {
            double v0 = x0[r];
            double v1 = x1[r];
            double v2 = x2[r];
            double v3 = x3[r];
            za[r] = 0.0 + v0 * a0 + v1 * a1 + v2 * a2 + v3 * a3;
            zb[r] = 0.0 + v0 * b0 + v1 * b1 + v2 * b2 + v3 * b3;
        }
        int k = 4;
        for (; k + 3 < width; k += 4) {
            x0 = in[k];
            x1 = in[k + 1];
            x2 = in[k + 2];
            x3 = in[k + 3];
            int o = at + k * out;
            a0 = w[o];
            a1 = w[o + out];
            a2 = w[o + 2 * out];
            a3 = w[o + 3 * out];
            b0 = w[o + 1];
            b1 = w[o + out + 1];
            b2 = w[o + 2 * out + 1];
            b3 = w[o + 3 * out + 1];
            for (int r = 0; r < rows; r++) {
                double v0 = x0[r];
                double v1 = x1[r];
                double v2 = x2[r];
                double v3 = x3[r];
                za[r] = za[r] + v0 * a0 + v1 * a1 + v2 * a2 + v3 * a3;
                zb[r] = zb[r] + v0 * b0 + v1 * b1 + v2 * b2 + v3 * b3;
            }
        }
        for (; k < width; k++) {
            double[] xk = in[k];
            double wa = w[at + k * out];
            double wb = w[at + k * out + 1];
            for (int r = 0; r < rows; r++) {
                double v = xk[r];
                za[r] += v * wa;
                zb[r] += v * wb;
            }
        }
    }

    /**
     * Writes {@code zj[r] = sum over k of in[k][r] w[wAt + k*out + j]}, then adds the bias, for the
     * first {@code rows} rows: four inputs per pass, added left to right onto the running sum, which
     * starts at {@code +0.0}, as {@link Kernels#rowTimes} adds them.
     */
    static void unit(double[][] in, double[] w, int wAt, int j, int out, double bias, boolean hasBias,
            double[] zj, int rows) {
        int width = in.length;
        int k = 0;
        if (width >= 4) {
            double[] x0 = in[0];
            double[] x1 = in[1];
            double[] x2 = in[2];
            double[] x3 = in[3];
            double w0 = w[wAt + j];
            double w1 = w[wAt + out + j];
            double w2 = w[wAt + 2 * out + j];
            double w3 = w[wAt + 3 * out + j];
            for (int r = 0; r < rows; r++) {
                zj[r] = 0.0 + x0[r] * w0 + x1[r] * w1 + x2[r] * w2 + x3[r] * w3;
            }
            k = 4;
            for (; k + 3 < width; k += 4) {
                x0 = in[k];
                x1 = in[k + 1];
                x2 = in[k + 2];
                x3 = in[k + 3];
                w0 = w[wAt + k * out + j];
                w1 = w[wAt + (k + 1) * out + j];
                w2 = w[wAt + (k + 2) * out + j];
                w3 = w[wAt + (k + 3) * out + j];
                for (int r = 0; r < rows; r++) {
                    zj[r] = zj[r] + x0[r] * w0 + x1[r] * w1 + x2[r] * w2 + x3[r] * w3;
                }
            }
        } else {
            // One pass, the bias added in it (after the last product, as the separate pass would).
            double[] x0 = in[0];
            double[] x1 = width > 1 ? in[1] : x0;
            double[] x2 = width > 2 ? in[2] : x0;
            double w0 = w[wAt + j];
            double w1 = width > 1 ? w[wAt + out + j] : 0.0;
            double w2 = width > 2 ? w[wAt + 2 * out + j] : 0.0;
            if (width == 3) {
                if (hasBias) {
                    for (int r = 0; r < rows; r++) {
                        zj[r] = 0.0 + x0[r] * w0 + x1[r] * w1 + x2[r] * w2 + bias;
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        zj[r] = 0.0 + x0[r] * w0 + x1[r] * w1 + x2[r] * w2;
                    }
                }
            } else if (width == 2) {
                if (hasBias) {
                    for (int r = 0; r < rows; r++) {
                        zj[r] = 0.0 + x0[r] * w0 + x1[r] * w1 + bias;
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        zj[r] = 0.0 + x0[r] * w0 + x1[r] * w1;
                    }
                }
            } else {
                if (hasBias) {
                    for (int r = 0; r < rows; r++) {
                        zj[r] = 0.0 + x0[r] * w0 + bias;
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        zj[r] = 0.0 + x0[r] * w0;
                    }
                }
            }
            return;
        }
        for (; k < width; k++) {
            double[] xk = in[k];
            double wk = w[wAt + k * out + j];
            for (int r = 0; r < rows; r++) {
                zj[r] += xk[r] * wk;
            }
        }
        if (hasBias) {
            for (int r = 0; r < rows; r++) {
                zj[r] += bias;
            }
        }
    }

    /**
     * {@link #oneLayer} for the tutorial's linear regression, {@code w1 x1 + w2 x2 + b} under the sum
     * of squared errors, with the same bits in fewer operations: {@code 0 + t0 + t1 + b} is
     * {@code t0 + t1 + b} when {@code b} is not {@code -0.0} (the leading zero only turns an all
     * negative-zero sum positive, which adding such a {@code b} does anyway); the delta
     * {@code a - y} is {@code -(y - a)} exactly (rounding is symmetric), so each sum subtracts
     * {@code x (y - a)} instead of adding {@code x (a - y)}. Two loops: the residuals into
     * {@code residuals} first, a loop with no sum that the JIT turns into vector instructions, then
     * the four sums; 1.5 times as fast as one loop on the 150 rows, where the sums alone wait on
     * each other's additions. The outputs are not kept ({@code residuals} is the pre-activation
     * column, overwritten): a caller that needs them (to report a loss that is not finite) runs
     * {@link #forward}.
     */
    private double linearSumOfSquares(double[] x0, double[] x1, double w0, double w1, double bias, double[] y,
            double[] residuals, int rows, double[] gradient, int wAt, int bAt) {
        for (int r = 0; r < rows; r++) {
            residuals[r] = y[r] - (x0[r] * w0 + x1[r] * w1 + bias);
        }
        double s0 = 0.0;
        double s1 = 0.0;
        double sb = 0.0;
        double squares = 0.0;
        for (int r = 0; r < rows; r++) {
            double u = x0[r];
            double v = x1[r];
            double residual = residuals[r];
            squares += residual * residual;
            s0 -= u * residual;
            s1 -= v * residual;
            sb -= residual;
        }
        gradient[wAt] = s0;
        gradient[wAt + 1] = s1;
        gradient[bAt] = sb;
        return squares;
    }

    /** Copies the output layer's columns into the row-major arrays (nothing to do for one output). */
    private void keepLastLayer(int rows) {
        if (outputs == 1) {
            return;
        }
        int last = layers.size() - 1;
        for (int j = 0; j < outputs; j++) {
            double[] zj = z[last][j];
            double[] aj = a[last][j];
            for (int r = 0; r < rows; r++) {
                lastZ[r * outputs + j] = zj[r];
                lastA[r * outputs + j] = aj[r];
            }
        }
    }

    // ------------------------------------------------------------------ backward

    /**
     * Writes {@code dJ/dtheta} into {@code gradient} from the last {@link #forward}, the output
     * layer's delta computed by {@code loss} as the row layout computes it.
     */
    /**
     * Writes {@code dJ/dtheta} into {@code gradient} from the last {@link #forward}, the output
     * layer's delta computed by {@code loss} as the row layout computes it, for rows that are a part
     * of a batch of {@code batchRows} (a mean divides by those); with {@code squares} (one output
     * only) also the sum of
     * {@code (y[r] - a[r])^2} over the rows, r ascending from {@code +0.0}, as {@link Loss#value}
     * sums it for a squared-error loss: that chain of additions runs in the loop of the output
     * layer's first gradient sums, so it costs almost nothing. Returns it (0 without {@code squares}).
     */
    double backward(Loss loss, double[] parameters, boolean fromVector, double[] targets, int rows, int batchRows,
            double[] gradient, boolean squares) {
        ensureBackwardBuffers();
        int last = layers.size() - 1;
        DenseLayer output = layers.get(last);
        loss.outputDelta(output.activation(), lastZ, lastA, targets, rows, outputs, batchRows, lastDelta);
        double[][] d = delta;
        if (outputs > 1) {
            for (int j = 0; j < outputs; j++) {
                double[] dj = d[j];
                for (int r = 0; r < rows; r++) {
                    dj[r] = lastDelta[r * outputs + j];
                }
            }
        }
        double[][] next = back;
        double total = 0.0;
        for (int l = last; l >= 0; l--) {
            DenseLayer layer = layers.get(l);
            if (squares && l == last) {
                total = chains[l].sumWithSquares(d, l == 0 ? x : a[l - 1], ones, rows, gradient, lastA, targets);
            } else {
                chains[l].sum(d, l == 0 ? x : a[l - 1], ones, rows, gradient, 0);
            }
            if (l > 0) {
                double[] w = fromVector ? parameters : layer.weights().raw();
                int wAt = fromVector ? layout.weightOffset(l) : 0;
                carryBack(d, w, wAt, layer.inputSize(), layer.outputSize(), next, rows);
                layers.get(l - 1).activation().backwardRows(z[l - 1], a[l - 1], next, layer.inputSize(), rows);
                double[][] swap = d;
                d = next;
                next = swap;
            }
        }
        return total;
    }

    /** Writes {@code next[p][r] = sum over q of d[q][r] W[p][q]}, q ascending from {@code +0.0}. */
    private static void carryBack(double[][] d, double[] w, int wAt, int in, int out, double[][] next, int rows) {
        for (int p = 0; p < in; p++) {
            double[] np = next[p];
            int row = wAt + p * out;
            int q = 0;
            if (out >= 4) {
                double[] d0 = d[0];
                double[] d1 = d[1];
                double[] d2 = d[2];
                double[] d3 = d[3];
                double w0 = w[row];
                double w1 = w[row + 1];
                double w2 = w[row + 2];
                double w3 = w[row + 3];
                for (int r = 0; r < rows; r++) {
                    np[r] = 0.0 + d0[r] * w0 + d1[r] * w1 + d2[r] * w2 + d3[r] * w3;
                }
                q = 4;
            } else {
                double[] d0 = d[0];
                double w0 = w[row];
                for (int r = 0; r < rows; r++) {
                    np[r] = 0.0 + d0[r] * w0;
                }
                q = 1;
            }
            for (; q < out; q++) {
                double[] dq = d[q];
                double wq = w[row + q];
                for (int r = 0; r < rows; r++) {
                    np[r] += dq[r] * wq;
                }
            }
        }
    }

    private void ensureBackwardBuffers() {
        if (delta != null) {
            return;
        }
        int widest = 1;
        for (DenseLayer layer : layers) {
            widest = Math.max(widest, Math.max(layer.inputSize(), layer.outputSize()));
        }
        delta = new double[widest][capacity];
        back = new double[widest][capacity];
        // One output: the loss writes its delta straight into the first delta column.
        lastDelta = outputs == 1 ? delta[0] : new double[capacity * outputs];
        ones = new double[capacity];
        Arrays.fill(ones, 1.0);
        chains = new Chains[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            chains[l] = new Chains(layers.get(l), layout.weightOffset(l), layout.biasOffset(l));
        }
    }

    /**
     * The gradient entries of one layer, each a sum down the rows of {@code x[p][r] * d[q][r]} (a
     * weight) or of {@code 1.0 * d[q][r]} (a bias: multiplying by one is exact, so this is the column
     * sum's bits), summed four at a time so that four chains of additions overlap.
     */
    private static final class Chains {
        /** For entry {@code c}: the input column ({@code -1} for a bias), the delta column, the index in the gradient. */
        private final int[] input;
        private final int[] unit;
        private final int[] target;

        Chains(DenseLayer layer, int weightsAt, int biasAt) {
            int in = layer.inputSize();
            int out = layer.outputSize();
            int count = in * out + (layer.hasBias() ? out : 0);
            input = new int[count];
            unit = new int[count];
            target = new int[count];
            int c = 0;
            for (int p = 0; p < in; p++) {
                for (int q = 0; q < out; q++) {
                    input[c] = p;
                    unit[c] = q;
                    target[c++] = weightsAt + p * out + q;
                }
            }
            if (layer.hasBias()) {
                for (int q = 0; q < out; q++) {
                    input[c] = -1;
                    unit[c] = q;
                    target[c++] = biasAt + q;
                }
            }
        }

        /**
         * Writes the first (up to) three sums as {@link #sum} does and returns the sum of
         * {@code (y[r] - p[r])^2}, all four chains in one loop; then the rest by {@link #sum}.
         */
        double sumWithSquares(double[][] d, double[][] x, double[] ones, int rows, double[] gradient, double[] p,
                double[] y) {
            int count = Math.min(3, target.length);
            double[] x0 = column(x, ones, 0);
            double[] x1 = count > 1 ? column(x, ones, 1) : x0;
            double[] x2 = count > 2 ? column(x, ones, 2) : x0;
            double[] d0 = d[unit[0]];
            double[] d1 = count > 1 ? d[unit[1]] : d0;
            double[] d2 = count > 2 ? d[unit[2]] : d0;
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double squares = 0.0;
            for (int r = 0; r < rows; r++) {
                double residual = y[r] - p[r];
                s0 += x0[r] * d0[r];
                s1 += x1[r] * d1[r];
                s2 += x2[r] * d2[r];
                squares += residual * residual;
            }
            gradient[target[0]] = s0;
            if (count > 1) {
                gradient[target[1]] = s1;
            }
            if (count > 2) {
                gradient[target[2]] = s2;
            }
            sum(d, x, ones, rows, gradient, count);
            return squares;
        }

        /** Writes the sums of entries {@code from} on into {@code gradient}, four at a time. */
        void sum(double[][] d, double[][] x, double[] ones, int rows, double[] gradient, int from) {
            int count = target.length;
            int c = from;
            for (; c + 3 < count; c += 4) {
                double[] x0 = column(x, ones, c);
                double[] x1 = column(x, ones, c + 1);
                double[] x2 = column(x, ones, c + 2);
                double[] x3 = column(x, ones, c + 3);
                double[] d0 = d[unit[c]];
                double[] d1 = d[unit[c + 1]];
                double[] d2 = d[unit[c + 2]];
                double[] d3 = d[unit[c + 3]];
                double s0 = 0.0;
                double s1 = 0.0;
                double s2 = 0.0;
                double s3 = 0.0;
                for (int r = 0; r < rows; r++) {
                    s0 += x0[r] * d0[r];
                    s1 += x1[r] * d1[r];
                    s2 += x2[r] * d2[r];
                    s3 += x3[r] * d3[r];
                }
                gradient[target[c]] = s0;
                gradient[target[c + 1]] = s1;
                gradient[target[c + 2]] = s2;
                gradient[target[c + 3]] = s3;
            }
            if (count - c == 3) {
                double[] x0 = column(x, ones, c);
                double[] x1 = column(x, ones, c + 1);
                double[] x2 = column(x, ones, c + 2);
                double[] d0 = d[unit[c]];
                double[] d1 = d[unit[c + 1]];
                double[] d2 = d[unit[c + 2]];
                double s0 = 0.0;
                double s1 = 0.0;
                double s2 = 0.0;
                for (int r = 0; r < rows; r++) {
                    s0 += x0[r] * d0[r];
                    s1 += x1[r] * d1[r];
                    s2 += x2[r] * d2[r];
                }
                gradient[target[c]] = s0;
                gradient[target[c + 1]] = s1;
                gradient[target[c + 2]] = s2;
            } else if (count - c == 2) {
                double[] x0 = column(x, ones, c);
                double[] x1 = column(x, ones, c + 1);
                double[] d0 = d[unit[c]];
                double[] d1 = d[unit[c + 1]];
                double s0 = 0.0;
                double s1 = 0.0;
                for (int r = 0; r < rows; r++) {
                    s0 += x0[r] * d0[r];
                    s1 += x1[r] * d1[r];
                }
                gradient[target[c]] = s0;
                gradient[target[c + 1]] = s1;
            } else if (count - c == 1) {
                double[] x0 = column(x, ones, c);
                double[] d0 = d[unit[c]];
                double s0 = 0.0;
                for (int r = 0; r < rows; r++) {
                    s0 += x0[r] * d0[r];
                }
                gradient[target[c]] = s0;
            }
        }

        private double[] column(double[][] x, double[] ones, int c) {
            return input[c] < 0 ? ones : x[input[c]];
        }
    }

    // ------------------------------------------------------------------ finite differences

    /**
     * Moves the last {@link #forward} (at the unmoved {@code theta}) to {@code theta}, in which one
     * parameter of layer {@code l}, in unit {@code column}, has moved: that unit's column is
     * recomputed (its outputs by {@link ElementwiseActivation#near}, a Taylor step that needs no new
     * exponential when the move is tiny), then every later layer in full, leaving the output layer
     * for the loss. {@link #restore} puts the unit's column back.
     */
    void perturb(double[] theta, int l, int column, int input, double delta, int rows) {
        moveColumn(theta, l, column, input, delta, rows);
        if (l < layers.size() - 1) {
            laterLayers(theta, l + 1, rows);
        } else {
            keepLastLayer(rows);
        }
    }

    /**
     * For a network with one identity output: writes what {@link #perturb} would leave as the
     * output (its bits: the output's sum, which the identity passes on unchanged) straight into
     * {@code out}, and puts the moved column back; the output layer's own arrays are not touched,
     * and layers between the moved one and the output stay perturbed as after {@link #perturb}.
     *
     * @return false, having done nothing, for any other output layer
     */
    boolean probeInto(double[] theta, int l, int column, int input, double delta, int rows, double[] out) {
        int last = layers.size() - 1;
        DenseLayer output = layers.get(last);
        if (outputs != 1 || output.activation() != Activation.IDENTITY) {
            return false;
        }
        double bias = output.hasBias() ? theta[layout.biasOffset(last)] : Double.NaN;
        if (l == last) {
            unit(last == 0 ? x : a[last - 1], theta, layout.weightOffset(last), 0, 1, bias, output.hasBias(), out,
                    rows);
            return true;
        }
        moveColumn(theta, l, column, input, delta, rows);
        try {
            for (int m = l + 1; m < last; m++) {
                DenseLayer layer = layers.get(m);
                int width = layer.outputSize();
                for (int j = 0; j < width; j++) {
                    unit(a[m - 1], theta, layout.weightOffset(m), j, width,
                            layer.hasBias() ? theta[layout.biasOffset(m) + j] : Double.NaN, layer.hasBias(), z[m][j],
                            rows);
                }
                layer.activation().forwardRows(z[m], a[m], width, rows, scratch);
            }
            unit(a[last - 1], theta, layout.weightOffset(last), 0, 1, bias, output.hasBias(), out, rows);
        } finally {
            restore(l, column, rows);
        }
        return true;
    }

    /** The moved unit's column of {@link #perturb}, recomputed and swapped in (or, for a lone output, in place). */
    private void moveColumn(double[] theta, int l, int column, int input, double delta, int rows) {
        DenseLayer layer = layers.get(l);
        ElementwiseActivation f = (ElementwiseActivation) layer.activation();
        taylorOnly = l < layers.size() - 1 && takesTaylorStep(f, l, input, delta, rows);
        if (taylorOnly) {
            // A hidden unit whose every move is tiny: its new outputs from the Taylor step on the
            // exact move x * delta, its pre-activations not needed (only the outputs go on).
            asideA = a[l][column];
            f.taylorColumn(asideA, input < 0 ? null : (l == 0 ? x : a[l - 1])[input], delta, movedA, rows);
            a[l][column] = movedA;
            return;
        }
        int out = layer.outputSize();
        double[] zj = z[l][column];
        double[] aj = a[l][column];
        swapped = !(l == layers.size() - 1 && outputs == 1);
        double[] zNew = movedZ;
        double[] aNew = movedA;
        double[] zOld = zj;
        double[] aOld = aj;
        if (swapped) {
            asideZ = zj;
            asideA = aj;
        } else {
            System.arraycopy(zj, 0, keptZ, 0, rows);
            System.arraycopy(aj, 0, keptA, 0, rows);
            zOld = keptZ;
            aOld = keptA;
            zNew = zj;
            aNew = aj;
        }
        unit(l == 0 ? x : a[l - 1], theta, layout.weightOffset(l), column, out,
                layer.hasBias() ? theta[layout.biasOffset(l) + column] : Double.NaN, layer.hasBias(), zNew, rows);
        ((ElementwiseActivation) layer.activation()).nearColumn(zOld, aOld, zNew, aNew, rows);
        if (swapped) {
            z[l][column] = zNew;
            a[l][column] = aNew;
        }
    }

    /**
     * Puts back the column {@link #perturb} changed; the layers after {@code l} stay perturbed until
     * {@link #laterLayers} runs them again at the unmoved parameters.
     */
    void restore(int l, int column, int rows) {
        if (taylorOnly) {
            movedA = a[l][column];
            a[l][column] = asideA;
            taylorOnly = false;
            return;
        }
        if (swapped) {
            movedZ = z[l][column];
            movedA = a[l][column];
            z[l][column] = asideZ;
            a[l][column] = asideA;
        } else {
            System.arraycopy(keptZ, 0, z[l][column], 0, rows);
            System.arraycopy(keptA, 0, a[l][column], 0, rows);
        }
    }

    /** Runs layers {@code from..last} at {@code theta} (used after a probe's change, and to undo it). */
    void laterLayers(double[] theta, int from, int rows) {
        for (int m = from; m < layers.size(); m++) {
            DenseLayer layer = layers.get(m);
            int out = layer.outputSize();
            for (int j = 0; j < out; j++) {
                unit(a[m - 1], theta, layout.weightOffset(m), j, out,
                        layer.hasBias() ? theta[layout.biasOffset(m) + j] : Double.NaN, layer.hasBias(), z[m][j], rows);
            }
            layer.activation().forwardRows(z[m], a[m], out, rows, scratch);
        }
        keepLastLayer(rows);
    }

    /**
     * Whether a probe of layer {@code l}'s weight from input {@code input} (a bias: {@code -1})
     * moved by {@code delta} takes {@link ElementwiseActivation#taylor} steps for every row: the
     * activation has them and the largest move, {@code max |x| * |delta|}, is at most
     * {@link ElementwiseActivation#TAYLOR_LIMIT}. {@code BatchEvaluator}'s row layout decides by the
     * same rule, so both layouts give the same bits.
     */
    private boolean takesTaylorStep(ElementwiseActivation f, int l, int input, double delta, int rows) {
        if (!f.takesTaylorSteps()) {
            return false;
        }
        double largest = input < 0 ? 1.0 : l == 0 ? heldLargest[input] : largestAbsolute(a[l - 1][input], rows);
        return largest * Math.abs(delta) <= ElementwiseActivation.TAYLOR_LIMIT;
    }

    /** The largest {@code |values[r]|}, {@code r < n}. */
    static double largestAbsolute(double[] values, int n) {
        double largest = 0.0;
        for (int r = 0; r < n; r++) {
            largest = Math.max(largest, Math.abs(values[r]));
        }
        return largest;
    }
}
