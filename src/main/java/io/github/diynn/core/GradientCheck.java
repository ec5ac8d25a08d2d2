package io.github.diynn.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares an analytic gradient with central differences over every parameter, so a wrong
 * derivative fails a unit test instead of slowing training down silently.
 *
 * <p>The numeric derivative of parameter {@code i} is
 * {@code n = (J(theta + h e_i) - J(theta - h e_i)) / 2h} ({@link FiniteDifferences#central(double)}),
 * the analytic one {@code a}. With the default thresholds:
 *
 * <pre>  a parameter fails   when |a - n| &gt; 1e-8  and  |a - n| / max(|a|, |n|) &gt; 1e-5
 *  the gradient fails  unless ||a - n|| / (||a|| + ||n||) &lt; 1e-7      (0/0 counts as 0)</pre>
 *
 * <p>The first rule forgives a tiny absolute error on a derivative near zero and a tiny relative
 * error on a large one; the second, over the whole Euclidean norm, catches an error spread thinly
 * over many parameters. A NaN or infinite derivative always fails. The check passes when no
 * parameter fails and the norm rule holds.
 *
 * <pre>{@code
 * GradientCheck.of(GradientSource.backpropagation())
 *         .check(network, Loss.SUM_SQUARED_ERROR, inputs, targets)
 *         .assertPasses();   // AssertionError carrying the report
 * }</pre>
 *
 * <p>A check is immutable configuration; the {@code with...} methods return modified copies. It
 * may be shared between threads.
 */
public final class GradientCheck {

    /** The default finite-difference step {@code h}, {@code 1e-5}. */
    public static final double DEFAULT_STEP = FiniteDifferences.DEFAULT_CENTRAL_STEP;

    /** The default absolute threshold on {@code |a - n|}, {@code 1e-8}. */
    public static final double DEFAULT_ABSOLUTE_TOLERANCE = 1e-8;

    /** The default relative threshold on {@code |a - n| / max(|a|, |n|)}, {@code 1e-5}. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-5;

    /** The default bound on {@code ||a - n|| / (||a|| + ||n||)}, {@code 1e-7}. */
    public static final double DEFAULT_NORM_TOLERANCE = 1e-7;

    private final GradientSource analytic;
    private final double step;
    private final double absoluteTolerance;
    private final double relativeTolerance;
    private final double normTolerance;

    private GradientCheck(GradientSource analytic, double step, double absoluteTolerance,
            double relativeTolerance, double normTolerance) {
        this.analytic = analytic;
        this.step = step;
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
        this.normTolerance = normTolerance;
    }

    /**
     * Returns a check of the given analytic gradient with the default step and thresholds.
     *
     * @param analytic the gradient source under test, for example {@link GradientSource#backpropagation()}
     * @return a new check
     * @throws IllegalArgumentException if {@code analytic} is null
     */
    public static GradientCheck of(GradientSource analytic) {
        if (analytic == null) {
            throw new IllegalArgumentException("the analytic gradient source is null");
        }
        return new GradientCheck(analytic, DEFAULT_STEP, DEFAULT_ABSOLUTE_TOLERANCE, DEFAULT_RELATIVE_TOLERANCE,
                DEFAULT_NORM_TOLERANCE);
    }

    /**
     * Returns a copy with another finite-difference step.
     *
     * @param step the central-difference step {@code h}, in {@code (0, 1]}
     * @return a new check
     * @throws IllegalArgumentException if {@code step} is not in {@code (0, 1]} (NaN included)
     */
    public GradientCheck withStep(double step) {
        FiniteDifferences.central(step); // validates the step with the estimator's own message
        return new GradientCheck(analytic, step, absoluteTolerance, relativeTolerance, normTolerance);
    }

    /**
     * Returns a copy with another absolute threshold.
     *
     * @param tolerance the bound on {@code |a - n|}, finite and at least 0
     * @return a new check
     * @throws IllegalArgumentException if {@code tolerance} is negative, NaN or infinite
     */
    public GradientCheck withAbsoluteTolerance(double tolerance) {
        return new GradientCheck(analytic, step, tolerance("absolute", tolerance), relativeTolerance,
                normTolerance);
    }

    /**
     * Returns a copy with another relative threshold.
     *
     * @param tolerance the bound on {@code |a - n| / max(|a|, |n|)}, finite and at least 0
     * @return a new check
     * @throws IllegalArgumentException if {@code tolerance} is negative, NaN or infinite
     */
    public GradientCheck withRelativeTolerance(double tolerance) {
        return new GradientCheck(analytic, step, absoluteTolerance, tolerance("relative", tolerance),
                normTolerance);
    }

    /**
     * Returns a copy with another bound for the norm rule.
     *
     * @param tolerance the bound on {@code ||a - n|| / (||a|| + ||n||)}, finite and above 0
     * @return a new check
     * @throws IllegalArgumentException if {@code tolerance} is not above 0, NaN or infinite
     */
    public GradientCheck withNormTolerance(double tolerance) {
        if (!(tolerance > 0.0) || tolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("norm tolerance must be finite and above 0, got " + tolerance);
        }
        return new GradientCheck(analytic, step, absoluteTolerance, relativeTolerance, tolerance);
    }

    private static double tolerance(String which, double tolerance) {
        if (!(tolerance >= 0.0) || tolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(which + " tolerance must be finite and at least 0, got " + tolerance);
        }
        return tolerance;
    }

    /**
     * Returns the gradient source under test.
     *
     * @return the analytic source
     */
    public GradientSource analytic() {
        return analytic;
    }

    /**
     * Returns the central-difference step.
     *
     * @return {@code h}
     */
    public double step() {
        return step;
    }

    /**
     * Returns the absolute threshold of the per-parameter rule.
     *
     * @return the bound on {@code |a - n|}
     */
    public double absoluteTolerance() {
        return absoluteTolerance;
    }

    /**
     * Returns the relative threshold of the per-parameter rule.
     *
     * @return the bound on {@code |a - n| / max(|a|, |n|)}
     */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /**
     * Returns the bound of the norm rule.
     *
     * @return the bound on {@code ||a - n|| / (||a|| + ||n||)}
     */
    public double normTolerance() {
        return normTolerance;
    }

    /**
     * Checks the analytic gradient of a network's loss on a batch against central differences.
     *
     * @param network the network at the parameters to check; it is not changed
     * @param loss the loss {@code J}
     * @param inputs a {@code samples x inputSize} batch
     * @param targets a {@code samples x outputSize} batch
     * @return the result, passed or failed, with every failing parameter
     * @throws IllegalArgumentException if an argument is null, the batch does not fit the network
     *     (shapes named), or the step vanishes against a parameter ({@code theta + h == theta}, the
     *     parameter's index named; check with a larger {@link #withStep(double) step})
     * @throws IllegalStateException if the analytic source returns null or an array of the wrong length
     */
    public GradientCheckResult check(Network network, Loss loss, Matrix inputs, Matrix targets) {
        if (network == null || loss == null) {
            throw new IllegalArgumentException("network and loss must not be null, got " + network + " and " + loss);
        }
        network.requireBatch(inputs, targets);
        double[] a = analytic.gradient(network, loss, inputs, targets);
        if (a == null || a.length != network.parameterCount()) {
            throw new IllegalStateException(analytic + " returned " + (a == null ? "null" : a.length + " values")
                    + " for " + network.parameterCount() + " parameters");
        }
        a = a.clone();
        double[] n = FiniteDifferences.central(step).gradient(network, loss, inputs, targets);
        List<GradientMismatch> failures = new ArrayList<>();
        double[] difference = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - n[i];
            double absolute = Math.abs(difference[i]);
            double scale = Math.max(Math.abs(a[i]), Math.abs(n[i]));
            double relative = scale == 0.0 ? 0.0 : absolute / scale;
            boolean finite = Double.isFinite(a[i]) && Double.isFinite(n[i]);
            if (!finite || (absolute > absoluteTolerance && relative > relativeTolerance)) {
                failures.add(new GradientMismatch(network.parameterLocation(i), a[i], n[i], absolute, relative, step));
            }
        }
        double denominator = norm(a) + norm(n);
        double normError = denominator == 0.0 ? 0.0 : norm(difference) / denominator;
        String subject = network + ", " + loss + ", " + inputs.rows() + " samples, gradient from " + analytic;
        return new GradientCheckResult(this, subject, a, n, failures, normError);
    }

    /** The Euclidean norm, scaled by the largest magnitude so that it overflows only if that does. */
    private static double norm(double[] x) {
        double largest = 0.0;
        for (double v : x) {
            largest = Math.max(largest, Math.abs(v));
        }
        if (largest == 0.0 || !Double.isFinite(largest)) {
            return largest;
        }
        double sum = 0.0;
        for (double v : x) {
            double scaled = v / largest;
            sum += scaled * scaled;
        }
        return largest * Math.sqrt(sum);
    }

    /**
     * Describes the configuration.
     *
     * @return for example {@code "GradientCheck[Backpropagation, step 1.0E-5, ...]"}
     */
    @Override
    public String toString() {
        return "GradientCheck[" + analytic + ", step " + step + ", absolute " + absoluteTolerance + ", relative "
                + relativeTolerance + ", norm " + normTolerance + "]";
    }
}
