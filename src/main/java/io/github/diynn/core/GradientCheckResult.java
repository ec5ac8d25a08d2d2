package io.github.diynn.core;

import java.util.List;
import java.util.Locale;

/**
 * The immutable outcome of a {@link GradientCheck}: pass or fail, every failing parameter, the
 * norm error, both gradients, and a readable report.
 *
 * <p>{@link #assertPasses()} throws an {@link AssertionError} carrying the report, so the check
 * works from any test framework.
 */
public final class GradientCheckResult {

    /** The report lists at most this many failing parameters; {@link #failures()} holds all. */
    static final int REPORTED_FAILURES = 50;

    private final GradientCheck check;
    private final String subject;
    private final double[] analytic;
    private final double[] numeric;
    private final List<GradientMismatch> failures;
    private final double normError;

    GradientCheckResult(GradientCheck check, String subject, double[] analytic, double[] numeric,
            List<GradientMismatch> failures, double normError) {
        this.check = check;
        this.subject = subject;
        this.analytic = analytic;
        this.numeric = numeric;
        this.failures = List.copyOf(failures);
        this.normError = normError;
    }

    /**
     * Tells whether the check passed: no parameter failed and the norm rule held.
     *
     * @return true if the analytic gradient agrees with central differences
     */
    public boolean passed() {
        return failures.isEmpty() && normError < check.normTolerance();
    }

    /**
     * Returns every failing parameter, in parameter order.
     *
     * @return an unmodifiable list, empty if no parameter failed
     */
    public List<GradientMismatch> failures() {
        return failures;
    }

    /**
     * Returns the norm error {@code ||a - n|| / (||a|| + ||n||)}, 0 when both gradients are 0.
     *
     * @return the norm error, NaN if a derivative was NaN or infinite
     */
    public double normError() {
        return normError;
    }

    /**
     * Returns the analytic gradient that was checked.
     *
     * @return a new array in the layout of {@link Network#parameters()}
     */
    public double[] analyticGradient() {
        return analytic.clone();
    }

    /**
     * Returns the central-difference gradient it was checked against.
     *
     * @return a new array in the layout of {@link Network#parameters()}
     */
    public double[] numericGradient() {
        return numeric.clone();
    }

    /**
     * Returns the check that produced this result, with its step and thresholds.
     *
     * @return the check
     */
    public GradientCheck check() {
        return check;
    }

    /**
     * Returns a readable report: the verdict, the network and loss checked, the rule, and one line
     * per failing parameter (at most 50; the count of the rest is given).
     *
     * @return a multi-line report
     */
    public String report() {
        StringBuilder text = new StringBuilder();
        text.append("Gradient check ").append(passed() ? "PASSED" : "FAILED").append(": ")
                .append(failures.size()).append(" of ").append(analytic.length).append(" parameters failed; ")
                .append(String.format(Locale.ROOT, "norm error %.3e (limit %.1e)", normError,
                        check.normTolerance()))
                .append('\n');
        text.append("Checked: ").append(subject).append('\n');
        text.append(String.format(Locale.ROOT,
                "Rule: a parameter fails when |a - n| > %.1e and |a - n| / max(|a|, |n|) > %.1e;"
                        + " n by central differences, step %.1e",
                check.absoluteTolerance(), check.relativeTolerance(), check.step()));
        int shown = Math.min(failures.size(), REPORTED_FAILURES);
        for (int k = 0; k < shown; k++) {
            text.append("\n  ").append(failures.get(k));
        }
        if (failures.size() > shown) {
            text.append("\n  ... and ").append(failures.size() - shown).append(" more");
        }
        return text.toString();
    }

    /**
     * Does nothing if the check passed; otherwise throws an {@link AssertionError} whose message is
     * the {@link #report()}.
     *
     * @throws AssertionError if the check failed
     */
    public void assertPasses() {
        if (!passed()) {
            throw new AssertionError(report());
        }
    }

    /**
     * Returns the first line of the report.
     *
     * @return for example {@code "Gradient check PASSED: 0 of 9 parameters failed; norm error ..."}
     */
    @Override
    public String toString() {
        String report = report();
        return report.substring(0, report.indexOf('\n'));
    }
}
