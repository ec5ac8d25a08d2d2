package io.github.diynn.examples;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.metrics.ClassificationMetrics;
import io.github.diynn.metrics.ConfusionMatrix;
import io.github.diynn.train.Optimizer;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.knowm.xchart.XYChart;

/**
 * A binary classifier on "two moons", two interleaved half circles that no straight line separates:
 * a 2-8-1 network (tanh hidden units, one sigmoid output) trained with binary cross-entropy and Adam
 * on a seeded 80/20 split of 200 generated points.
 *
 * <p>Run it with
 * {@code mvn -B -q test-compile exec:java -Dexample=io.github.diynn.examples.TwoMoonsExample}. It
 * prints the accuracies and the test confusion matrix, and draws the decision boundary and the loss
 * by epoch into {@code target/pictures} ({@code -Dpictures=docs} writes the ones in the
 * documentation).
 */
public final class TwoMoonsExample {

    /** The seed of every random choice: the points, the split, the weights and the shuffles. */
    static final long SEED = 7;
    /** Points per moon. */
    static final int POINTS_PER_MOON = 100;
    /** Standard deviation of the Gaussian noise added to each coordinate. */
    static final double NOISE = 0.15;
    /** The class names: class 0 is the upper moon, class 1 the lower one. */
    static final List<String> LABELS = List.of("upper", "lower");

    private TwoMoonsExample() {
    }

    /**
     * Trains the classifier, prints its results and draws the pictures.
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
     * Generates two moons: the upper one, {@code (cos t, sin t)} for {@code t} uniform in
     * {@code [0, pi]}, is class 0; the lower one, {@code (1 - cos t, 0.5 - sin t)}, is class 1; each
     * coordinate gets Gaussian noise of standard deviation {@code noise}. The classes alternate row by
     * row.
     *
     * @param perMoon points per moon
     * @param noise the noise's standard deviation
     * @param seed the seed of {@code new Random(seed)}, which draws every angle and noise value
     * @return {@code 2 * perMoon} rows: inputs {@code x, y}, target 0 or 1
     */
    static Dataset moons(int perMoon, double noise, long seed) {
        Random random = new Random(seed);
        double[][] inputs = new double[2 * perMoon][];
        double[] targets = new double[2 * perMoon];
        for (int i = 0; i < perMoon; i++) {
            double upper = Math.PI * random.nextDouble();
            inputs[2 * i] = new double[] {Math.cos(upper) + noise * random.nextGaussian(),
                Math.sin(upper) + noise * random.nextGaussian()};
            double lower = Math.PI * random.nextDouble();
            inputs[2 * i + 1] = new double[] {1 - Math.cos(lower) + noise * random.nextGaussian(),
                0.5 - Math.sin(lower) + noise * random.nextGaussian()};
            targets[2 * i + 1] = 1;
        }
        return new Dataset(Matrix.of(inputs), Matrix.columnVector(targets), List.of("x", "y"), List.of("lower"));
    }

    /**
     * The data, the trained classifier and how it does.
     *
     * @param data all generated points
     * @param training the training result
     * @param trainingAccuracy the accuracy on the 160 training points
     * @param confusion the confusion matrix on the 40 test points
     */
    record Outcome(Dataset data, TrainingResult training, double trainingAccuracy, ConfusionMatrix confusion) {
    }

    /**
     * Generates the points, trains and prints the accuracies and the test confusion matrix.
     *
     * @param out where to print
     * @param seed the seed of the points, the split, the weights and the shuffles
     * @return what was printed, for tests
     */
    static Outcome run(PrintStream out, long seed) {
        Dataset data = moons(POINTS_PER_MOON, NOISE, seed);
        DatasetSplit split = data.split(0.8, seed);
        Dataset training = split.first();
        Dataset test = split.second();
        out.println("two moons: " + data.size() + " points (noise " + NOISE + "), " + training.size()
                + " training and " + test.size() + " test");
        Network start = Network.builder(2)
                .dense(8, Activation.TANH)
                .dense(1, Activation.SIGMOID)
                .initializer(Initializer.XAVIER_NORMAL)
                .build(seed);
        TrainingResult result = Trainer.builder()
                .loss(Loss.BINARY_CROSS_ENTROPY)
                .optimizer(Optimizer.adam())
                .learningRate(0.02)
                .epochs(300)
                .batchSize(16)
                .seed(seed)
                .build()
                .train(start, training);
        Network network = result.network();
        double trainingAccuracy = ClassificationMetrics.accuracy(network.predict(training.inputs()),
                training.targets());
        ConfusionMatrix confusion = ConfusionMatrix.of(network.predict(test.inputs()), test.targets(), LABELS);
        out.printf(Locale.ROOT, "binary cross-entropy: %.4f after epoch 1, %.4f after epoch %d%n",
                result.losses()[0], result.finalLoss(), result.epochs());
        out.printf(Locale.ROOT, "training accuracy: %.1f %%%n", 100 * trainingAccuracy);
        out.printf(Locale.ROOT, "test accuracy: %.1f %% (%d of %d)%n", 100 * confusion.accuracy(),
                confusion.correct(), confusion.total());
        out.println(confusion);
        return new Outcome(data, result, trainingAccuracy, confusion);
    }

    /**
     * Draws the probability of "lower" over the plane with all 200 points on it, and the loss by
     * epoch.
     *
     * @return the files written, in that order
     */
    static List<Path> drawPictures(Outcome outcome, Path directory) {
        Network network = outcome.training().network();
        XYChart boundary = Pictures.field("Two moons: the 2-8-1 network's probability of \"lower\"", "x", "y",
                (x, y) -> network.predict(x, y)[0], Pictures.range(-1.6, 2.6, 85), Pictures.range(-1.1, 1.6, 55),
                0.0, 1.0, Pictures.diverging(10), "");
        Matrix inputs = outcome.data().inputs();
        Pictures.pointsByValue(boundary, "points (black: upper, white: lower)", inputs.column(0), inputs.column(1),
                outcome.data().targets().column(0), 0.0, 1.0, new Color[] {Color.BLACK, Color.WHITE}, 8);
        List<Path> files = new ArrayList<>();
        files.add(Pictures.save(boundary, directory, "moons-boundary"));
        double[] losses = outcome.training().losses();
        XYChart loss = Pictures.byEpoch("Two moons: binary cross-entropy by epoch", "epoch",
                "binary cross-entropy", losses.length);
        Pictures.line(loss, "160 training points", Pictures.epochs(losses.length), losses, Pictures.BLUE, 2f);
        Pictures.roundEpochTicks(loss);
        files.add(Pictures.save(loss, directory, "moons-loss"));
        return files;
    }
}
