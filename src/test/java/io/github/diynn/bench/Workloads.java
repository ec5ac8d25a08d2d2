package io.github.diynn.bench;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import io.github.diynn.train.Trainer;
import java.io.IOException;
import java.util.Random;

/**
 * The workloads W1-W6 of the performance issue, as a diynn user would set them up: data, starting
 * networks and trainers on the public API. The benchmarks and {@code BenchmarkAnswersTest} build
 * every run from here, so what is timed is what is checked. See {@code docs/benchmarks.md}.
 */
final class Workloads {

    /** The seed of every starting network and trainer. */
    static final long SEED = 42;
    /** Epochs (W1, W3) and iterations (W2) of the tutorial workloads. */
    static final int TUTORIAL_EPOCHS = 2000;
    /** The W3 epoch whose cost the issue quotes. */
    static final int W3_CHECKED_EPOCH = 1000;
    /** The digits network's hidden width. */
    static final int DIGITS_HIDDEN = 32;
    /** W4's minibatch size; 1797 = 56 x 32 + 5, so every epoch ends with a batch of 5. */
    static final int DIGITS_BATCH = 32;
    /** W4's epochs. */
    static final int DIGITS_EPOCHS = 10;
    /** W4's learning rate. */
    static final double DIGITS_RATE = 0.1;
    /** The rows of the scaling run: the first ten batches of 32 digits. */
    static final int SCALING_ROWS = 320;

    private Workloads() {
    }

    /**
     * The tutorial's Iris: sepal length and width as inputs, petal length as the target, in file
     * order, optionally each column divided by its maximum ({@link Scaler#fitMax}).
     */
    static Dataset tutorialIris(boolean scaled) throws IOException {
        Dataset iris = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width")
                .targets("petal_length")
                .build()
                .loadResource(Workloads.class, "/iris.csv");
        if (!scaled) {
            return iris;
        }
        return new Dataset(Scaler.fitMax(iris.inputs()).transform(iris.inputs()),
                Scaler.fitMax(iris.targets()).transform(iris.targets()));
    }

    /** W1's start: the tutorial's 2-3-1, sigmoid hidden, identity output, no biases, N(0,1) weights. */
    static Network w1Network() {
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).withoutBiases()
                .build(SEED);
    }

    /** W1: 2000 full-batch epochs of the tutorial's forward differences (step 1e-8) at rate 0.01. */
    static Trainer w1Trainer() {
        return Trainer.builder()
                .learningRate(0.01)
                .epochs(TUTORIAL_EPOCHS)
                .loss(Loss.SUM_SQUARED_ERROR)
                .gradientSource(FiniteDifferences.forward())
                .build();
    }

    /** W2's start: {@code f(x) = w1 x1 + w2 x2 + b} with w1, w2, b uniform from {@code new Random(42)}. */
    static Network w2Network() {
        Random random = new Random(SEED);
        double w1 = random.nextDouble();
        double w2 = random.nextDouble();
        double b = random.nextDouble();
        return Network.of(DenseLayer.of(Matrix.columnVector(w1, w2), Matrix.rowVector(b), Activation.IDENTITY));
    }

    /** W2: 2000 iterations of full-batch gradient descent at alpha 0.001 (backpropagation's partials). */
    static Trainer w2Trainer() {
        return Trainer.builder()
                .learningRate(0.001)
                .epochs(TUTORIAL_EPOCHS)
                .loss(Loss.SUM_SQUARED_ERROR)
                .build();
    }

    /** W3's start: the 2-3-1 with biases (zero), N(0,1) weights from seed 42. */
    static Network w3Network() {
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(SEED);
    }

    /** W3: {@code epochs} full-batch backpropagation epochs at rate 0.01 on the summed squared error. */
    static Trainer w3Trainer(int epochs) {
        return Trainer.builder()
                .learningRate(0.01)
                .epochs(epochs)
                .loss(Loss.SUM_SQUARED_ERROR)
                .build();
    }

    /**
     * The 1797 digits: 64 pixels divided by 16 (so in [0, 1]) and the label one-hot over the classes
     * 0 to 9 in that order.
     */
    static Dataset digits() throws IOException {
        Dataset raw = CsvLoader.builder()
                .oneHotTarget("label")
                .classes("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
                .build()
                .loadResource(Workloads.class, "/digits-8x8.csv");
        return raw.withInputs(raw.inputs().scale(1.0 / 16.0));
    }

    /** The 64-hidden-10 digits network: sigmoid hidden, softmax output, Xavier-normal weights. */
    static Network digitsNetwork(int hidden) {
        return Network.builder(64).dense(hidden, Activation.SIGMOID).dense(10, Activation.SOFTMAX)
                .initializer(Initializer.XAVIER_NORMAL).build(SEED);
    }

    /**
     * W4 and the scaling run: SGD with batches of 32 at rate 0.1 on the cross-entropy averaged over
     * each batch. The trainer reshuffles the samples every epoch (from the seed); the fixed
     * order per epoch cannot be asked for.
     */
    static Trainer digitsTrainer(int epochs) {
        return Trainer.builder()
                .loss(Loss.CROSS_ENTROPY)
                .learningRate(DIGITS_RATE)
                .epochs(epochs)
                .batchSize(DIGITS_BATCH)
                .seed(SEED)
                .build();
    }

    /** A square matrix of the given order with entries uniform in [-1, 1) from a fixed seed. */
    static Matrix squareMatrix(int order, long seed) {
        Random random = new Random(seed);
        double[] values = new double[order * order];
        for (int k = 0; k < values.length; k++) {
            values[k] = 2.0 * random.nextDouble() - 1.0;
        }
        return Matrix.of(order, order, values);
    }
}
