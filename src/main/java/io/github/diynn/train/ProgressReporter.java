package io.github.diynn.train;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;

/**
 * A {@link TrainingListener} that prints a progress bar with the percentage done, the losses and
 * the estimated time left.
 *
 * <pre>  [##########----------]  50% epoch 100/200 loss 0.0123 val 0.0150 ETA 0:04</pre>
 *
 * <p>In place mode redraws that line with a carriage return whenever the whole percentage changes
 * (at most 101 redraws, each followed by a few spaces that blank what a longer line left), for a
 * terminal. Lines mode prints it as a plain line each time another
 * tenth of the epochs is done, for logs and pipes. Either ends with the final result on a line of
 * its own. What is printed depends only on the reports, never on a clock, and the reporter keeps no
 * state, so it is immutable and may be shared; runs on several threads at once interleave their
 * output.
 */
public final class ProgressReporter implements TrainingListener {

    private static final int BAR_WIDTH = 20;

    /** Spaces after a redrawn line, covering what is left of a longer previous line. */
    private static final String CLEAR = "    ";

    private final PrintStream out;
    private final boolean inPlace;

    private ProgressReporter(PrintStream out, boolean inPlace) {
        if (out == null) {
            throw new IllegalArgumentException("output stream is null");
        }
        this.out = out;
        this.inPlace = inPlace;
    }

    /**
     * Reports to {@code out}, in place if this JVM runs on a terminal and as lines otherwise.
     *
     * <p>The JVM runs on a terminal when {@code System.console() != null} and, on Java 22 and later
     * (where a console may exist without a terminal), {@code System.console().isTerminal()}.
     *
     * @param out the stream to print to
     * @return the reporter
     * @throws IllegalArgumentException if {@code out} is null
     */
    public static ProgressReporter to(PrintStream out) {
        return new ProgressReporter(out, onTerminal());
    }

    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Console.isTerminal() exists from Java 22; before it, a console means a terminal.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * Reports to {@code out} by redrawing one line with {@code '\r'}.
     *
     * @param out the stream to print to, normally a terminal
     * @return the reporter
     * @throws IllegalArgumentException if {@code out} is null
     */
    public static ProgressReporter inPlace(PrintStream out) {
        return new ProgressReporter(out, true);
    }

    /**
     * Reports to {@code out} with a plain line every tenth of the epochs.
     *
     * @param out the stream to print to
     * @return the reporter
     * @throws IllegalArgumentException if {@code out} is null
     */
    public static ProgressReporter lines(PrintStream out) {
        return new ProgressReporter(out, false);
    }

    /**
     * Tells whether the reporter redraws in place.
     *
     * @return true for in place mode, false for lines
     */
    public boolean isInPlace() {
        return inPlace;
    }

    /**
     * Prints the progress line if this epoch crosses a reporting point.
     *
     * @param report the epoch's facts
     */
    @Override
    public void epochFinished(EpochReport report) {
        int slices = inPlace ? 100 : 10;
        if (report.epoch() != 1 && report.epoch() != report.epochs()
                && slice(report.epoch(), report.epochs(), slices) == slice(report.epoch() - 1, report.epochs(), slices)) {
            return;
        }
        if (inPlace) {
            out.print('\r' + line(report) + CLEAR);
        } else {
            out.println(line(report));
        }
        out.flush();
    }

    /**
     * Ends the progress line and prints a summary of the result.
     *
     * @param result the training result
     */
    @Override
    public void trainingFinished(TrainingResult result) {
        if (inPlace) {
            out.println();
        }
        out.println(summary(result));
        out.flush();
    }

    /**
     * Formats the progress line of one report, without line ending.
     *
     * @param report the epoch's facts
     * @return for example {@code "[##########----------]  50% epoch 100/200 loss 0.0123 ETA 0:04"}
     */
    public static String line(EpochReport report) {
        int filled = (int) Math.floor(report.progress() * BAR_WIDTH);
        int percent = (int) Math.floor(report.progress() * 100);
        StringBuilder text = new StringBuilder("[");
        text.append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
        text.append(String.format(Locale.ROOT, "%3d%% epoch %d/%d loss %.6g", percent, report.epoch(),
                report.epochs(), report.loss()));
        if (report.hasValidation()) {
            text.append(String.format(Locale.ROOT, " val %.6g", report.validationLoss()));
        }
        return text.append(" ETA ").append(clock(report.remaining())).toString();
    }

    /**
     * Formats the summary printed when training ends.
     *
     * @param result the training result
     * @return for example {@code "trained 69 epochs (stopped early), loss 0.863 -> 0.0220; kept epoch
     *     39, loss 0.0445, validation loss 0.147"}, with {@code " (stopped by a listener: reason)"} after
     *     the epochs when a listener stopped training
     */
    public static String summary(TrainingResult result) {
        StringBuilder text = new StringBuilder("trained ").append(result.epochs()).append(" epochs");
        if (result.stoppedEarly()) {
            text.append(" (stopped early)");
        }
        if (result.stopReason() instanceof StopReason.ListenerRequest request) {
            text.append(" (").append(request).append(')');
        }
        text.append(String.format(Locale.ROOT, ", loss %.6g -> %.6g", result.initialLoss(), result.finalLoss()));
        int kept = result.selectedEpoch();
        if (kept != result.epochs()) {
            double loss = kept == 0 ? result.initialLoss() : result.losses()[kept - 1];
            text.append(String.format(Locale.ROOT, "; kept epoch %d, loss %.6g", kept, loss));
        }
        if (result.hasValidation()) {
            double validation = kept == 0 ? result.initialValidationLoss() : result.validationLosses()[kept - 1];
            text.append(String.format(Locale.ROOT, ", validation loss %.6g", validation));
        }
        return text.toString();
    }

    private static int slice(int epoch, int epochs, int slices) {
        return (int) ((long) epoch * slices / epochs);
    }

    /** Formats a duration as {@code m:ss} or {@code h:mm:ss}, rounded to the second. */
    static String clock(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    /**
     * Describes the reporter.
     *
     * @return {@code "ProgressReporter[in place]"} or {@code "ProgressReporter[lines]"}
     */
    @Override
    public String toString() {
        return "ProgressReporter[" + (inPlace ? "in place" : "lines") + "]";
    }
}
