package io.github.diynn.examples;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.knowm.xchart.XYChart;

/**
 * The "DIY neural network" tutorial, end to end, on the bundled Iris data.
 *
 * <p>Run it with {@code mvn -B -q test-compile exec:java}. Every random choice is seeded, so two
 * runs print the same numbers (only the timings change). It also draws the tutorial's pictures into
 * {@code target/pictures} ({@code -Dpictures=docs} writes the ones in the documentation).
 */
public final class TutorialExample {

    /** The seed of every random choice in the example. */
    static final long SEED = 42;

    private TutorialExample() {
    }

    /**
     * Runs the tutorial and prints each step.
     *
     * @param args ignored
     */
    public static void main(String[] args) throws IOException {
        Path pictures = Pictures.directory();
        Figures figures = run(System.out);
        List<Path> files = drawPictures(figures, pictures);
        System.out.println(Pictures.written(pictures, files));
    }

    /**
     * Runs the tutorial, printing to {@code out}.
     *
     * @param out where to print
     * @return the figures printed, for tests
     */
    static Figures run(PrintStream out) throws IOException {
        // In [1]: sepal length and width -> petal length, shuffled with an explicit seed.
        // snippet: docs/tutorial.md#load
        Dataset iris = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width")   // columns chosen by header name
                .targets("petal_length")                 // the species column is skipped
                .build()
                .loadResource(TutorialExample.class, "/iris.csv")
                .shuffle(SEED);                          // Fisher-Yates from new Random(42)
        Matrix x = iris.inputs();                        // 150x2: sepal length, sepal width (cm)
        Matrix y = iris.targets();                       // 150x1: petal length (cm)
        // end snippet
        out.println("Iris: " + x.rows() + " samples; inputs sepal length and width, target petal length");

        // In [2]-[3]: the linear model f(x) = w.x + b with w = [0.2, 0.6], b = -0.3, on the raw data.
        // snippet: docs/tutorial.md#linear-cost
        DenseLayer linearUnit = DenseLayer.of(Matrix.columnVector(0.2, 0.6), Matrix.rowVector(-0.3), Activation.IDENTITY);
        Network linear = Network.of(linearUnit);
        double linearCost = linear.loss(Loss.SUM_SQUARED_ERROR, x, y);
        // end snippet
        out.printf(Locale.ROOT, "for x=[%.2f, %.2f], predicted = %.2f, actual = %.2f%n",
                x.get(0, 0), x.get(0, 1), linear.predict(x.row(0))[0], y.get(0, 0));
        out.println("linear model cost, w=[0.2, 0.6], b=-0.3: " + significant(linearCost)
                + "  (exactly " + linearCost + "; the tutorial prints 313.0096)");

        // In [4]: linear regression by gradient descent with the analytic partials, on max-scaled data.
        long begin = System.nanoTime();
        // snippet: docs/tutorial.md#linear-regression
        Scaler inputScale = Scaler.fitMax(x);    // the tutorial's X / np.amax(X, axis=0), bit for bit
        Scaler targetScale = Scaler.fitMax(y);   // kept, to map predictions back to centimetres
        Matrix xs = inputScale.transform(x);
        Matrix ys = targetScale.transform(y);
        Random random = new Random(SEED);
        Network start = linear.withParameters(new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()});
        TrainingResult regression = Trainer.builder()
                .learningRate(0.001)
                .epochs(2000)
                .gradientSource(TutorialExample::linearPartials)
                .build()
                .train(start, xs, ys);
        // end snippet
        long regressionNanos = System.nanoTime() - begin;
        out.printf(Locale.ROOT, "initial parameters: w1=%.3f, w2=%.3f, b=%.3f%n", (Object[]) boxed(start.parameters()));
        out.printf(Locale.ROOT, "initial cost = %.3f%n", start.loss(Loss.SUM_SQUARED_ERROR, xs, ys));
        out.printf(Locale.ROOT, "final parameters: w1=%.3f, w2=%.3f, b=%.3f%n",
                (Object[]) boxed(regression.network().parameters()));
        out.printf(Locale.ROOT, "final cost = %.3f  (%.6f)%n", regression.finalLoss(), regression.finalLoss());
        out.printf(Locale.ROOT, "  time: %.1f ms for 2000 iterations%n", regressionNanos / 1e6);

