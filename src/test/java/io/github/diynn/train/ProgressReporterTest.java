package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static EpochReport report(int epoch, int epochs, double validationLoss) {
        return new EpochReport(epoch, epochs, 0.125, validationLoss, 0.01, Duration.ofSeconds(epoch));
    }

    @Test
    void lineShowsBarPercentageLossesAndTimeLeft() {
        EpochReport report = new EpochReport(100, 200, 0.0123, 0.015, 0.01, Duration.ofSeconds(4));

        assertThat(ProgressReporter.line(report))
                .isEqualTo("[##########----------]  50% epoch 100/200 loss 0.0123000 val 0.0150000 ETA 0:04");
    }

    @Test
    void lineLeavesOutTheValidationLossWhenThereIsNone() {
        EpochReport report = new EpochReport(1, 4, 2.5, Double.NaN, 0.01, Duration.ofMillis(61_000));

        assertThat(ProgressReporter.line(report))
                .isEqualTo("[#####---------------]  25% epoch 1/4 loss 2.50000 ETA 3:03");
    }

    @Test
    void timeLeftPassesTheHourWithHours() {
        EpochReport report = new EpochReport(1, 3, 2.5, Double.NaN, 0.01, Duration.ofMinutes(40));

        assertThat(ProgressReporter.line(report)).endsWith("ETA 1:20:00");
    }

    @Test
    void linesModePrintsTheFirstEpochEachTenthAndTheLast() {
        ProgressReporter reporter = ProgressReporter.lines(out);
        for (int epoch = 1; epoch <= 20; epoch++) {
            reporter.epochFinished(report(epoch, 20, Double.NaN));
        }

        String[] lines = printed().split("\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).contains("epoch 1/20");
        assertThat(lines[1]).contains("epoch 2/20");
        assertThat(lines[10]).startsWith("[####################] 100% epoch 20/20");
        assertThat(printed()).doesNotContain("\r");
    }

    @Test
    void inPlaceModeRedrawsWithCarriageReturnsWhenThePercentageChanges() {
        ProgressReporter reporter = ProgressReporter.inPlace(out);
        for (int epoch = 1; epoch <= 400; epoch++) {
            reporter.epochFinished(report(epoch, 400, Double.NaN));
        }

        assertThat(printed()).doesNotContain("\n");
        assertThat(printed().chars().filter(c -> c == '\r').count()).isEqualTo(101);
        assertThat(printed()).endsWith("\r" + ProgressReporter.line(report(400, 400, Double.NaN)) + "    ");
    }

    @Test
    void trainingEndsWithASummaryLine() {
        Network start = Network.builder(1).dense(1, Activation.IDENTITY).build(3);
        TrainingResult result = Trainer.builder().learningRate(0.01).epochs(10).listener(ProgressReporter.inPlace(out))
                .gradientSource(GradientSource.backpropagation()).build()
                .train(start, Matrix.columnVector(1, 2, 3), Matrix.columnVector(2, 4, 6));

        String[] lines = printed().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("\r[##").endsWith(ProgressReporter.line(new EpochReport(10, 10,
                result.finalLoss(), Double.NaN, 0.01, Duration.ZERO)) + "    ");
        assertThat(lines[1]).startsWith("trained 10 epochs, loss ");
    }

    @Test
    void summaryNamesTheKeptEpochWhenTrainingStoppedEarly() {
        TrainingResult result = new TrainingResult(Network.builder(1).dense(1, Activation.IDENTITY).build(1), 2.0,
                new double[] {1.5, 1.25, 1.125}, 3.0, new double[] {2.5, 2.75, 2.875}, 1, true);

        assertThat(ProgressReporter.summary(result)).isEqualTo(
                "trained 3 epochs (stopped early), loss 2.00000 -> 1.12500; kept epoch 1, loss 1.50000,"
                        + " validation loss 2.50000");
    }

    @Test
    void summaryOfAPlainRunGivesTheLossBeforeAndAfter() {
        TrainingResult result = new TrainingResult(Network.builder(1).dense(1, Activation.IDENTITY).build(1), 2.0,
                new double[] {1.5, 1.25});

        assertThat(ProgressReporter.summary(result)).isEqualTo("trained 2 epochs, loss 2.00000 -> 1.25000");
    }

    @Test
    void reporterOnAnyStreamPrintsLinesWhenNotOnATerminal() {
        // Surefire runs the tests in a forked JVM whose standard streams are pipes, not a terminal.
        assertThat(ProgressReporter.to(out).isInPlace()).isFalse();
        assertThat(ProgressReporter.lines(out).isInPlace()).isFalse();
        assertThat(ProgressReporter.inPlace(out).isInPlace()).isTrue();
    }

    @Test
    void reporterNeedsAStream() {
        assertThatThrownBy(() -> ProgressReporter.lines(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output stream is null");
    }

    @Test
    void summaryOfARunStoppedByAListenerGivesItsReason() {
        TrainingResult result = new TrainingResult(Network.builder(1).dense(1, Activation.IDENTITY).build(1), 2.0,
                new double[] {1.5, 1.25}, Double.NaN, new double[0], 2, false,
                new StopReason.ListenerRequest("loss below 1.3"));
        assertThat(ProgressReporter.summary(result))
                .isEqualTo("trained 2 epochs (stopped by a listener: loss below 1.3), loss 2.00000 -> 1.25000");
    }
}
