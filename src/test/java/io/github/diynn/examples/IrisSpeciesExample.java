package io.github.diynn.examples;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.data.Scaler;
import io.github.diynn.metrics.ClassificationMetrics;
import io.github.diynn.metrics.ConfusionMatrix;
import io.github.diynn.train.Optimizer;
import io.github.diynn.train.ProgressReporter;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingListener;
import io.github.diynn.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * Classifies the Iris species from the four measurements: a 4-8-3 network with a softmax output,
 * trained with cross-entropy and Adam on a seeded 80/20 split, a fifth of the training rows held
 * out for early stopping.
 *
 * <p>Run it with
 * {@code mvn -B -q test-compile exec:java -Dexample=io.github.diynn.examples.IrisSpeciesExample}.
 * Every random choice is seeded, so two runs print the same numbers (only the timings change). It
 * draws its pictures (loss and accuracy by epoch, the confusion matrix) into {@code target/pictures}
 * ({@code -Dpictures=docs} writes the ones in the documentation).
 */
public final class IrisSpeciesExample {

    /** The seed of every random choice in the example: the split, the weights and the shuffles. */
    static final long SEED = 0;

    private IrisSpeciesExample() {
    }

    /**
     * Trains the classifier and prints its progress, test accuracy and confusion matrix.
     *
     * @param args ignored
     */
    public static void main(String[] args) throws IOException {
        Path pictures = Pictures.directory();
        Outcome outcome = run(System.out, ProgressReporter.to(System.out), SEED);
        List<Path> files = drawPictures(outcome, pictures);
        System.out.println(Pictures.written(pictures, files));
    }

    /**
     * The trained classifier and how it does on the test rows.
     *
     * @param scaler the z-score scaler, fitted on the 96 rows trained on
     * @param training the training result
     * @param confusion the confusion matrix on the 30 test rows
     * @param trainingAccuracy the accuracy on the 96 training rows after each epoch
     * @param validationAccuracy the accuracy on the 24 validation rows after each epoch
     */
    record Outcome(Scaler scaler, TrainingResult training, ConfusionMatrix confusion, List<Double> trainingAccuracy,
            List<Double> validationAccuracy) {

        Outcome {
            trainingAccuracy = List.copyOf(trainingAccuracy);
            validationAccuracy = List.copyOf(validationAccuracy);
        }
    }

    /**
     * Runs the example, printing to {@code out} and reporting progress to {@code progress}.
     *
     * @param out where to print the results
     * @param progress the listener told about every epoch
     * @param seed the seed of the split, the initial weights, the validation split and the shuffles
     * @return the figures printed, for tests
     */
    static Outcome run(PrintStream out, TrainingListener progress, long seed) throws IOException {
        Dataset iris = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
                .oneHotTarget("species")
                .build()
                .loadResource(IrisSpeciesExample.class, "/iris.csv");
        DatasetSplit split = iris.split(0.8, seed);
        // Hold out a fifth of the training rows for validation (early stopping), then fit the scaler on
        // the rows trained on only and apply it to all three parts.
        DatasetSplit held = split.first().split(0.8, seed);
        Scaler scaler = Scaler.fitZScore(held.first().inputs());
        Dataset training = held.first().withInputs(scaler.transform(held.first().inputs()));
        Dataset validation = held.second().withInputs(scaler.transform(held.second().inputs()));
        Dataset test = split.second().withInputs(scaler.transform(split.second().inputs()));
        out.println("Iris: " + training.size() + " training, " + validation.size() + " validation and "
                + test.size() + " test flowers, classes " + iris.targetNames());

        Network start = Network.builder(4)
                .dense(8, Activation.TANH)
                .dense(3, Activation.SOFTMAX)
                .initializer(Initializer.XAVIER_NORMAL)
                .build(seed);
        // The accuracy of each epoch's network on the rows trained on and on the validation rows.
        List<Double> trainingAccuracy = new ArrayList<>();
        List<Double> validationAccuracy = new ArrayList<>();
        TrainingListener accuracy = report -> {
            Network network = report.network();
            trainingAccuracy.add(ClassificationMetrics.accuracy(network.predict(training.inputs()), training.targets()));
            validationAccuracy.add(ClassificationMetrics.accuracy(network.predict(validation.inputs()),
                    validation.targets()));
        };
        TrainingResult result = Trainer.builder()
                .loss(Loss.CROSS_ENTROPY)
                .gradientSource(GradientSource.backpropagation())
                .optimizer(Optimizer.adam())
                .learningRate(0.01)
                .epochs(300)
                .batchSize(16)
                .earlyStopping(30)
                .seed(seed)
                .listener(progress)
                .listener(accuracy)
                .build()
                .train(start, training, validation);

        ConfusionMatrix confusion = ConfusionMatrix.of(result.network().predict(test.inputs()), test.targets(),
                test.targetNames());
        out.printf(Locale.ROOT, "test accuracy: %.1f %% (%d of %d)%n", 100 * confusion.accuracy(),
                confusion.correct(), confusion.total());
        out.println(confusion);
        return new Outcome(scaler, result, confusion, trainingAccuracy, validationAccuracy);
    }

    /**
     * Draws the example's pictures into {@code directory}: the loss and the accuracy by epoch, on the
     * training and validation rows, with the epoch early stopping kept, and the test confusion matrix.
     *
     * @return the files written, in that order
     */
    static List<Path> drawPictures(Outcome outcome, Path directory) {
        List<Path> files = new ArrayList<>();
        TrainingResult result = outcome.training();
        double[] losses = result.losses();
        double[] validationLosses = result.validationLosses();
        double[] epochs = Pictures.epochs(losses.length);
        XYChart loss = Pictures.byEpoch("Iris species: cross-entropy by epoch", "epoch", "mean cross-entropy",
                losses.length);
        Pictures.line(loss, "training (96 flowers)", epochs, losses, Pictures.BLUE, 2f);
        Pictures.line(loss, "validation (24 flowers)", epochs, validationLosses, Pictures.ORANGE, 2f);
        double top = Math.max(max(losses), max(validationLosses));
        Pictures.dashed(loss, "kept: epoch " + result.keptEpoch(), new double[] {result.keptEpoch(), result.keptEpoch()},
                new double[] {0, top}, Pictures.GREY, 1.5f);
        Pictures.roundEpochTicks(loss);
        files.add(Pictures.save(loss, directory, "species-loss"));

        XYChart accuracy = Pictures.byEpoch("Iris species: accuracy by epoch", "epoch", "accuracy (%)",
                losses.length);
        accuracy.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        Pictures.line(accuracy, "training (96 flowers)", epochs, percent(outcome.trainingAccuracy()), Pictures.BLUE, 2f);
        Pictures.line(accuracy, "validation (24 flowers)", epochs, percent(outcome.validationAccuracy()),
                Pictures.ORANGE, 2f);
        Pictures.dashed(accuracy, "kept: epoch " + result.keptEpoch(),
                new double[] {result.keptEpoch(), result.keptEpoch()}, new double[] {0, 100}, Pictures.GREY, 1.5f);
        Pictures.roundEpochTicks(accuracy);
        files.add(Pictures.save(accuracy, directory, "species-accuracy"));

        ConfusionMatrix confusion = outcome.confusion();
        files.add(Pictures.save(Pictures.confusion(confusion, String.format(Locale.ROOT,
                "Iris species: confusion matrix on the %d test flowers (accuracy %.1f %%)", confusion.total(),
                100 * confusion.accuracy())), directory, "species-confusion"));
        return files;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static double[] percent(List<Double> fractions) {
        double[] values = new double[fractions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 * fractions.get(i);
        }
        return values;
    }
}
