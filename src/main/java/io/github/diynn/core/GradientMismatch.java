package io.github.diynn.core;

import java.util.Locale;

/**
 * One parameter whose analytic and numeric derivatives disagree in a {@link GradientCheck}.
 *
 * <pre>  absoluteError = |a - n|
 *  relativeError = |a - n| / max(|a|, |n|)   (0 when both are 0)</pre>
 *
 * @param location the parameter's layer, kind (weight or bias), row and column
 * @param analytic the analytic derivative {@code a}
 * @param numeric the central-difference estimate {@code n}
 * @param absoluteError {@code |a - n|}
 * @param relativeError {@code |a - n| / max(|a|, |n|)}
 * @param step the finite-difference step {@code h} used for {@code n}
 */
public record GradientMismatch(ParameterLocation location, double analytic, double numeric, double absoluteError,
        double relativeError, double step) {

    /**
     * Checks the location is present.
     *
     * @param location the parameter's location
     * @param analytic the analytic derivative
     * @param numeric the numeric estimate
     * @param absoluteError {@code |a - n|}
     * @param relativeError {@code |a - n| / max(|a|, |n|)}
     * @param step the finite-difference step
     * @throws IllegalArgumentException if {@code location} is null
     */
    public GradientMismatch {
        if (location == null) {
            throw new IllegalArgumentException("mismatch location is null");
        }
    }

    /**
     * Describes the mismatch on one line, for example
     * {@code "layer 0 bias[1] (parameter 8): analytic 1.234e-01, numeric 1.233e-01, ..."}.
     *
     * @return a readable line
     */
    @Override
    public String toString() {
        String where = location.kind() == ParameterLocation.Kind.WEIGHT
                ? "weight[" + location.row() + "][" + location.column() + "]"
                : "bias[" + location.column() + "]";
        return String.format(Locale.ROOT,
                "layer %d %s (parameter %d): analytic %.12e, numeric %.12e, |a - n| %.3e, relative %.3e, step %.1e",
                location.layer(), where, location.index(), analytic, numeric, absoluteError, relativeError, step);
    }
}
