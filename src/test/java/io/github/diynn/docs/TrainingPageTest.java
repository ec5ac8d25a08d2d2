package io.github.diynn.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import io.github.diynn.metrics.ClassificationMetrics;
import io.github.diynn.train.EarlyStopping;
import io.github.diynn.train.Optimizer;
import io.github.diynn.train.ProgressReporter;
import io.github.diynn.train.StopReason;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingListener;
import io.github.diynn.train.TrainingResult;
import io.github.diynn.train.TrainingSession;
import io.github.diynn.train.ValidationSplit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** docs/training.md's Java blocks, run on the Iris species (z-scored). */
class TrainingPageTest {

    private final Dataset data = zScored(species());
    private final Network network = Network.builder(4).dense(8, Activation.TANH).dense(3, Activation.SOFTMAX).build(42);

    private static Dataset species() {
        try {
            return PageFixtures.species();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Dataset zScored(Dataset raw) {
        return raw.withInputs(Scaler.fitZScore(raw.inputs()).transform(raw.inputs()));
    }

    @Test
    void theOverviewTrainsWithEarlyStoppingAndReportsProgress() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // snippet: docs/training.md#overview
            TrainingResult result = Trainer.builder()
                    .loss(Loss.CROSS_ENTROPY)
                    .gradientSource(GradientSource.backpropagation())
                    .optimizer(Optimizer.adam())
                    .learningRate(0.01)
                    .epochs(500)
                    .batchSize(16)
                    .validationFraction(0.2)
                    .earlyStopping(50)
                    .seed(42)
                    .listener(ProgressReporter.to(System.out))
                    .build()
                    .train(network, data);
            Network trained = result.network();
            // end snippet

            assertThat(ClassificationMetrics.accuracy(trained.predict(data.inputs()), data.targets()))
                    .isGreaterThanOrEqualTo(0.9);
            assertThat(result.hasValidation()).isTrue();
            assertThat(result.stoppedEarly()).isTrue();
        } finally {
            System.setOut(console);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("epoch 1/500").contains("(stopped early)");
    }

    @Test
    void aLoopOfOneOwnStepsThroughTheBatchesAndKeepsTheOptimizerState() throws IOException {
        Trainer trainer = Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam()).learningRate(0.01)
                .epochs(10).build();
        double before = network.loss(Loss.CROSS_ENTROPY, data.inputs(), data.targets());
        // snippet: docs/training.md#session
        TrainingSession session = trainer.session(network);
        for (int epoch = 1; epoch <= 10; epoch++) {
            for (Dataset batch : data.shuffle(epoch).batches(32)) {
                double batchLoss = session.step(batch);   // the loss before this step
            }
            session.nextEpoch();                          // moves the learning-rate schedule on
        }
        Network trained = session.network();
        // end snippet

        assertThat(session.steps()).isEqualTo(10 * 5); // 150 rows in batches of 32: 4 full and one of 22
        assertThat(trained.loss(Loss.CROSS_ENTROPY, data.inputs(), data.targets())).isLessThan(before);
    }

    @Test
    void earlyStoppingOnValidationAccuracyWithAMinimumImprovement() throws IOException {
        // snippet: docs/training.md#early-stopping-monitor
        Trainer trainer = Trainer.builder()
                .loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam()).learningRate(0.01).epochs(500)
                .validationFraction(0.2, ValidationSplit.STRATIFIED)
                .earlyStopping(EarlyStopping.of(EarlyStopping.Monitor.VALIDATION_ACCURACY, 20).withMinDelta(0.01))
                .build();
        // end snippet

        TrainingResult result = trainer.train(network, data);
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.stopReason()).isInstanceOf(StopReason.NoImprovement.class);
        assertThat(result.epochs()).isLessThan(500);
    }

    @Test
    void listenersKeepSnapshotsAndStopAtATargetAccuracy() throws IOException {
        Matrix x = data.inputs();
        Matrix y = data.targets();
        // snippet: docs/training.md#listeners
        Map<Integer, Network> snapshots = new TreeMap<>();
        TrainingListener checkpoints = report -> {
            if (report.epoch() % 100 == 0) {
                snapshots.put(report.epoch(), report.network()); // or save it with ModelFile
            }
        };
        TrainingResult result = Trainer.builder()
                .learningRate(0.01).epochs(5000)
                .listener(checkpoints)
                .listener(TrainingListener.stopWhen(
                        r -> ClassificationMetrics.accuracy(r.network().predict(x), y) >= 0.98, "98 % accuracy"))
                .build()
                .train(network, data);
        result.stopReason(); // new StopReason.ListenerRequest("98 % accuracy"), if it got there
        // end snippet

        assertThat(result.stopReason()).isEqualTo(new StopReason.ListenerRequest("98 % accuracy"));
        assertThat(ClassificationMetrics.accuracy(result.network().predict(x), y)).isGreaterThanOrEqualTo(0.98);
        assertThat(snapshots.keySet()).allMatch(epoch -> epoch % 100 == 0 && epoch <= result.epochs());
    }
}