        // In [7]: the sigmoid neuron with the same w and b, on the raw data.
        // snippet: docs/tutorial.md#sigmoid-neuron
        Network neuron = Network.of(DenseLayer.of(linearUnit.weights(), linearUnit.bias(), Activation.SIGMOID));
        double neuronCost = neuron.loss(Loss.SUM_SQUARED_ERROR, x, y);
        // end snippet
        out.println("sigmoid neuron cost, w=[0.2, 0.6], b=-0.3: " + neuronCost
                + "  (the tutorial prints 829.4187739184515)");

        // In [15]: the 2-3-1 network, no biases, trained by forward-difference gradient descent.
        // snippet: docs/tutorial.md#network
        Network net = Network.builder(2)
                .dense(3, Activation.SIGMOID)
                .dense(1, Activation.IDENTITY)
                .withoutBiases()
                .build(SEED);                 // N(0,1) weights from new Random(42).nextGaussian()
        Matrix predictions = net.predict(xs); // the forward pass: sigmoid(x W1) W2
        // end snippet
        out.println(net);
        out.print(net.summary());
        out.printf(Locale.ROOT, "initial cost = %.3f%n", Loss.SUM_SQUARED_ERROR.value(predictions, ys));
        // snippet: docs/tutorial.md#forward-differences
        double[] gradient = FiniteDifferences.forward().gradient(net, Loss.SUM_SQUARED_ERROR, xs, ys);
        // end snippet
        begin = System.nanoTime();
        // snippet: docs/tutorial.md#train-network
        TrainingResult trained = Trainer.builder()
                .learningRate(0.01)
                .epochs(2000)
                .gradientSource(FiniteDifferences.forward())
                .build()
                .train(net, xs, ys);
        // end snippet
        long networkNanos = System.nanoTime() - begin;
        out.printf(Locale.ROOT, "final cost = %.3f  (%.6f)%n", trained.finalLoss(), trained.finalLoss());
        out.printf(Locale.ROOT, "  time: %.1f ms for 2000 epochs of forward differences%n", networkNanos / 1e6);

