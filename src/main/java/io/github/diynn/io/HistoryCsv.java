package io.github.diynn.io;

import io.github.diynn.internal.AtomicSave;
import io.github.diynn.train.TrainingResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A training history as CSV, one row per epoch, for a spreadsheet, a plotting script or a test.
 *
 * <pre>
 * epoch,loss,validation_loss,learning_rate,elapsed_ms
 * 0,85.6,,,
 * 1,3.0,,0.01,0.412
 * 2,1.5,,0.01,0.733
 * </pre>
 *
 * <ul>
 *   <li>{@code epoch}: 0 for the starting network, then each epoch run, from 1;</li>
 *   <li>{@code loss}: the training loss after the epoch ({@link TrainingResult#initialLoss()} at 0,
 *       then {@link TrainingResult#losses()});</li>
 *   <li>{@code validation_loss}: the same for the validation set, empty without validation data;</li>
 *   <li>{@code learning_rate}: the rate the epoch's steps used, empty at epoch 0 (no step) and in a
 *       result that did not record it;</li>
 *   <li>{@code elapsed_ms}: milliseconds <em>since the run started</em> (when {@code train} began
 *       measuring the initial loss) until the epoch and its validation loss were done, cumulative,
 *       so the time of epoch {@code e} alone is the difference of two rows; empty at epoch 0 and in a
 *       result that did not record it.</li>
 * </ul>
 *
 * <p>Numbers are the shortest decimal that reads back to the same double ({@link Double#parseDouble}
 * gives every bit back), laid out the same on every JVM as in model files; lines end with
 * {@code \n}; the text is ASCII. The losses and rates of a seeded run are therefore the same bytes on
 * every run and JVM; only {@code elapsed_ms} differs. Reading or writing a file follows the
 * library's one policy: failures to write are {@link IOException}s.
 *
 * <pre>{@code
 * TrainingResult result = trainer.train(network, data);
 * HistoryCsv.save(result, file);               // atomic, like ModelFile.save
 * String csv = HistoryCsv.toCsv(result);       // the same text; or HistoryCsv.write(result, writer)
 * }</pre>
 */
public final class HistoryCsv {

    /** The header row, without its line end. */
    public static final String HEADER = "epoch,loss,validation_loss,learning_rate,elapsed_ms";

    private HistoryCsv() {
    }

    /**
     * Returns the history as CSV text.
     *
     * @param result the training result
     * @return the header and one line per epoch, each ended by {@code \n}
     * @throws IllegalArgumentException if {@code result} is null
     */
    public static String toCsv(TrainingResult result) {
        StringWriter text = new StringWriter();
        try {
            write(result, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    /**
     * Writes the history as CSV to a writer, which is flushed but not closed.
     *
     * @param result the training result
     * @param out the writer
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if an argument is null
     */
    public static void write(TrainingResult result, Writer out) throws IOException {
        if (result == null || out == null) {
            throw new IllegalArgumentException("writing a history needs a result and a writer, got " + result
                    + " and " + out);
        }
        double[] losses = result.losses();
        double[] validation = result.validationLosses();
        double[] rates = result.learningRates();
        long[] elapsed = result.elapsedNanos();
        StringBuilder line = new StringBuilder(64);
        out.write(HEADER);
        out.write('\n');
        row(line, 0, result.initialLoss(), result.hasValidation() ? result.initialValidationLoss() : Double.NaN,
                Double.NaN, -1);
        out.append(line);
        for (int e = 0; e < losses.length; e++) {
            row(line, e + 1, losses[e], result.hasValidation() ? validation[e] : Double.NaN, rates[e], elapsed[e]);
            out.append(line);
        }
        out.flush();
    }

    /**
     * Saves the history as a CSV file, atomically: a reader sees the old file or the new one, never
     * half of one.
     *
     * @param result the training result
     * @param target the file to write or replace
     * @throws IOException if writing, forcing or moving fails; the target is then unchanged
     * @throws IllegalArgumentException if an argument is null
     */
    public static void save(TrainingResult result, Path target) throws IOException {
        if (result == null || target == null) {
            throw new IllegalArgumentException("saving a history needs a result and a target path, got " + result
                    + " and " + target);
        }
        String text = toCsv(result);
        AtomicSave.save(target, "training history", out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
            writer.write(text);
            writer.flush();
        });
    }

    /** One row into {@code line}: NaN cells and a negative time are left empty. */
    private static void row(StringBuilder line, int epoch, double loss, double validationLoss, double rate,
            long elapsedNanos) {
        line.setLength(0);
        line.append(epoch).append(',').append(DoubleText.of(loss)).append(',');
        if (!Double.isNaN(validationLoss)) {
            line.append(DoubleText.of(validationLoss));
        }
        line.append(',');
        if (!Double.isNaN(rate)) {
            line.append(DoubleText.of(rate));
        }
        line.append(',');
        if (elapsedNanos >= 0) {
            line.append(DoubleText.of(elapsedNanos / 1e6));
        }
        line.append('\n');
    }
}
