package io.github.diynn.examples;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.train.Optimizer;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;

/**
 * XOR, the function no single neuron can learn: a 2-4-1 network (tanh hidden units, one sigmoid
 * output) trained with binary cross-entropy on the four points of the truth table.
 *
 * <p>Run it with
 * {@code mvn -B -q test-compile exec:java -Dexample=io.github.diynn.examples.XorExample}. It prints the
 * four outputs and draws the learnt probability over the plane and the loss by epoch into
 * {@code target/pictures} ({@code -Dpictures=docs} writes the ones in the documentation).
 */
public final class XorExample {

    /** The seed of the initial weights. */
    static final long SEED = 1;

    /** The truth table's inputs, one row per case. */
    static final Matrix INPUTS = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    /** x1 XOR x2, one row per case. */
    static final Matrix TARGETS = Matrix.columnVector(0, 1, 1, 0);

    private XorExample() {
    }

    /**
     * Trains the network, prints its four outputs and draws the pictures.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Path pictures = Pictures.directory();
        Outcome outcome = run(System.out, SEED);
        List<Path> files = drawPictures(outcome, pictures);
        System.out.println(Pictures.written(pictures, files));
    }

    /**
     * The trained network and its outputs on the four cases.
     *
     * @param training the training result
     * @param outputs the probability that x1 XOR x2 is 1, for each row of {@link #INPUTS}
     */
    record Outcome(TrainingResult training, List<Double> outputs) {

        Outcome {
            outputs = List.copyOf(outputs);
        }

        /** {@return whether every output is on the target's side of 0.5} */
        boolean solved() {
            for (int i = 0; i < outputs.size(); i++) {
                if ((outputs.get(i) >= 0.5) != (TARGETS.get(i, 0) == 1.0)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Trains from the given seed and prints the outputs.
     *
     * @param out where to print
     * @param seed the seed of the initial weights
     * @return what was printed, for tests
     */
    static Outcome run(PrintStream out, long seed) {
        Network start = Network.builder(2)
                .dense(4, Activation.TANH)
                .dense(1, Activation.SIGMOID)
                .initializer(Initializer.XAVIER_NORMAL)
                .build(seed);
        out.print(start.summary());
        TrainingResult result = Trainer.builder()
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(Optimizer.adam())
                .learningRate(0.05)
                .epochs(500)
                .batchSize(4)
                .seed(seed)
                .build()
                .train(start, INPUTS, TARGETS);
        out.printf(Locale.ROOT, "binary cross-entropy: %.4f after epoch 1, %.6f after epoch %d%n",
                result.losses()[0], result.finalLoss(), result.epochs());
        double[] outputs = result.network().predict(INPUTS).column(0);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            out.printf(Locale.ROOT, "%.0f XOR %.0f = %.0f: network says %.4f%n", INPUTS.get(i, 0), INPUTS.get(i, 1),
                    TARGETS.get(i, 0), outputs[i]);
            values.add(outputs[i]);
        }
        Outcome outcome = new Outcome(result, values);
        out.println(outcome.solved() ? "solved: all four outputs are on the right side of 0.5"
                : "not solved: some output is on the wrong side of 0.5");
        return outcome;
    }

    /**
     * Draws the probability the network gives to "1" over the plane, with the four cases on it, and
     * the loss by epoch.
     *
     * @return the files written, in that order
     */
    static List<Path> drawPictures(Outcome outcome, Path directory) {
        Network network = outcome.training().network();
        XYChart surface = Pictures.field("XOR: the 2-4-1 network's probability of 1", "x1", "x2",
                (x1, x2) -> network.predict(x1, x2)[0], Pictures.range(-0.5, 1.5, 81), Pictures.range(-0.5, 1.5, 61),
                0.0, 1.0, Pictures.diverging(10), "");
        Pictures.pointsByValue(surface, "cases (black: 0, white: 1)", INPUTS.column(0), INPUTS.column(1),
                TARGETS.column(0), 0.0, 1.0, new Color[] {Color.BLACK, Color.WHITE}, 16);
        List<Path> files = new ArrayList<>();
        files.add(Pictures.save(surface, directory, "xor-surface"));
        double[] losses = outcome.training().losses();
        XYChart loss = Pictures.byEpoch("XOR: binary cross-entropy by epoch (log scale)", "epoch",
                "binary cross-entropy", losses.length);
        loss.getStyler().setYAxisLogarithmic(true);
        Pictures.line(loss, "4 cases", Pictures.epochs(losses.length), losses, Pictures.BLUE, 2f);
        Pictures.roundEpochTicks(loss);
        files.add(Pictures.save(loss, directory, "xor-loss"));
        return files;
    }
}
