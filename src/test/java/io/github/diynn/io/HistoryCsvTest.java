package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.docs.Snippets;
import io.github.diynn.train.LearningRateSchedule;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import io.github.diynn.train.TrainingResults;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {

    /**
     * One weight w, no bias, from w = 0; one sample x = 1, y = 1; J = 1/2 (w - 1)^2, dJ/dw = w - 1.
     * Rates 0.5 then 0.25 (step decay by 1/2 each epoch):
     * w1 = 0 + 0.5 * 1 = 0.5, J1 = 0.125; w2 = 0.5 + 0.25 * 0.5 = 0.625, J2 = 0.5 * 0.375^2 = 0.0703125.
     * A validation sample x = 2, y = 1 has J = 1/2 (2w - 1)^2: 0.5, 0.0, 0.5 * 0.25^2 = 0.03125.
     */
    private static final Network START = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(1)
            .withParameters(new double[] {0.0});
    private static final Dataset TRAINING = new Dataset(Matrix.of(1, 1, 1.0), Matrix.of(1, 1, 1.0));
    private static final Dataset VALIDATION = new Dataset(Matrix.of(1, 1, 2.0), Matrix.of(1, 1, 1.0));
    private static final Trainer TRAINER = Trainer.builder()
            .learningRate(LearningRateSchedule.stepDecay(0.5, 0.5, 1)).epochs(2).build();

    /** The elapsed column is a clock reading: checked for form and order, then blanked. */
    private static String withoutTimes(String csv) {
        List<String> lines = csv.lines().toList();
        double previous = 0.0;
        for (String line : lines.subList(2, lines.size())) {
            String time = line.substring(line.lastIndexOf(',') + 1);
            double elapsed = Double.parseDouble(time);
            assertThat(elapsed).as(line).isGreaterThanOrEqualTo(previous);
            previous = elapsed;
        }
        return csv.replaceAll("(?m),[0-9.E-]+$", ",T");
    }

    @Test
    void aHandComputedRunGivesItsLossesAndRatesRowByRow() {
        TrainingResult result = TRAINER.train(START, TRAINING);

        assertThat(withoutTimes(HistoryCsv.toCsv(result))).isEqualTo("""
                epoch,loss,validation_loss,learning_rate,elapsed_ms
                0,0.5,,,
                1,0.125,,0.5,T
                2,0.0703125,,0.25,T
                """);
    }

    @Test
    void aRunWithValidationFillsTheValidationColumn() {
        TrainingResult result = TRAINER.train(START, TRAINING, VALIDATION);

        assertThat(withoutTimes(HistoryCsv.toCsv(result))).isEqualTo("""
                epoch,loss,validation_loss,learning_rate,elapsed_ms
                0,0.5,0.5,,
                1,0.125,0.0,0.5,T
                2,0.0703125,0.03125,0.25,T
                """);
    }

    @Test
    void everyNumberParsesBackToTheSameBits() {
        Network start = Network.builder(2).dense(3, Activation.TANH).dense(1, Activation.IDENTITY).build(7);
        Matrix inputs = Matrix.of(new double[][] {{0.1, 0.7}, {0.9, 0.3}, {0.4, 0.4}, {0.8, 0.95}});
        Matrix targets = Matrix.columnVector(0.3, 0.1, 0.77, 0.25);
        TrainingResult result = Trainer.builder().learningRate(LearningRateSchedule.exponentialDecay(0.3, 0.9))
                .epochs(25).build().train(start, new Dataset(inputs, targets),
                        new Dataset(inputs.selectRows(0, 1), targets.selectRows(0, 1)));

        List<String[]> rows = HistoryCsv.toCsv(result).lines().skip(1).map(line -> line.split(",", -1)).toList();

        assertThat(rows).hasSize(26);
        assertThat(Double.parseDouble(rows.get(0)[1])).isEqualTo(result.initialLoss());
        assertThat(Double.parseDouble(rows.get(0)[2])).isEqualTo(result.initialValidationLoss());
        for (int e = 1; e <= 25; e++) {
            String[] row = rows.get(e);
            assertThat(row).hasSize(5);
            assertThat(Integer.parseInt(row[0])).isEqualTo(e);
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(row[1])))
                    .isEqualTo(Double.doubleToRawLongBits(result.losses()[e - 1]));
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(row[2])))
                    .isEqualTo(Double.doubleToRawLongBits(result.validationLosses()[e - 1]));
            assertThat(Double.parseDouble(row[3])).isEqualTo(result.learningRates()[e - 1])
                    .isEqualTo(0.3 * Math.pow(0.9, e - 1), org.assertj.core.api.Assertions.within(1e-15));
            assertThat(Double.parseDouble(row[4])).isEqualTo(result.elapsedNanos()[e - 1] / 1e6);
        }
    }

    @Test
    void aResultWithoutRecordedRatesOrTimesLeavesThoseCellsEmpty() {
        TrainingResult copy = TrainingResults.withoutRatesOrTimes(TRAINER.train(START, TRAINING));

        assertThat(HistoryCsv.toCsv(copy)).isEqualTo("""
                epoch,loss,validation_loss,learning_rate,elapsed_ms
                0,0.5,,,
                1,0.125,,,
                2,0.0703125,,,
                """);
    }

    @Test
    void writeGivesTheSameTextAndSaveWritesItAtomically(@TempDir Path folder) throws IOException {
        TrainingResult result = TRAINER.train(START, TRAINING, VALIDATION);
        StringWriter writer = new StringWriter();
        HistoryCsv.write(result, writer);
        Path file = folder.resolve("history.csv");
        Files.writeString(file, "old");

        // snippet: docs/training.md#history-csv
        HistoryCsv.save(result, file);             // a Path; atomic, like ModelFile.save
        String text = HistoryCsv.toCsv(result);    // or HistoryCsv.write(result, writer)
        // end snippet

        assertThat(writer.toString()).isEqualTo(text);
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo(text);
        Snippets.assertShown("docs/training.md#history-csv", withoutTimes(text));
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void saveIntoAMissingFolderIsAnIoExceptionNamingTheTarget(@TempDir Path folder) {
        Path target = folder.resolve("missing").resolve("history.csv");
        TrainingResult result = TRAINER.train(START, TRAINING);

        assertThatThrownBy(() -> HistoryCsv.save(result, target)).isInstanceOf(IOException.class)
                .hasMessageContaining(target.toString());
    }

    @Test
    void nullArgumentsAreRefused() {
        TrainingResult result = TRAINER.train(START, TRAINING);
        assertThatThrownBy(() -> HistoryCsv.toCsv(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> HistoryCsv.write(result, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("writer");
        assertThatThrownBy(() -> HistoryCsv.save(result, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path");
    }
}
