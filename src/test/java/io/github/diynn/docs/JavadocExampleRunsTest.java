package io.github.diynn.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientCheck;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.core.Parallelism;
import io.github.diynn.core.Predictor;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.data.Scaler;
import io.github.diynn.io.HistoryCsv;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import io.github.diynn.metrics.BinaryMetrics;
import io.github.diynn.metrics.ClassificationMetrics;
import io.github.diynn.metrics.ConfusionMatrix;
import io.github.diynn.onnx.OnnxExport;
import io.github.diynn.onnx.OnnxImport;
import io.github.diynn.onnx.OnnxPrecision;
import io.github.diynn.train.EarlyStopping;
import io.github.diynn.train.EarlyStopping.Monitor;
import io.github.diynn.train.Optimizer;
import io.github.diynn.train.StopReason;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import io.github.diynn.train.TrainingSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every Javadoc example and checks what it gives: each region between
 * {@code // javadoc: <type>} and {@code // end javadoc} is the code of a {@code <pre>{@code ...}</pre>}
 * block of that type's Javadoc, as {@link JavadocExamplesTest} checks.
 */
class JavadocExampleRunsTest {

    /** The tutorial's 2-3-1 network without biases. */
    private static final Network NETWORK = Network.builder(2).dense(3, Activation.SIGMOID)
            .dense(1, Activation.IDENTITY).withoutBiases().build(42);

    @TempDir
    Path folder;

    @Test
    void matrixExampleComputesWhatItsCommentsSay() {
        // javadoc: io.github.diynn.core.Matrix
        Matrix a = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        Matrix b = a.times(Matrix.identity(2)).plus(Matrix.filled(2, 2, 1.0)); // [[2, 3], [4, 5]]
        double corner = b.get(1, 1);                                          // 5.0
        Matrix sums = b.columnSums();                                         // [[6, 8]]
        boolean same = b.transpose().transpose().equals(b);                   // true: exact
        // end javadoc

        assertThat(b).isEqualTo(Matrix.of(2, 2, 2, 3, 4, 5));
        assertThat(corner).isEqualTo(5.0);
        assertThat(sums).isEqualTo(Matrix.rowVector(6, 8));
        assertThat(same).isTrue();
    }

    @Test
    void networkExampleIsTheTutorials231Network() {
        // javadoc: io.github.diynn.core.Network
        Network net = Network.builder(2)          // 2 inputs
                .dense(3, Activation.SIGMOID)      // -> 3 sigmoid units
                .dense(1, Activation.IDENTITY)     // -> 1 linear output
                .withoutBiases()                   // as in the tutorial
                .build(42);                        // N(0,1) weights from seed 42
        // end javadoc

        assertThat(net.parameterCount()).isEqualTo(2 * 3 + 3 * 1);
        // The tutorial's prediction for its first flower (ModelFormatPageTest pins the same number).
        assertThat(net.predict(Matrix.rowVector(0.646, 0.795)).get(0, 0)).isEqualTo(-1.440537158503089);
    }

    @Test
    void lossExampleGivesTheHandComputedValues() {
        // javadoc: io.github.diynn.core.Loss
        Matrix predictions = Matrix.columnVector(0.0, 2.0, 1.0);
        Matrix targets = Matrix.columnVector(1.0, 1.0, 1.0);
        double sse = Loss.SUM_SQUARED_ERROR.value(predictions, targets);     // (1 + 1 + 0) / 2 = 1.0
        double mse = Loss.MEAN_SQUARED_ERROR.value(predictions, targets);    // (1 + 1 + 0) / 3
        Matrix slope = Loss.SUM_SQUARED_ERROR.gradient(predictions, targets); // yhat - y = [-1, 1, 0]
        // end javadoc

        assertThat(sse).isEqualTo(1.0);
        assertThat(mse).isEqualTo(2.0 / 3.0);
        assertThat(slope).isEqualTo(Matrix.columnVector(-1.0, 1.0, 0.0));
    }

    @Test
    void gradientSourceExampleGivesAGradientInTheParameterLayoutAndNamesTheLambda() {
        Matrix inputs = Matrix.of(new double[][] {{0.646, 0.795}, {0.620, 0.682}});
        Matrix targets = Matrix.columnVector(0.2, 0.1);
        Network network = NETWORK;
        // javadoc: io.github.diynn.core.GradientSource
        GradientSource exact = GradientSource.backpropagation();
        double[] gradient = exact.gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets); // as parameters()
        GradientSource estimate = GradientSource.named("central differences",
                (net, loss, x, y) -> FiniteDifferences.central().gradient(net, loss, x, y));
        Trainer trainer = Trainer.builder().gradientSource(estimate).learningRate(0.01).epochs(10).build();
        // end javadoc

        assertThat(gradient).hasSize(network.parameters().length);
        double[] estimated = estimate.gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets);
        for (int i = 0; i < gradient.length; i++) {
            assertThat(estimated[i]).as("parameter %d", i).isCloseTo(gradient[i], within(1e-8));
        }
        assertThat(trainer.gradientSource()).hasToString("central differences");
    }

    @Test
    void parallelismExampleGivesTheSequentialBits() throws IOException {
        Network network = NETWORK;
        Dataset data = PageFixtures.petalLength();
        // javadoc: io.github.diynn.core.Parallelism
        Trainer trainer = Trainer.builder().learningRate(0.001).epochs(50)
                .parallelism(Parallelism.threads(4))
                .build();
        Network trained = trainer.train(network, data).network();   // the bits of Parallelism.sequential()
        Matrix outputs = trained.predict(data.inputs(), Parallelism.threads(2)); // the bits of predict(inputs)
        // end javadoc

        Network sequential = Trainer.builder().learningRate(0.001).epochs(50).build().train(network, data).network();
        assertThat(trained).isEqualTo(sequential);
        assertThat(trained).isNotEqualTo(network);
        assertThat(outputs).isEqualTo(trained.predict(data.inputs()));
    }

    @Test
    void gradientCheckExamplePassesForBackpropagation() {
        Matrix inputs = Matrix.of(new double[][] {{0.646, 0.795}, {0.620, 0.682}, {0.886, 0.727}});
        Matrix targets = Matrix.columnVector(0.2, 0.1, 0.4);
        Network network = NETWORK;
        // javadoc: io.github.diynn.core.GradientCheck
        GradientCheck.of(GradientSource.backpropagation())
                .check(network, Loss.SUM_SQUARED_ERROR, inputs, targets)
                .assertPasses();   // AssertionError carrying the report
        // end javadoc

        GradientSource wrong = (net, loss, x, y) -> new double[net.parameterCount()];
        assertThat(GradientCheck.of(wrong).check(network, Loss.SUM_SQUARED_ERROR, inputs, targets).passed()).isFalse();
    }

    @Test
    void finiteDifferencesExampleEstimatesTheHandComputedSlopeAndBackpropagation() {
        Matrix inputs = Matrix.of(new double[][] {{0.646, 0.795}, {0.620, 0.682}});
        Matrix targets = Matrix.columnVector(0.2, 0.1);
        Network network = NETWORK;
        // javadoc: io.github.diynn.core.FiniteDifferences
        double[] slope = FiniteDifferences.central().gradient(p -> p[0] * p[0] + 3 * p[1], new double[] {2, 5});
        // about [4, 3]
        double[] estimate = FiniteDifferences.central().gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets);
        // close to GradientSource.backpropagation()'s; the trainer takes either:
        Trainer tutorial = Trainer.builder().gradientSource(FiniteDifferences.forward())
                .learningRate(0.01).epochs(10).build();
        // end javadoc

        assertThat(slope[0]).isCloseTo(4.0, within(1e-8));
        assertThat(slope[1]).isCloseTo(3.0, within(1e-8));
        double[] exact = GradientSource.backpropagation().gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets);
        for (int i = 0; i < exact.length; i++) {
            assertThat(estimate[i]).as("parameter %d", i).isCloseTo(exact[i], within(1e-8));
        }
        assertThat(tutorial.gradientSource()).hasToString(FiniteDifferences.forward().toString());
    }

    @Test
    void predictorExampleGivesTheBitsOfPredict() {
        Network network = NETWORK;
        // javadoc: io.github.diynn.core.Predictor
        Predictor predictor = network.predictor();          // one per thread
        double[] outputs = new double[network.outputSize()];
        predictor.predict(new double[] {0.646, 0.795}, outputs);  // the bits of network.predict(...)
        // end javadoc

        assertThat(outputs).containsExactly(-1.440537158503089);
    }

    @Test
    void datasetExampleSplitsAndBatchesKeepingRowsPaired() {
        // javadoc: io.github.diynn.data.Dataset
        Dataset data = new Dataset(Matrix.columnVector(0, 1, 2, 3, 4), Matrix.columnVector(0, 2, 4, 6, 8));
        DatasetSplit split = data.split(0.8, 7);                // shuffled with seed 7: 4 rows, then 1
        List<Dataset> batches = split.first().batches(3);       // 3 rows, then 1
        Dataset firstTwo = data.selectRows(0, 1);               // each input row with its target row
        // end javadoc

        assertThat(split.first().size()).isEqualTo(4);
        assertThat(split.second().size()).isEqualTo(1);
        assertThat(batches).extracting(Dataset::size).containsExactly(3, 1);
        for (Dataset batch : List.of(batches.get(0), batches.get(1), split.second(), firstTwo)) {
            assertThat(batch.targets()).isEqualTo(batch.inputs().scale(2.0));
        }
        assertThat(firstTwo.inputs()).isEqualTo(Matrix.columnVector(0, 1));
    }

    @Test
    void csvLoaderExampleLoadsTheChosenColumns() throws IOException {
        Path file = PageFixtures.irisFile(folder);
        // javadoc: io.github.diynn.data.CsvLoader
        CsvLoader loader = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width")
                .targets("petal_length")
                .build();
        Dataset iris = loader.load(file);   // a Path; or loader.loadResource(App.class, "/iris.csv")
        // end javadoc

        assertThat(iris.size()).isEqualTo(150);
        assertThat(iris.inputNames()).containsExactly("sepal_length", "sepal_width");
        assertThat(iris.targetNames()).containsExactly("petal_length");
        // The first flower of Fisher's data: 5.1, 3.5, petal length 1.4.
        assertThat(iris.inputs().row(0)).containsExactly(5.1, 3.5);
        assertThat(iris.targets().get(0, 0)).isEqualTo(1.4);
    }

    @Test
    void trainerExampleTrainsWithValidationAndEarlyStopping() throws IOException {
        Network network = NETWORK;
        Dataset data = PageFixtures.petalLength();
        // javadoc: io.github.diynn.train.Trainer
        TrainingResult result = Trainer.builder()
                .optimizer(Optimizer.adam())
                .learningRate(0.01)
                .epochs(500)
                .batchSize(16)
                .validationFraction(0.2)
                .earlyStopping(20)
                .seed(7)
                .build()
                .train(network, data);
        // end javadoc

        assertThat(result.hasValidation()).isTrue();
        assertThat(result.keptValidationLoss()).isLessThan(result.initialValidationLoss());
        assertThat(result.epochs()).isBetween(1, 500);
    }

    @Test
    void trainerBuilderExampleSetsAnAccuracyRule() throws IOException {
        Network network = Network.builder(4).dense(8, Activation.TANH).dense(3, Activation.SOFTMAX).build(42);
        Dataset species = PageFixtures.species();
        Trainer trainer = Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam())
                .learningRate(0.01).epochs(300).batchSize(16).validationFraction(0.2).seed(7)
                // javadoc: io.github.diynn.train.Trainer
                .earlyStopping(EarlyStopping.of(Monitor.VALIDATION_ACCURACY, 20).withMinDelta(0.01))
                // end javadoc
                .build();
        TrainingResult result = trainer.train(network, species);

        assertThat(trainer.earlyStopping())
                .contains(EarlyStopping.of(Monitor.VALIDATION_ACCURACY, 20).withMinDelta(0.01));
        assertThat(result.hasValidation()).isTrue();
    }

    @Test
    void trainingResultExampleReportsTheLossesOfAHandComputedRun() {
        // One weight w from 0, one sample x = 1, y = 1: J = 1/2 (w - 1)^2, J(0) = 0.5.
        Network network = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(1)
                .withParameters(new double[] {0.0});
        Dataset data = new Dataset(Matrix.of(1, 1, 1.0), Matrix.of(1, 1, 1.0));
        // javadoc: io.github.diynn.train.TrainingResult
        TrainingResult result = Trainer.builder().learningRate(0.5).epochs(20).build().train(network, data);
        Network trained = result.network();      // the parameters of epoch selectedEpoch(), here 20
        double before = result.initialLoss();
        double after = result.finalLoss();       // losses()[epochs() - 1]
        StopReason why = result.stopReason();    // "completed every planned epoch"
        // end javadoc

        // Each step halves w - 1, so after 20 epochs w = 1 - 2^-20 and J = 1/2 * 2^-40.
        assertThat(before).isEqualTo(0.5);
        assertThat(after).isEqualTo(0.5 * Math.pow(2, -40)).isEqualTo(result.losses()[result.epochs() - 1]);
        assertThat(result.selectedEpoch()).isEqualTo(20);
        assertThat(trained.parameters()).containsExactly(1.0 - Math.pow(2, -20));
        assertThat(why).isInstanceOf(StopReason.Completed.class).hasToString("completed every planned epoch");
    }

    @Test
    void trainingSessionExampleTakesOneStepPerBatch() throws IOException {
        Network network = NETWORK;
        Dataset data = PageFixtures.petalLength();
        Trainer trainer = Trainer.builder().learningRate(0.001).epochs(10).build();
        // javadoc: io.github.diynn.train.TrainingSession
        TrainingSession session = trainer.session(network);
        for (int epoch = 1; epoch <= 10; epoch++) {
            for (Dataset batch : data.batches(32)) {
                session.step(batch);
            }
            session.nextEpoch();
        }
        Network trained = session.network();
        // end javadoc

        assertThat(session.steps()).isEqualTo(10 * 5);   // 150 rows: 4 batches of 32 and one of 22
        assertThat(trained.loss(Loss.SUM_SQUARED_ERROR, data.inputs(), data.targets()))
                .isLessThan(network.loss(Loss.SUM_SQUARED_ERROR, data.inputs(), data.targets()));
    }

    @Test
    void modelFileExampleGivesEveryBitBack() throws IOException {
        SavedModel model = SavedModel.of(NETWORK, ModelMetadata.of(Instant.EPOCH, "2-3-1"));
        Path file = folder.resolve("model.json");
        // javadoc: io.github.diynn.io.ModelFile
        ModelFile.save(model, file);                // a Path; atomic
        SavedModel loaded = ModelFile.load(file);   // strict
        boolean same = loaded.equals(model);        // true: every bit comes back
        // end javadoc

        assertThat(same).isTrue();
        assertThat(loaded.network().parameters()).containsExactly(NETWORK.parameters());
    }

    @Test
    void savedModelExampleKeepsTheScalersAndNames() throws IOException {
        Dataset data = PageFixtures.petalLength();
        Scaler inputScaler = Scaler.fitZScore(data.inputs());
        Scaler targetScaler = Scaler.fitZScore(data.targets());
        Dataset scaled = data.withInputs(inputScaler.transform(data.inputs()))
                .withTargets(targetScaler.transform(data.targets()));
        TrainingResult result = Trainer.builder().learningRate(0.001).epochs(20).build().train(NETWORK, scaled);
        Path file = folder.resolve("model.json");
        // javadoc: io.github.diynn.io.SavedModel
        SavedModel model = SavedModel.of(result.network(), ModelMetadata.of(Instant.now(), result.toString()))
                .withInputScaler(inputScaler)      // fitted on the training inputs
                .withTargetScaler(targetScaler)    // fitted on the training targets
                .withInputNames(data.inputNames());
        ModelFile.save(model, file);
        // end javadoc

        SavedModel loaded = ModelFile.load(file);
        assertThat(loaded).isEqualTo(model);
        assertThat(loaded.inputNames()).containsExactly("sepal_length", "sepal_width");
        // The model scales raw inputs and unscales its outputs: the same as doing it by hand.
        Matrix byHand = targetScaler.inverseTransform(result.network().predict(inputScaler.transform(data.inputs())));
        assertThat(loaded.predict(data.inputs())).isEqualTo(byHand);
    }

    @Test
    void historyCsvExampleWritesTheSameTextItReturns() throws IOException {
        Network network = NETWORK;
        Dataset data = PageFixtures.petalLength();
        Trainer trainer = Trainer.builder().learningRate(0.001).epochs(3).build();
        Path file = folder.resolve("history.csv");
        // javadoc: io.github.diynn.io.HistoryCsv
        TrainingResult result = trainer.train(network, data);
        HistoryCsv.save(result, file);               // atomic, like ModelFile.save
        String csv = HistoryCsv.toCsv(result);       // the same text; or HistoryCsv.write(result, writer)
        // end javadoc

        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo(csv);
        assertThat(csv.lines()).hasSize(1 + 1 + 3).first().isEqualTo(HistoryCsv.HEADER);
    }

    @Test
    void classificationMetricsExampleGivesTheHandCountedClassesAndAccuracy() {
        // javadoc: io.github.diynn.metrics.ClassificationMetrics
        Matrix scores = Matrix.of(new double[][] {{0.1, 0.7, 0.2}, {0.6, 0.3, 0.1}}); // softmax outputs
        Matrix targets = Matrix.of(new double[][] {{0, 1, 0}, {0, 0, 1}});            // one-hot
        int[] classes = ClassificationMetrics.classes(scores);                        // {1, 0}
        double accuracy = ClassificationMetrics.accuracy(scores, targets);            // 0.5
        // end javadoc

        assertThat(classes).containsExactly(1, 0);
        assertThat(accuracy).isEqualTo(0.5);
    }

    @Test
    void binaryMetricsExampleGivesTheHandCountedValues() {
        // javadoc: io.github.diynn.metrics.BinaryMetrics
        Matrix probabilities = Matrix.columnVector(0.9, 0.4, 0.6, 0.2);   // sigmoid outputs
        Matrix targets = Matrix.columnVector(1, 0, 0, 0);
        double accuracy = BinaryMetrics.accuracy(probabilities, targets);  // 0.75: row 2 is a false 1
        ConfusionMatrix confusion = BinaryMetrics.confusionMatrix(probabilities, targets, List.of("no", "yes"));
        double auc = BinaryMetrics.rocAuc(probabilities, targets);         // 1.0: the 1 ranks first
        // end javadoc

        assertThat(accuracy).isEqualTo(0.75);
        assertThat(confusion.counts()).isDeepEqualTo(new int[][] {{2, 1}, {0, 1}});
        assertThat(auc).isEqualTo(1.0);
    }

    @Test
    void onnxImportExampleGivesTheExportedModelBack() throws IOException {
        SavedModel model = SavedModel.of(NETWORK, ModelMetadata.of(Instant.EPOCH, "2-3-1"));
        Path file = folder.resolve("model.onnx");
        // javadoc: io.github.diynn.onnx.OnnxImport
        OnnxExport.save(model, file, OnnxPrecision.DOUBLE);   // or a file from torch.onnx.export
        SavedModel back = OnnxImport.load(file);
        boolean same = back.equals(model);                    // true: doubles come back exactly
        double[] outputs = back.predict(0.646, 0.795);
        // end javadoc

        assertThat(same).isTrue();
        assertThat(outputs).containsExactly(-1.440537158503089);
    }

    @Test
    void onnxExportExampleWritesFloatsAndDoubles() throws IOException {
        SavedModel model = SavedModel.of(NETWORK, ModelMetadata.of(Instant.EPOCH, "2-3-1"));
        Path file = folder.resolve("model.onnx");
        // javadoc: io.github.diynn.onnx.OnnxExport
        OnnxExport.save(model, file, OnnxPrecision.FLOAT);           // a Network or a SavedModel
        byte[] bytes = OnnxExport.toBytes(model, OnnxPrecision.DOUBLE); // the same graph in doubles
        // end javadoc

        assertThat(OnnxImport.read(bytes, "bytes")).isEqualTo(model);
        double[] fromFloats = OnnxImport.load(file).network().parameters();
        double[] rounded = Arrays.stream(NETWORK.parameters()).map(value -> (float) value).toArray();
        assertThat(fromFloats).containsExactly(rounded);
    }
}
