package io.github.diynn.core;

/**
 * An exponential written in plain Java arithmetic, so that it gives the same bits on every JVM.
 *
 * <p>Java floating point is strict: every {@code +}, {@code -}, {@code *} on doubles is rounded
 * as IEEE 754 says, on every platform. This method uses only those operations, a fixed table and
 * bit manipulation, so its result is a function of its argument alone. It is as reproducible as
 * {@link StrictMath#exp} and faster (see {@code docs/reproducibility.md}); {@link Math#exp} is
 * fast but may differ between JVMs and processors in the last bit.
 *
 * <p>Method (table-driven, after Tang):
 *
 * <pre>  x = (64 e + j) ln2/64 + r,  |r| &lt;= ln2/128 (about 0.0054),  0 &lt;= j &lt; 64
 *  e^x = 2^e * 2^(j/64) * e^r
 *  e^r - 1 ~ r + r^2/2 + r^3/6 + r^4/24 + r^5/120 + r^6/720   (Taylor, truncation &lt; 3e-20)</pre>
 *
 * <p>{@code n = 64 e + j} is {@code x * 64/ln2} rounded to an integer; {@code r} is
 * {@code x - n ln2/64} computed with {@code ln2/64} split in two parts, the first with only 32
 * significant bits so that {@code n * STEP_HI} is exact. Each {@code 2^(j/64)} is held as the
 * nearest double plus the nearest double to the remainder, so the only sizeable rounding is the
 * last addition: the result is within about 0.51 ulp of {@code e^x}, and within 1 ulp of
 * {@link StrictMath#exp} (tested). Results that are subnormal or near the overflow edge are scaled
 * in two steps so that they are rounded once.
 */
final class Exp {

    /** Above this, {@code e^x} rounds to infinity ({@code StrictMath.exp} agrees). */
    static final double OVERFLOW_EDGE = 0x1.62e42fefa39efp9;

    /** Below this, {@code e^x} rounds to 0 ({@code StrictMath.exp} agrees). */
    static final double UNDERFLOW_EDGE = -0x1.74910d52d3051p9;

    /** Inside {@code [-FAST_LIMIT, FAST_LIMIT]} one multiplication by {@code 2^e} scales the result. */
    private static final double FAST_LIMIT = 708.0;

    /** {@code 64 / ln2}. */
    private static final double STEPS_PER_UNIT = 0x1.71547652b82fep6;

    /** {@code ln2/64}, leading 32 bits. */
    private static final double STEP_HI = 0x1.62e42feep-7;

    /** {@code ln2/64 - STEP_HI}, nearest double. */
    private static final double STEP_LO = 0x1.a39ef35793c76p-39;

    /** {@code 1.5 * 2^52}: adding it rounds to an integer held in the low bits of the mantissa. */
    private static final double SHIFTER = 0x1.8p52;

    private static final double C3 = 1.0 / 6.0;
    private static final double C4 = 1.0 / 24.0;
    private static final double C5 = 1.0 / 120.0;
    private static final double C6 = 1.0 / 720.0;

