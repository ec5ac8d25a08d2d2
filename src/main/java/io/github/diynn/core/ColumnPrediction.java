package io.github.diynn.core;

import java.util.List;

/**
 * Prediction of a batch of rows by columns, for networks {@link ColumnPasses} does not take (a
 * layer wider than {@link ColumnPasses#NARROW}, or a softmax): the batch is transposed once, and
 * then every layer keeps each unit's values over the batch in one array, so that every inner loop
 * runs over the rows ({@link #MIN_ROWS} or more) instead of over a row's units. For the
 * digits' 64-32-10 network on 1797 rows that is 1.25 to 1.45 times as fast as the row kernels: the
 * products run long loops, the sigmoid's exponentials need no gathering, and the 10-wide softmax
 * works on ten columns instead of 1797 short rows.
 *
 * <p><b>The same bits</b> as the row layout: each pre-activation is summed by
 * {@link ColumnPasses#units} (two units a pass, each as {@link ColumnPasses#unit} sums it), which
 * adds the terms in the order of {@link Kernels#rowTimes} and then the bias, as
 * {@link Kernels#addRow} does; elementwise activations run their own
 * {@code forwardRows} (the same bits as {@code apply}); the softmax takes each row's maximum over
 * the units in order, the exponential of {@code z - max} with the bits of {@code Exp.exp}, the sum
 * in unit order from {@code +0.0} and the divisions, as {@link Softmax#forward} does
 * ({@code ColumnPredictionTest} compares the layouts bit for bit).
 *
 * <p>A workspace for batches of up to {@code capacity} rows; not thread-safe.
 */
final class ColumnPrediction {

    /** Below this many rows a batch keeps the row kernels: the columns are too short to pay for the transposition. */
    static final int MIN_ROWS = 64;

    private final List<DenseLayer> layers;
    private final int inputSize;
    private final int outputSize;
    /** The batch transposed: one array of {@code capacity} values per input. */
    private final double[][] x;
    /** Per layer, per unit: pre-activations and outputs over the rows. */
    private final double[][][] z;
    private final double[][][] a;
    /** The softmax's row maxima and sums. */
    private final double[] rowMax;
    private final double[] rowSum;
    /** The activations' scratch (see {@link Activation#forwardRows(double[][], double[][], int, int, double[][])}). */
    private final double[][] scratch;

    ColumnPrediction(Network network, int capacity) {
        this.layers = network.layers();
        this.inputSize = network.inputSize();
        this.outputSize = network.outputSize();
        this.x = new double[inputSize][capacity];
        int count = layers.size();
        this.z = new double[count][][];
        this.a = new double[count][][];
        for (int l = 0; l < count; l++) {
            int out = layers.get(l).outputSize();
            z[l] = new double[out][capacity];
            a[l] = new double[out][capacity];
        }
        this.rowMax = new double[capacity];
        this.rowSum = new double[capacity];
        this.scratch = new double[][] {new double[capacity], new double[capacity], new double[capacity]};
    }

    /**
     * Writes the outputs of {@code rows} rows of the row-major {@code inputs} from row
     * {@code inputsAt / inputSize} (already checked finite) into {@code outputs} from
     * {@code outputsAt}, row-major, with the network's own weights.
     */
    void predict(double[] inputs, int inputsAt, int rows, double[] outputs, int outputsAt) {
        Kernels.toRows(inputs, inputsAt, x, rows, inputSize, true);
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            int out = layer.outputSize();
            double[] w = layer.weights().raw();
            double[] bias = layer.hasBias() ? layer.bias().raw() : null;
            double[][] in = l == 0 ? x : a[l - 1];
            ColumnPasses.units(in, w, 0, out, bias, 0, z[l], rows);
            if (layer.activation() == Activation.SOFTMAX) {
                softmax(z[l], a[l], out, rows);
            } else {
                layer.activation().forwardRows(z[l], a[l], out, rows, scratch);
            }
        }
        double[][] last = a[layers.size() - 1];
        for (int r = 0; r < rows; r++) {
            int at = outputsAt + r * outputSize;
            for (int j = 0; j < outputSize; j++) {
                outputs[at + j] = last[j][r];
            }
        }
    }

    /** The softmax over the units of each row, the units given as columns: {@link Softmax#forward}'s steps in its order. */
    private void softmax(double[][] zl, double[][] al, int units, int rows) {
        if (units == 0) {
            return;
        }
        System.arraycopy(zl[0], 0, rowMax, 0, rows);
        for (int j = 1; j < units; j++) {
            double[] zj = zl[j];
            for (int r = 0; r < rows; r++) {
                rowMax[r] = Math.max(rowMax[r], zj[r]);
            }
        }
        double[] shifted = scratch[0];
        for (int j = 0; j < units; j++) {
            double[] zj = zl[j];
            for (int r = 0; r < rows; r++) {
                shifted[r] = zj[r] - rowMax[r];
            }
            Exp.expOfMinusMagnitude(shifted, al[j], scratch[2], rows); // z - max <= 0: e^(z - max)
        }
        for (int r = 0; r < rows; r++) {
            rowSum[r] = 0.0;
        }
        for (int j = 0; j < units; j++) {
            double[] aj = al[j];
            for (int r = 0; r < rows; r++) {
                rowSum[r] += aj[r];
            }
        }
        for (int j = 0; j < units; j++) {
            double[] aj = al[j];
            for (int r = 0; r < rows; r++) {
                aj[r] /= rowSum[r];
            }
        }
    }
}
