package io.github.diynn.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * The plain-Java reference for the benchmark workloads with one hidden layer: a hand-written
 * {@code in -> hidden sigmoid -> out} network (identity output with the sum-squared error, or softmax
 * output with the cross-entropy averaged over the batch) on raw row-major {@code double[]}, with no
 * library call beyond {@link Math}.
 *
 * <p>It is deliberately mutable and allocation-free after construction: the parameters are updated in
 * place and every intermediate lives in scratch arrays sized once for the largest batch. That is what
 * a straightforward hand-written loop looks like, and what diynn's engine is measured against. The
 * parameters use diynn's layout ({@code W1} row by row, {@code b1}, {@code W2} row by row, {@code b2};
 * no {@code b} without biases), so a reference starts from {@code network.parameters()} and its result
 * compares with {@code trained.parameters()} entry by entry. Not thread-safe; one per benchmark state.
 */
final class ReferenceNet {

    /** The widest layer whose outputs are summed in registers rather than row by row. */
    private static final int NARROW = 16;

    private final int inputs;
    private final int hidden;
    private final int outputs;
    private final boolean softmax;
    private final int w1;
    private final int b1;
    private final int w2;
    private final int b2;
    private final double[] theta;
    private final double[] gradient;
    private final double[] h;
    private final double[] p;
    private final double[] dz2;
    private final double[] dh;
    private final double[] batchX;
    private final double[] batchY;
    private final int[] order;

    /**
     * A network of the given sizes starting from {@code start} (diynn's layout), with scratch for
     * batches of up to {@code maxRows} rows.
     */
    ReferenceNet(int inputs, int hidden, int outputs, boolean biases, boolean softmax, double[] start, int maxRows) {
        this.inputs = inputs;
        this.hidden = hidden;
        this.outputs = outputs;
        this.softmax = softmax;
        // Offsets of each block in theta; a missing bias is marked -1.
        this.w1 = 0;
        this.b1 = biases ? inputs * hidden : -1;
        this.w2 = inputs * hidden + (biases ? hidden : 0);
        this.b2 = biases ? w2 + hidden * outputs : -1;
        int count = w2 + hidden * outputs + (biases ? outputs : 0);
        if (start.length != count) {
            throw new IllegalArgumentException("expected " + count + " parameters, got " + start.length);
        }
        this.theta = start.clone();
        this.gradient = new double[count];
        this.h = new double[maxRows * hidden];
        this.p = new double[maxRows * outputs];
        this.dz2 = new double[maxRows * outputs];
        this.dh = new double[maxRows * hidden];
        this.batchX = new double[maxRows * inputs];
        this.batchY = new double[maxRows * outputs];
        this.order = new int[maxRows];
    }

    /** {@return a copy of the current parameters, in diynn's layout} */
    double[] parameters() {
        return theta.clone();
    }

    /** Writes the outputs of {@code rows} samples of {@code x} into {@code out} (rows x outputs). */
    void predict(double[] x, int rows, double[] out) {
        forward(x, rows);
        System.arraycopy(p, 0, out, 0, rows * outputs);
    }

    /** {@return the loss of the current parameters on {@code rows} samples} */
    double loss(double[] x, double[] y, int rows) {
        forward(x, rows);
        return lossOfOutputs(y, rows);
    }

    /**
     * Full-batch gradient descent by backpropagation. Each epoch's forward pass gives the loss after
     * the previous step as well as the gradient, so the history (the loss after each step) costs one
     * extra forward pass at the end, as in diynn's fused full-batch path.
     *
     * @return the loss after each epoch
     */
    double[] trainFullBatch(double[] x, double[] y, int rows, double learningRate, int epochs) {
        double[] history = new double[epochs];
        for (int epoch = 0; epoch <= epochs; epoch++) {
            forward(x, rows);
            if (epoch > 0) {
                history[epoch - 1] = lossOfOutputs(y, rows);
            }
            if (epoch < epochs) {
                backward(x, y, rows);
                step(learningRate);
            }
        }
        return history;
    }

