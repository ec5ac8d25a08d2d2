package io.github.diynn.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The library's own shortest round-trip text of a finite double, the same string on every JDK.
 *
 * <p>{@code Double.toString} changed in JDK 19 (it became the shortest decimal that reads back to
 * the same double; JDK 17 sometimes printed one digit too many, {@code 1.0E23} as
 * {@code 9.999999999999999E22}). Model files must have the same bytes on JDK 17 and 25, so the
 * library formats numbers itself, following the JDK 19 specification of {@code Double.toString}:
 *
 * <ol>
 *   <li>R is the set of decimals that round to {@code v} under IEEE 754 round to nearest (ties to
 *       even): the interval around {@code v} halfway to its neighbours, ends included when the
 *       significand of {@code v} is even.</li>
 *   <li>m is the smallest length (number of significant digits) of a decimal in R.</li>
 *   <li>T is the set of decimals in R of length m, or of length 1 or 2 when m is 1.</li>
 *   <li>The decimal printed is the one in T closest to {@code v}; of two equally close, the one
 *       whose last digit is even.</li>
 *   <li>It is written in plain notation ({@code 123.45}, {@code 0.00123}, at least one digit after
 *       the point) when {@code 1e-3 <= |d| < 1e7}, else as {@code d.dddE[-]n} with at least one
 *       digit after the point; zeros are {@code 0.0} and {@code -0.0}.</li>
 * </ol>
 *
 * <p>How it is computed. Everything is exact: the double, its two interval ends and every candidate
 * are {@link BigDecimal}s (a double's value is a finite decimal). For a length n, the decimals of
 * length at most n in a decade {@code [10^k, 10^(k+1)]} are the multiples of {@code 10^(k-n+1)};
 * there is one in R exactly when the ceiling of the low end and the floor of the high end on that
 * grid meet. Having a decimal of length n implies having one of every larger length, so m is found
 * by a search over n in 1..17 (17 digits always suffice): 16 and 17 first, as most doubles need
 * them, then a binary search. R spans at most two decades (its high end is at most three times its
 * low end, the extreme being {@code Double.MIN_VALUE}), so each length is tested on one or two
 * grids, and the closest candidate of each grid is compared.
 *
 * <p>Fast path. Most doubles (every trained weight in practice) lie between about {@code 1e-9} and
 * {@code 1e16}. For them, with {@code s} chosen so that
 * {@code v * 10^s} has 17 integer digits, the three numbers that matter are integers in units of
 * {@code 2^-w} (for a {@code w} below 60): {@code v * 10^s = 4 f 5^s} (f the 53-bit significand),
 * the gap to each end of R, {@code 2 * 5^s} (or {@code 5^s} below a power of two), and the grid
 * step {@code 2^w}. The 17-digit neighbours of {@code v} are then a shift away, and whether a
 * multiple of {@code 10^j} on that grid (a decimal of {@code 17 - j} digits) lies in R is checked
 * exactly against the gaps in {@code long} arithmetic. When R comes near a power of ten or the
 * double is outside that range, the exact search above decides. Both paths compute the same
 * specified decimal; the tests compare them with each other and with JDK 19+.
 */
final class DoubleText {

    /** Seventeen significant digits always identify a double. */
    private static final int MAX_DIGITS = 17;

    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** The largest power of five the fast path uses: 5^25 < 2^59, so 2 * 5^25 fits a long. */
    private static final int FAST_MAX_SCALE = 25;

    /** The widest grid step of the fast path, 2^59, so that 10 steps still fit a long. */
    private static final int FAST_MAX_SHIFT = 59;

    private static final long[] FIVE_POWERS = new long[FAST_MAX_SCALE + 1];

    private static final long TEN_TO_15 = 1_000_000_000_000_000L;

    private static final long TEN_TO_16 = 10 * TEN_TO_15;

    static {
        FIVE_POWERS[0] = 1;
        for (int i = 1; i < FIVE_POWERS.length; i++) {
            FIVE_POWERS[i] = 5 * FIVE_POWERS[i - 1];
        }
    }

    private DoubleText() {
    }

    /**
     * Returns the shortest decimal text that reads back to {@code value}, as JDK 19 and later
     * {@link Double#toString(double)} print it.
     *
     * @throws IllegalArgumentException if {@code value} is NaN or infinite (the model writer has
     *     refused those before)
     */
    static String of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + " as a finite decimal");
        }
        if (value == 0.0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
        }
        double magnitude = Math.abs(value);
        Decimal decimal = fastShortest(magnitude);
        if (decimal == null) {
            decimal = exactShortest(magnitude);
        }
        return (value < 0 ? "-" : "") + format(decimal);
    }

    /** A positive decimal {@code digits * 10^exponent}, the digits without leading or trailing zeros. */
    record Decimal(String digits, int exponent) {

        static Decimal of(long digits, int exponent) {
            long stripped = digits;
            int shifted = exponent;
            while (stripped % 10 == 0) {
                stripped /= 10;
                shifted++;
            }
            return new Decimal(Long.toString(stripped), shifted);
        }
    }

    /**
     * The fast path (see the class comment): the answer when 16 or 17 digits are needed and every
     * number fits a {@code long}, else null. Variable names follow the class comment: {@code units}
     * is {@code v * 10^s * 2^w}, split into {@code grid17} (the 17-digit decimal at or below
     * {@code v}) and {@code remainder} (what is left, below {@code 2^w}).
     */
    static Decimal fastShortest(double magnitude) {
        long bits = Double.doubleToRawLongBits(magnitude);
        int biased = (int) (bits >>> 52);
        if (biased == 0) {
            return null;  // subnormal
        }
        long fraction = bits & ((1L << 52) - 1);
        long significand = fraction | (1L << 52);
        int binaryExponent = biased - 1075;  // magnitude = significand * 2^binaryExponent
        // An estimate: Math.log10 may differ by an ulp between JVMs, but a wrong decade only sends
        // the value to the exact path (the check on grid17 below), never changes the result.
        int decade = (int) Math.floor(Math.log10(magnitude));
        int scale = MAX_DIGITS - 1 - decade;
        if (scale < 1 || scale > FAST_MAX_SCALE) {
            return null;
        }
        int shift = 2 - binaryExponent - scale;  // w
        if (shift < 1 || shift > FAST_MAX_SHIFT) {
            return null;
        }
        long five = FIVE_POWERS[scale];
        long high = Math.multiplyHigh(4 * significand, five);
        long low = 4 * significand * five;
        long grid17 = (high << (64 - shift)) | (low >>> shift);
        long remainder = low & ((1L << shift) - 1);
        if ((high >>> shift) != 0 || grid17 < TEN_TO_16 + 100 || grid17 >= 10 * TEN_TO_16 - 100) {
            return null;  // a wrong decade estimate, or R may reach into the next decade
        }
        long gapAbove = 2 * five;
        long gapBelow = fraction == 0 && biased > 1 ? five : gapAbove;
        boolean closed = (significand & 1) == 0;
        Gaps gaps = new Gaps(shift, remainder, gapBelow, gapAbove, closed);
        // The coarsest step 10^j whose multiples reach into R gives the length, 17 - j; a length of 1
        // is widened to the decimals of length 1 or 2, step 10^15.
        long step = 1;
        while (step < TEN_TO_15 && gaps.holdsMultiple(grid17, 10 * step)) {
            step *= 10;
        }
        return gaps.closest(grid17, step, -scale);
    }

    /**
     * The ends of R around {@code v} on the 17-digit grid, in units of {@code 2^-shift} of a grid
     * step: {@code v} lies {@code remainder} units above the grid point {@code grid17}.
     */
    private record Gaps(int shift, long remainder, long gapBelow, long gapAbove, boolean closed) {

        /** Whether {@code steps * 2^shift + extra} units is within the gap (extra below 2^shift). */
        boolean within(long steps, long extra, long gap) {
            if (steps > (gap >>> shift) + 1) {
                return false;
            }
            long distance = (steps << shift) + extra;
            return closed ? distance <= gap : distance < gap;
        }

        long below(long grid17, long step) {
            return grid17 % step;
        }

        boolean lowerInside(long grid17, long step) {
            return within(below(grid17, step), remainder, gapBelow);
        }

        boolean upperInside(long grid17, long step) {
            return within(step - below(grid17, step), -remainder, gapAbove);
        }

        boolean holdsMultiple(long grid17, long step) {
            return lowerInside(grid17, step) || upperInside(grid17, step);
        }

        /** The multiple of {@code step} in R closest to {@code v}, the even one on a tie. */
        Decimal closest(long grid17, long step, int exponent) {
            long lower = grid17 - below(grid17, step);
            long upper = lower + step;
            boolean lowerIn = lowerInside(grid17, step);
            boolean upperIn = upperInside(grid17, step);
            long chosen;
            if (lowerIn && upperIn) {
                long toLower = (below(grid17, step) << shift) + remainder;
                long toUpper = ((step - below(grid17, step)) << shift) - remainder;
                if (toLower != toUpper) {
                    chosen = toLower < toUpper ? lower : upper;
                } else {
                    chosen = (lower / step) % 2 == 0 ? lower : upper;
                }
            } else {
                chosen = lowerIn ? lower : upper;
            }
            return Decimal.of(chosen, exponent);
        }
    }

    /** The interval R of a positive double: its exact value, its ends and whether they belong to R. */
    private record Interval(BigDecimal value, BigDecimal low, BigDecimal high, boolean closed) {

        static Interval of(double magnitude) {
            BigDecimal value = new BigDecimal(magnitude);
            BigDecimal below = new BigDecimal(Math.nextDown(magnitude));
            BigDecimal low = value.add(below).multiply(HALF);
            BigDecimal high;
            if (magnitude == Double.MAX_VALUE) {
                // No finite neighbour above: the gap above equals the gap below (both 2^971).
                high = value.add(value.subtract(below).multiply(HALF));
            } else {
                high = value.add(new BigDecimal(Math.nextUp(magnitude))).multiply(HALF);
            }
            boolean evenSignificand = (Double.doubleToRawLongBits(magnitude) & 1L) == 0;
            return new Interval(value, low, high, evenSignificand);
        }

        /** The k with {@code 10^k <= x < 10^(k+1)}. */
        static int decade(BigDecimal x) {
            return x.precision() - x.scale() - 1;
        }

        /** The grid points of one decade, with {@code length} digits, lying in R, or null if none. */
        Grid grid(int decade, int length) {
            BigDecimal decadeLow = BigDecimal.ONE.scaleByPowerOfTen(decade);
            BigDecimal decadeHigh = BigDecimal.ONE.scaleByPowerOfTen(decade + 1);
            int scale = length - 1 - decade;  // grid step 10^-scale
            boolean lowIsEnd = low.compareTo(decadeLow) >= 0;
            boolean highIsEnd = high.compareTo(decadeHigh) <= 0;
            BigDecimal from = lowIsEnd ? low : decadeLow;
            BigDecimal to = highIsEnd ? high : decadeHigh;
            BigInteger first = from.setScale(scale, RoundingMode.CEILING).unscaledValue();
            BigInteger last = to.setScale(scale, RoundingMode.FLOOR).unscaledValue();
            if (!closed && lowIsEnd && new BigDecimal(first, scale).compareTo(low) == 0) {
                first = first.add(BigInteger.ONE);
            }
            if (!closed && highIsEnd && new BigDecimal(last, scale).compareTo(high) == 0) {
                last = last.subtract(BigInteger.ONE);
            }
            return first.compareTo(last) <= 0 ? new Grid(first, last, scale) : null;
        }

        /** The grids of every decade R touches, at one length; null entries hold no such decimal. */
        Grid[] grids(int length) {
            int lowDecade = decade(low);
            int highDecade = decade(high);
            Grid[] grids = new Grid[highDecade - lowDecade + 1];
            for (int k = lowDecade; k <= highDecade; k++) {
                grids[k - lowDecade] = grid(k, length);
            }
            return grids;
        }

        boolean holdsLength(int length) {
            for (Grid grid : grids(length)) {
                if (grid != null) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The multiples {@code first..last} of {@code 10^-scale} that lie in R, in one decade. */
    private record Grid(BigInteger first, BigInteger last, int scale) {

        /** The grid point closest to {@code value}, the even one of two equally close. */
        BigDecimal closestTo(BigDecimal value) {
            BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_EVEN);
            BigInteger nearest = scaled.unscaledValue().max(first).min(last);
            return new BigDecimal(nearest, scale);
        }
    }

    /** The exact search of the class comment, for every positive finite double. */
    static Decimal exactShortest(double magnitude) {
        Interval interval = Interval.of(magnitude);
        int length = shortestLength(interval);
        BigDecimal best = null;
        BigDecimal bestDistance = null;
        for (Grid grid : interval.grids(Math.max(length, 2))) {
            if (grid == null) {
                continue;
            }
            BigDecimal candidate = grid.closestTo(interval.value());
            BigDecimal distance = candidate.subtract(interval.value()).abs();
            int order = best == null ? -1 : distance.compareTo(bestDistance);
            if (order < 0 || order == 0 && lastDigitEven(candidate) && !lastDigitEven(best)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        BigDecimal stripped = best.stripTrailingZeros();
        return new Decimal(stripped.unscaledValue().toString(), -stripped.scale());
    }

    private static boolean lastDigitEven(BigDecimal gridPoint) {
        return !gridPoint.unscaledValue().testBit(0);
    }

    /**
     * The smallest length of a decimal in R. Most doubles need 16 or 17 digits, so those two are
     * settled first; below, a binary search (holding a length implies holding every longer one).
     */
    private static int shortestLength(Interval interval) {
        if (!interval.holdsLength(MAX_DIGITS - 1)) {
            return MAX_DIGITS;
        }
        if (!interval.holdsLength(MAX_DIGITS - 2)) {
            return MAX_DIGITS - 1;
        }
        int low = 1;                  // smallest length not yet excluded
        int high = MAX_DIGITS - 2;    // a length known to hold
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (interval.holdsLength(middle)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return high;
    }

    /** Writes a positive decimal in the layout of {@code Double.toString}. */
    static String format(Decimal decimal) {
        String digits = decimal.digits();
        int decade = digits.length() - 1 + decimal.exponent();
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (decade >= 0 && decade < 7) {
            if (digits.length() <= decade + 1) {
                out.append(digits).append("0".repeat(decade + 1 - digits.length())).append(".0");
            } else {
                out.append(digits, 0, decade + 1).append('.').append(digits, decade + 1, digits.length());
            }
        } else if (decade >= -3 && decade < 0) {
            out.append("0.").append("0".repeat(-decade - 1)).append(digits);
        } else {
            out.append(digits.charAt(0)).append('.');
            out.append(digits.length() == 1 ? "0" : digits.substring(1));
            out.append('E').append(decade);
        }
        return out.toString();
    }
}