        // The tutorial's promise: the same network, same seed, trained by backpropagation.
        begin = System.nanoTime();
        // snippet: docs/tutorial.md#backpropagation
        TrainingResult backprop = Trainer.builder()
                .learningRate(0.01)
                .epochs(2000)
                .gradientSource(GradientSource.backpropagation())   // the default; shown for contrast
                .build()
                .train(net, xs, ys);
        // end snippet
        long backpropNanos = System.nanoTime() - begin;
        out.println("the same 2-3-1 from the same seed, both ways:");
        out.printf(Locale.ROOT, "  forward differences: final cost %.6f in %7.1f ms%n", trained.finalLoss(), networkNanos / 1e6);
        out.printf(Locale.ROOT, "  backpropagation:     final cost %.6f in %7.1f ms%n", backprop.finalLoss(), backpropNanos / 1e6);
        out.printf(Locale.ROOT, "  time: backpropagation trained %.1fx faster%n", (double) networkNanos / backpropNanos);
        double[] centimetres = targetScale.inverseTransform(backprop.network().predict(xs.selectRows(0))).row(0);
        out.printf(Locale.ROOT, "for x=[%.2f, %.2f] the trained network predicts a petal length of %.2f cm, actual %.2f%n",
                x.get(0, 0), x.get(0, 1), centimetres[0], y.get(0, 0));
        return new Figures(linearCost, regression, neuronCost, trained, backprop, x, y, inputScale, targetScale,
                gradient);
    }

    /**
     * The tutorial's partial derivatives of J for f(x) = w1 x1 + w2 x2 + b, as a gradient source.
     *
     * <pre>  dJ/dw_j = -sum_i x_ij (y_i - f(x_i)),   dJ/db = -sum_i (y_i - f(x_i))</pre>
     */
    private static double[] linearPartials(Network network, Loss loss, Matrix inputs, Matrix targets) {
        Matrix residual = targets.minus(network.predict(inputs));
        double[] gradient = new double[network.parameterCount()];
        for (int j = 0; j < inputs.columns(); j++) {
            gradient[j] = -Matrix.rowVector(inputs.column(j)).times(residual).get(0, 0);
        }
        gradient[inputs.columns()] = -residual.sum();
        return gradient;
    }

    /** Rounds to 12 significant digits, the way a reader compares with the tutorial's print. */
    static String significant(double value) {
        return new BigDecimal(value).round(new MathContext(12)).stripTrailingZeros().toPlainString();
    }

    private static Double[] boxed(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /**
     * Draws the tutorial's pictures into {@code directory}: the linear regression's cost by iteration,
     * the 2-3-1's cost by epoch with both gradients (log scale), the sigmoid, and the linear model's
     * and the 2-3-1's predicted petal length over the (sepal length, sepal width) plane with the 150
     * flowers on it.
     *
     * @return the files written, in that order
     */
    static List<Path> drawPictures(Figures figures, Path directory) {
        List<Path> files = new ArrayList<>();
        double[] regressionLosses = figures.regression().losses();
        XYChart regression = Pictures.byEpoch("Linear regression: cost by iteration (learning rate 0.001)",
                "iteration", "cost J (log scale)", regressionLosses.length);
        regression.getStyler().setYAxisLogarithmic(true);
        Pictures.line(regression, "sum-squared error, scaled data", Pictures.epochs(regressionLosses.length),
                regressionLosses, Pictures.BLUE, 2f);
        Pictures.roundEpochTicks(regression);
        files.add(Pictures.save(regression, directory, "tutorial-regression-cost"));

        double[] forward = figures.network().losses();
        double[] exact = figures.backprop().losses();
        XYChart gradients = Pictures.byEpoch("The 2-3-1 network: cost by epoch, two ways to get the gradient",
                "epoch", "cost J (log scale)", forward.length);
        gradients.getStyler().setYAxisLogarithmic(true);
        Pictures.line(gradients, "forward differences", Pictures.epochs(forward.length), forward, Pictures.ORANGE, 5f);
        Pictures.dashed(gradients, "backpropagation", Pictures.epochs(exact.length), exact, Pictures.BLUE, 2f);
        Pictures.roundEpochTicks(gradients);
        files.add(Pictures.save(gradients, directory, "tutorial-gradients-cost"));

        double[] z = Pictures.range(-8, 8, 161);
        double[] sigmoid = Activation.SIGMOID.apply(Matrix.columnVector(z)).column(0);
        XYChart neuron = Pictures.chart("The sigmoid: 1 / (1 + e^-z)", "z", "sigmoid(z)");
        neuron.getStyler().setLegendVisible(false);
        Pictures.line(neuron, "sigmoid", z, sigmoid, Pictures.BLUE, 2.5f);
        files.add(Pictures.save(neuron, directory, "tutorial-sigmoid"));

        files.add(Pictures.save(plane(figures, figures.regression().network(),
                "Linear model: predicted petal length (cm), flowers filled with their actual one"), directory,
                "tutorial-linear-plane"));
        files.add(Pictures.save(plane(figures, figures.backprop().network(),
                "2-3-1 network: predicted petal length (cm), flowers filled with their actual one"), directory,
                "tutorial-network-plane"));
        return files;
    }

    /** A model's predicted petal length over the sepal plane, in centimetres, with the flowers on top. */
    private static XYChart plane(Figures figures, Network model, String title) {
        Color[] palette = Pictures.sequential(10);
        XYChart chart = Pictures.field(title, "sepal length (cm)", "sepal width (cm)", (length, width) -> {
            double[] scaled = figures.inputScale().transform(Matrix.rowVector(length, width)).row(0);
            return figures.targetScale().inverseTransform(Matrix.rowVector(model.predict(scaled))).get(0, 0);
        }, Pictures.range(4.0, 8.2, 85), Pictures.range(1.8, 4.6, 57), 0.0, 8.0, palette, " cm");
        Pictures.pointsByValue(chart, "150 flowers", figures.x().column(0), figures.x().column(1),
                figures.y().column(0), 0.0, 8.0, palette, 9);
        return chart;
    }

    /**
     * The numbers the example prints, and what its pictures need, for tests.
     *
     * @param x the raw inputs (sepal length and width, cm), shuffled
     * @param y the raw targets (petal length, cm), in the same order
     * @param inputScale the max scaler of the inputs
     * @param targetScale the max scaler of the target
     * @param gradient the forward-difference gradient of the untrained 2-3-1 on the scaled data
     */
    record Figures(double linearCost, TrainingResult regression, double neuronCost, TrainingResult network,
            TrainingResult backprop, Matrix x, Matrix y, Scaler inputScale, Scaler targetScale, double[] gradient) {
    }
}