    /**
     * {@code 2^(j/64)} for {@code j = 0..63} as pairs: the nearest double, then the nearest double
     * to what it misses. Computed with {@code BigDecimal} square roots (six of {@code 2^j}), to 60
     * digits; {@code ExpTest} recomputes every entry.
     */
    private static final double[] POWERS = {
            0x1.0p0, 0x0.0p0, // 2^(0/64)
            0x1.02c9a3e778061p0, -0x1.19083535b085dp-56, // 2^(1/64)
            0x1.059b0d3158574p0, 0x1.d73e2a475b465p-55, // 2^(2/64)
            0x1.0874518759bc8p0, 0x1.186be4bb284ffp-57, // 2^(3/64)
            0x1.0b5586cf9890fp0, 0x1.8a62e4adc610bp-54, // 2^(4/64)
            0x1.0e3ec32d3d1a2p0, 0x1.03a1727c57b53p-59, // 2^(5/64)
            0x1.11301d0125b51p0, -0x1.6c51039449b3ap-54, // 2^(6/64)
            0x1.1429aaea92dep0, -0x1.32fbf9af1369ep-54, // 2^(7/64)
            0x1.172b83c7d517bp0, -0x1.19041b9d78a76p-55, // 2^(8/64)
            0x1.1a35beb6fcb75p0, 0x1.e5b4c7b4968e4p-55, // 2^(9/64)
            0x1.1d4873168b9aap0, 0x1.e016e00a2643cp-54, // 2^(10/64)
            0x1.2063b88628cd6p0, 0x1.dc775814a8495p-55, // 2^(11/64)
            0x1.2387a6e756238p0, 0x1.9b07eb6c70573p-54, // 2^(12/64)
            0x1.26b4565e27cddp0, 0x1.2bd339940e9d9p-55, // 2^(13/64)
            0x1.29e9df51fdee1p0, 0x1.612e8afad1255p-55, // 2^(14/64)
            0x1.2d285a6e4030bp0, 0x1.0024754db41d5p-54, // 2^(15/64)
            0x1.306fe0a31b715p0, 0x1.6f46ad23182e4p-55, // 2^(16/64)
            0x1.33c08b26416ffp0, 0x1.32721843659a6p-54, // 2^(17/64)
            0x1.371a7373aa9cbp0, -0x1.63aeabf42eae2p-54, // 2^(18/64)
            0x1.3a7db34e59ff7p0, -0x1.5e436d661f5e3p-56, // 2^(19/64)
            0x1.3dea64c123422p0, 0x1.ada0911f09ebcp-55, // 2^(20/64)
            0x1.4160a21f72e2ap0, -0x1.ef3691c309278p-58, // 2^(21/64)
            0x1.44e086061892dp0, 0x1.89b7a04ef80dp-59, // 2^(22/64)
            0x1.486a2b5c13cdp0, 0x1.3c1a3b69062fp-56, // 2^(23/64)
            0x1.4bfdad5362a27p0, 0x1.d4397afec42e2p-56, // 2^(24/64)
            0x1.4f9b2769d2ca7p0, -0x1.4b309d25957e3p-54, // 2^(25/64)
            0x1.5342b569d4f82p0, -0x1.07abe1db13cadp-55, // 2^(26/64)
            0x1.56f4736b527dap0, 0x1.9bb2c011d93adp-54, // 2^(27/64)
            0x1.5ab07dd485429p0, 0x1.6324c054647adp-54, // 2^(28/64)
            0x1.5e76f15ad2148p0, 0x1.ba6f93080e65ep-54, // 2^(29/64)
            0x1.6247eb03a5585p0, -0x1.383c17e40b497p-54, // 2^(30/64)
            0x1.6623882552225p0, -0x1.bb60987591c34p-54, // 2^(31/64)
            0x1.6a09e667f3bcdp0, -0x1.bdd3413b26456p-54, // 2^(32/64)
            0x1.6dfb23c651a2fp0, -0x1.bbe3a683c88abp-57, // 2^(33/64)
            0x1.71f75e8ec5f74p0, -0x1.16e4786887a99p-55, // 2^(34/64)
            0x1.75feb564267c9p0, -0x1.0245957316dd3p-54, // 2^(35/64)
            0x1.7a11473eb0187p0, -0x1.41577ee04992fp-55, // 2^(36/64)
            0x1.7e2f336cf4e62p0, 0x1.05d02ba15797ep-56, // 2^(37/64)
            0x1.82589994cce13p0, -0x1.d4c1dd41532d8p-54, // 2^(38/64)
            0x1.868d99b4492edp0, -0x1.fc6f89bd4f6bap-54, // 2^(39/64)
            0x1.8ace5422aa0dbp0, 0x1.6e9f156864b27p-54, // 2^(40/64)
            0x1.8f1ae99157736p0, 0x1.5cc13a2e3976cp-55, // 2^(41/64)
            0x1.93737b0cdc5e5p0, -0x1.75fc781b57ebcp-57, // 2^(42/64)
            0x1.97d829fde4e5p0, -0x1.d185b7c1b85d1p-54, // 2^(43/64)
            0x1.9c49182a3f09p0, 0x1.c7c46b071f2bep-56, // 2^(44/64)
            0x1.a0c667b5de565p0, -0x1.359495d1cd533p-54, // 2^(45/64)
            0x1.a5503b23e255dp0, -0x1.d2f6edb8d41e1p-54, // 2^(46/64)
            0x1.a9e6b5579fdbfp0, 0x1.0fac90ef7fd31p-54, // 2^(47/64)
            0x1.ae89f995ad3adp0, 0x1.7a1cd345dcc81p-54, // 2^(48/64)
            0x1.b33a2b84f15fbp0, -0x1.2805e3084d708p-57, // 2^(49/64)
            0x1.b7f76f2fb5e47p0, -0x1.5584f7e54ac3bp-56, // 2^(50/64)
            0x1.bcc1e904bc1d2p0, 0x1.23dd07a2d9e84p-55, // 2^(51/64)
            0x1.c199bdd85529cp0, 0x1.11065895048ddp-55, // 2^(52/64)
            0x1.c67f12e57d14bp0, 0x1.2884dff483cadp-54, // 2^(53/64)
            0x1.cb720dcef9069p0, 0x1.503cbd1e949dbp-56, // 2^(54/64)
            0x1.d072d4a07897cp0, -0x1.cbc3743797a9cp-54, // 2^(55/64)
            0x1.d5818dcfba487p0, 0x1.2ed02d75b3707p-55, // 2^(56/64)
            0x1.da9e603db3285p0, 0x1.c2300696db532p-54, // 2^(57/64)
            0x1.dfc97337b9b5fp0, -0x1.1a5cd4f184b5cp-54, // 2^(58/64)
            0x1.e502ee78b3ff6p0, 0x1.39e8980a9cc8fp-55, // 2^(59/64)
            0x1.ea4afa2a490dap0, -0x1.e9c23179c2893p-54, // 2^(60/64)
            0x1.efa1bee615a27p0, 0x1.dc7f486a4b6bp-54, // 2^(61/64)
            0x1.f50765b6e454p0, 0x1.9d3e12dd8a18bp-54, // 2^(62/64)
            0x1.fa7c1819e90d8p0, 0x1.74853f3a5931ep-55  // 2^(63/64)
    };

