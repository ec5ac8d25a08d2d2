package io.github.diynn.examples;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Backpropagation;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.data.Scaler;
import io.github.diynn.metrics.ConfusionMatrix;
import io.github.diynn.train.Optimizer;
import io.github.diynn.train.ProgressReporter;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingListener;
import io.github.diynn.train.TrainingResult;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Classifies the Iris species from the four measurements: a 4-8-3 network with a softmax output,
 * trained with cross-entropy and Adam on a seeded 80/20 split, a fifth of the training rows held
 * out for early stopping.
 *
 * <p>Run it with
 * {@code mvn -B -q test-compile exec:java -Dexample=io.github.diynn.examples.IrisSpeciesExample}.
 * Every random choice is seeded, so two runs print the same numbers (only the timings change).
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
    public static void main(String[] args) {
        run(System.out, ProgressReporter.to(System.out), SEED);
    }

    /**
     * The trained classifier and how it does on the test rows.
     *
     * @param scaler the z-score scaler, fitted on the 96 rows trained on
     * @param training the training result
     * @param confusion the confusion matrix on the 30 test rows
     */
    record Outcome(Scaler scaler, TrainingResult training, ConfusionMatrix confusion) {
    }

    /**
     * Runs the example, printing to {@code out} and reporting progress to {@code progress}.
     *
     * @param out where to print the results
     * @param progress the listener told about every epoch
     * @param seed the seed of the split, the initial weights, the validation split and the shuffles
     * @return the figures printed, for tests
     */
    static Outcome run(PrintStream out, TrainingListener progress, long seed) {
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
        TrainingResult result = Trainer.builder()
                .loss(Loss.CROSS_ENTROPY)
                .gradientSource(Backpropagation.instance())
                .optimizer(Optimizer.adam())
                .learningRate(0.01)
                .epochs(300)
                .batchSize(16)
                .earlyStopping(30)
                .seed(seed)
                .listener(progress)
                .build()
                .train(start, training, validation);

        ConfusionMatrix confusion = ConfusionMatrix.of(result.network().predict(test.inputs()), test.targets(),
                test.targetNames());
        out.printf(Locale.ROOT, "test accuracy: %.1f %% (%d of %d)%n", 100 * confusion.accuracy(),
                confusion.correct(), confusion.total());
        out.println(confusion);
        return new Outcome(scaler, result, confusion);
    }
}
