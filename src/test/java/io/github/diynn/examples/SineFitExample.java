package io.github.diynn.examples;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.metrics.RegressionMetrics;
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
import org.knowm.xchart.style.Styler;

/**
 * A 1-D curve fit: {@code sin x} on {@code [-pi, pi]} by a 1-4-1 network (four tanh hidden units, one
 * linear output), trained on the mean squared error. Its picture shows how the fit is built: the
 * output is the sum of the hidden units' contributions {@code v_j tanh(w_j x + b_j)} plus the output
 * bias, each an S-shaped step that bends the line once.
 *
 * <p>Run it with
 * {@code mvn -B -q test-compile exec:java -Dexample=io.github.diynn.examples.SineFitExample}. It
 * prints the root mean squared error and each unit's contribution, and draws the fit into
 * {@code target/pictures} ({@code -Dpictures=docs} writes the one in the documentation).
 */
public final class SineFitExample {

    /** The seed of the initial weights. */
    static final long SEED = 3;
    /** The number of evenly spaced training points on {@code [-pi, pi]}. */
    static final int POINTS = 64;

    private SineFitExample() {
    }

    /**
     * Fits the sine, prints the result and draws the picture.
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
     * The data and the fit.
     *
     * @param inputs the {@code POINTS x 1} training inputs
     * @param targets their sines
     * @param training the training result
     * @param rmse the root mean squared error of the fit on the training points
     */
    record Outcome(Matrix inputs, Matrix targets, TrainingResult training, double rmse) {
    }

    /**
     * Returns hidden unit {@code unit}'s contribution to the output at each {@code x}:
     * {@code v tanh(w x + b)} with {@code w}, {@code b} the unit's weight and bias in layer 0 and
     * {@code v} its weight in layer 1. The output is the sum of all contributions plus layer 1's bias.
     *
     * @param network a 1-H-1 network with a tanh hidden layer and biases
     * @param unit the hidden unit, in {@code [0, H)}
     * @param xs where to evaluate
     * @return a new array, one value per {@code x}
     */
    static double[] contribution(Network network, int unit, double[] xs) {
        DenseLayer hidden = network.layers().get(0);
        double w = hidden.weights().get(0, unit);
        double b = hidden.bias().get(0, unit);
        double v = network.layers().get(1).weights().get(unit, 0);
        double[] values = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            values[i] = v * Math.tanh(w * xs[i] + b);
        }
        return values;
    }

    /**
     * Fits the sine from the given seed and prints the error and the units' contributions.
     *
     * @param out where to print
     * @param seed the seed of the initial weights
     * @return what was printed, for tests
     */
    static Outcome run(PrintStream out, long seed) {
        double[] xs = Pictures.range(-Math.PI, Math.PI, POINTS);
        double[] ys = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            ys[i] = Math.sin(xs[i]);
        }
        Matrix inputs = Matrix.columnVector(xs);
        Matrix targets = Matrix.columnVector(ys);
        Network start = Network.builder(1)
                .dense(4, Activation.TANH)
                .dense(1, Activation.IDENTITY)
                .initializer(Initializer.XAVIER_NORMAL)
                .build(seed);
        TrainingResult result = Trainer.builder()
                .loss(Loss.MEAN_SQUARED_ERROR)
                .optimizer(Optimizer.adam())
                .learningRate(0.02)
                .epochs(1500)
                .build()
                .train(start, inputs, targets);
        Network network = result.network();
        double rmse = RegressionMetrics.rootMeanSquaredError(network.predict(inputs), targets);
        out.printf(Locale.ROOT, "sin x on [-pi, pi], %d points, 1-4-1 tanh network, %d epochs of Adam%n", POINTS,
                result.epochs());
        out.printf(Locale.ROOT, "root mean squared error: %.4f%n", rmse);
        DenseLayer hidden = network.layers().get(0);
        for (int j = 0; j < hidden.outputSize(); j++) {
            out.printf(Locale.ROOT, "  unit %d: %+.3f * tanh(%+.3f x %+.3f)%n", j,
                    network.layers().get(1).weights().get(j, 0), hidden.weights().get(0, j), hidden.bias().get(0, j));
        }
        out.printf(Locale.ROOT, "  output bias: %+.3f%n", network.layers().get(1).bias().get(0, 0));
        return new Outcome(inputs, targets, result, rmse);
    }

    /**
     * Draws the sine, the network's fit and each hidden unit's contribution.
     *
     * @return the file written
     */
    static List<Path> drawPictures(Outcome outcome, Path directory) {
        Network network = outcome.training().network();
        double[] xs = Pictures.range(-Math.PI, Math.PI, 201);
        double[] fit = network.predict(Matrix.columnVector(xs)).column(0);
        double[] sine = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            sine[i] = Math.sin(xs[i]);
        }
        XYChart chart = Pictures.chart(String.format(Locale.ROOT,
                "sin x by a 1-4-1 network: the fit is the sum of four bent steps (RMSE %.4f)", outcome.rmse()),
                "x", "y");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        Color[] unitColors = {Pictures.ORANGE, Pictures.GREEN, new Color(148, 103, 189), new Color(140, 86, 75)};
        int units = network.layers().get(0).outputSize();
        for (int j = 0; j < units; j++) {
            Pictures.dashed(chart, "unit " + j, xs, contribution(network, j, xs),
                    unitColors[j % unitColors.length], 1.8f);
        }
        Pictures.points(chart, "sin x (" + POINTS + " points)", outcome.inputs().column(0),
                outcome.targets().column(0), Color.WHITE, 6);
        Pictures.line(chart, "output: sum of units + bias", xs, fit, Pictures.BLUE, 3f);
        List<Path> files = new ArrayList<>();
        files.add(Pictures.save(chart, directory, "sine-fit"));
        return files;
    }
}