    private Exp() {
    }

    /**
     * Returns {@code e^x}.
     *
     * @param x any double
     * @return {@code e^x} within 1 ulp of {@link StrictMath#exp}; exactly 1 at 0, {@code +Infinity}
     *     above {@link #OVERFLOW_EDGE}, 0 below {@link #UNDERFLOW_EDGE}, NaN for NaN
     */
    static double exp(double x) {
        if (!(Math.abs(x) <= FAST_LIMIT)) {
            if (x != x) {
                return x;
            }
            if (x > OVERFLOW_EDGE) {
                return Double.POSITIVE_INFINITY;
            }
            if (x < UNDERFLOW_EDGE) {
                return 0.0;
            }
        }
        double shifted = x * STEPS_PER_UNIT + SHIFTER;
        int n = (int) Double.doubleToRawLongBits(shifted);
        double y = fromTable(n, polynomial(reduced(x, shifted)));
        int e = n >> 6;
        if (e >= -1022 && e <= 1023) {
            return y * powerOfTwo(e);
        }
        return e > 0 ? y * powerOfTwo(e - 1) * 2.0 : y * powerOfTwo(e + 1000) * 0x1p-1000;
    }

    /**
     * Writes {@code out[j] = exp(-|z[j]|)} for {@code j < n}, with the bits of
     * {@code exp(-Math.abs(z[j]))}: the sigmoid's exponentials over a column of a batch.
     *
     * <p>The same operations as {@link #exp}, in loops. A first pass looks for a magnitude above
     * {@code 708} or NaN and stops at the first. The next loop does what needs no table and no bit
     * move, the reduced argument and the polynomial (into {@code out}, with the shifted argument
     * into {@code shifted}), which is the shape of loop the JIT turns into vector instructions; the
     * last, one element at a time, the table and the power of two. An argument of {@code exp}
     * between {@code -708} and 0 needs no range check ({@code 2^e} is normal), so when the first
     * pass found none out of range the last loop has no branch; otherwise it checks each value and
     * gives any other (below {@code -708}, or NaN) to {@link #exp} itself. About 2.6 times as fast
     * as {@code exp} element by element on an array of 1024 ({@code ExpBenchmark}).
     *
     * <p>Not a {@code Math.min} of the arguments kept in the vectorised loop instead of the first
     * pass: on OpenJDK 17.0.15 that min reduction, inlined into a benchmark's hot loop over 32
     * values, crashed the C2 compiler ({@code TypeVect::xmeet}, {@code ShouldNotReachHere}). The
     * three arrays must be different arrays.
     *
     * @param z the values whose magnitudes are negated; not changed
     * @param out receives the exponentials
     * @param shifted scratch of at least {@code n} values
     * @param n how many values, from index 0
     */
    static void expOfMinusMagnitude(double[] z, double[] out, double[] shifted, int n) {
        boolean inRange = true;
        for (int j = 0; j < n; j++) {
            if (!(Math.abs(z[j]) <= FAST_LIMIT)) {
                inRange = false;
                break;
            }
        }
        for (int j = 0; j < n; j++) {
            double x = -Math.abs(z[j]);
            double s = x * STEPS_PER_UNIT + SHIFTER;
            out[j] = polynomial(reduced(x, s));
            shifted[j] = s;
        }
        if (inRange) {
            for (int j = 0; j < n; j++) {
                int k = (int) Double.doubleToRawLongBits(shifted[j]);
                out[j] = fromTable(k, out[j]) * powerOfTwo(k >> 6);
            }
        } else {
            for (int j = 0; j < n; j++) {
                double x = -Math.abs(z[j]);
                if (x >= -FAST_LIMIT) {
                    int k = (int) Double.doubleToRawLongBits(shifted[j]);
                    out[j] = fromTable(k, out[j]) * powerOfTwo(k >> 6);
                } else {
                    out[j] = exp(x);
                }
            }
        }
    }

    /** {@code r = x - n ln2/64}, where {@code shifted - SHIFTER} is {@code n} (exact: see the class comment). */
    private static double reduced(double x, double shifted) {
        double nd = shifted - SHIFTER;
        return (x - nd * STEP_HI) - nd * STEP_LO;
    }

    /** {@code e^r - 1} for {@code |r| <= ln2/128}. */
    private static double polynomial(double r) {
        return r + r * r * (0.5 + r * (C3 + r * (C4 + r * (C5 + r * C6))));
    }

    /** {@code 2^(j/64) * (1 + p)} for {@code j = n mod 64}: the table's pair, the low part added first. */
    private static double fromTable(int n, double p) {
        int j = 2 * (n & 63);
        double high = POWERS[j];
        return high + (high * p + POWERS[j + 1]);
    }

    /** {@code 2^e} for {@code -1022 <= e <= 1023}, built from its exponent bits. */
    private static double powerOfTwo(int e) {
        return Double.longBitsToDouble((long) (e + 1023) << 52);
    }

    /** Returns entry {@code j} of the table, high part then low part; for tests. */
    static double[] power(int j) {
        return new double[] {POWERS[2 * j], POWERS[2 * j + 1]};
    }
}