    /**
     * Minibatch gradient descent: every epoch visits the samples in the order of a Fisher-Yates
     * shuffle from {@code new Random(seed)} (the algorithm of diynn's {@code Dataset.permutation},
     * written out here, so that both visit the same batches), cut into batches of
     * {@code batchSize} (the last one smaller); one step per batch. The loss on all rows is taken
     * after each epoch, the history a diynn user gets.
     *
     * @return the loss on all rows after each epoch
     */
    double[] trainMinibatch(double[] x, double[] y, int rows, double learningRate, int epochs, int batchSize,
            long seed) {
        Random random = new Random(seed);
        double[] history = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(rows, random);
            for (int from = 0; from < rows; from += batchSize) {
                int count = Math.min(batchSize, rows - from);
                for (int s = 0; s < count; s++) {
                    System.arraycopy(x, order[from + s] * inputs, batchX, s * inputs, inputs);
                    System.arraycopy(y, order[from + s] * outputs, batchY, s * outputs, outputs);
                }
                forward(batchX, count);
                backward(batchX, batchY, count);
                step(learningRate);
            }
            history[epoch] = loss(x, y, rows);
        }
        return history;
    }

    /**
     * The tutorial's training: full-batch gradient descent with the forward-difference gradient
     * {@code (J(theta + step e_i) - J(theta)) / step}, one loss per parameter plus one at theta. The
     * loss at theta is the loss after the previous step, so the history needs one extra pass at the end.
     *
     * @return the loss after each epoch
     */
    double[] trainForwardDifferences(double[] x, double[] y, int rows, double learningRate, int epochs,
            double step) {
        double[] history = new double[epochs];
        for (int epoch = 0; epoch <= epochs; epoch++) {
            double atTheta = loss(x, y, rows);
            if (epoch > 0) {
                history[epoch - 1] = atTheta;
            }
            if (epoch == epochs) {
                break;
            }
            for (int i = 0; i < theta.length; i++) {
                double original = theta[i];
                theta[i] = original + step;
                gradient[i] = (loss(x, y, rows) - atTheta) / step;
                theta[i] = original;
            }
            step(learningRate);
        }
        return history;
    }

    /** Fills {@code order[0..rows)} with a Fisher-Yates permutation of {@code 0..rows-1}. */
    private void shuffle(int rows, Random random) {
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /**
     * Computes {@code h = sigmoid(x W1 + b1)} and {@code p = out(h W2 + b2)} for {@code rows} samples.
     * Each layer picks its loop by shape: a narrow layer sums each output in a register (few outputs,
     * so the loop overhead of the other form dominates); a wide one adds {@code x[i]} times row
     * {@code i} of the weights to the whole output row, a long unit-stride loop that vectorises.
     */
    private void forward(double[] x, int rows) {
        for (int r = 0; r < rows; r++) {
            layer(x, r * inputs, inputs, w1, b1, h, r * hidden, hidden);
            int hRow = r * hidden;
            for (int j = 0; j < hidden; j++) {
                h[hRow + j] = sigmoid(h[hRow + j]);
            }
            layer(h, hRow, hidden, w2, b2, p, r * outputs, outputs);
            if (softmax) {
                softmaxInPlace(r * outputs);
            }
        }
    }

    /** Writes {@code in W + b} of one row into {@code out} (no bias when {@code bias} is -1). */
    private void layer(double[] in, int inRow, int inSize, int weights, int bias, double[] out, int outRow,
            int outSize) {
        if (outSize <= NARROW) {
            for (int o = 0; o < outSize; o++) {
                double sum = bias < 0 ? 0.0 : theta[bias + o];
                for (int i = 0; i < inSize; i++) {
                    sum += in[inRow + i] * theta[weights + i * outSize + o];
                }
                out[outRow + o] = sum;
            }
            return;
        }
        for (int o = 0; o < outSize; o++) {
            out[outRow + o] = bias < 0 ? 0.0 : theta[bias + o];
        }
        for (int i = 0; i < inSize; i++) {
            double value = in[inRow + i];
            int row = weights + i * outSize;
            for (int o = 0; o < outSize; o++) {
                out[outRow + o] += value * theta[row + o];
            }
        }
    }

    private void softmaxInPlace(int row) {
        double max = p[row];
        for (int o = 1; o < outputs; o++) {
            max = Math.max(max, p[row + o]);
        }
        double sum = 0.0;
        for (int o = 0; o < outputs; o++) {
            double e = Math.exp(p[row + o] - max);
            p[row + o] = e;
            sum += e;
        }
        for (int o = 0; o < outputs; o++) {
            p[row + o] /= sum;
        }
    }

    /** The loss of the outputs in {@code p}: {@code 1/2 sum (y - p)^2}, or {@code -sum y log p / rows}. */
    private double lossOfOutputs(double[] y, int rows) {
        double total = 0.0;
        int n = rows * outputs;
        if (softmax) {
            for (int k = 0; k < n; k++) {
                if (y[k] != 0.0) {
                    total -= y[k] * Math.log(p[k]);
                }
            }
            return total / rows;
        }
        for (int k = 0; k < n; k++) {
            double residual = y[k] - p[k];
            total += residual * residual;
        }
        return 0.5 * total;
    }

    /**
     * Fills {@code gradient} with {@code dJ/dtheta} from the outputs of the last forward pass. At the
     * output, {@code dJ/dz2 = p - y} (identity with the summed squared error) or {@code (p - y) / rows}
     * (softmax with the mean cross-entropy); then {@code dJ/dW2 = h^T dz2},
     * {@code dJ/dh = dz2 W2^T}, {@code dz1 = dJ/dh * h (1 - h)}, {@code dJ/dW1 = x^T dz1}, and each bias
     * gradient is the column sum of its {@code dz}.
     */
    private void backward(double[] x, double[] y, int rows) {
        Arrays.fill(gradient, 0.0);
        double scale = softmax ? 1.0 / rows : 1.0;
        for (int k = 0; k < rows * outputs; k++) {
            dz2[k] = (p[k] - y[k]) * scale;
        }
        for (int r = 0; r < rows; r++) {
            int hRow = r * hidden;
            int pRow = r * outputs;
            for (int j = 0; j < hidden; j++) {
                double hj = h[hRow + j];
                int wRow = w2 + j * outputs;
                double back = 0.0;
                for (int o = 0; o < outputs; o++) {
                    gradient[wRow + o] += hj * dz2[pRow + o];
                    back += dz2[pRow + o] * theta[wRow + o];
                }
                dh[hRow + j] = back * hj * (1.0 - hj);
            }
            if (b2 >= 0) {
                for (int o = 0; o < outputs; o++) {
                    gradient[b2 + o] += dz2[pRow + o];
                }
            }
            for (int i = 0; i < inputs; i++) {
                double xi = x[r * inputs + i];
                int wRow = w1 + i * hidden;
                for (int j = 0; j < hidden; j++) {
                    gradient[wRow + j] += xi * dh[hRow + j];
                }
            }
            if (b1 >= 0) {
                for (int j = 0; j < hidden; j++) {
                    gradient[b1 + j] += dh[hRow + j];
                }
            }
        }
    }

    private void step(double learningRate) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= learningRate * gradient[i];
        }
    }

    /** The logistic function, in the form that never overflows. */
    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
