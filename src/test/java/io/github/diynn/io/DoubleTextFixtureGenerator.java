package io.github.diynn.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes the fixture {@code double-text-jdk25.txt} that {@link DoubleTextTest} compares with on a
 * JDK older than 19: one line per value, its bits in hexadecimal and the JDK's
 * {@code Double.toString}, which must be the JDK 19+ algorithm. Run it once on JDK 25 (from the
 * project directory, after {@code mvn test-compile}):
 *
 * <pre>
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp target/classes:target/test-classes \
 *     io.github.diynn.io.DoubleTextFixtureGenerator src/test/resources/io/github/diynn/io/double-text-jdk25.txt
 * </pre>
 *
 * <p>The values ({@link #values()}) are seeded: a random significand and sign for every binary
 * exponent, subnormals included, and the hard cases of the formatting (powers of two and ten, their
 * neighbours, the plain/scientific boundaries, tiny subnormals, the extremes).
 */
final class DoubleTextFixtureGenerator {

    private DoubleTextFixtureGenerator() {
    }

    /**
     * Writes the fixture.
     *
     * @param args the output path
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (Runtime.version().feature() < 19) {
            throw new IllegalStateException("run on JDK 19 or later: Double.toString of JDK "
                    + Runtime.version().feature() + " is not the reference");
        }
        List<String> lines = new ArrayList<>();
        lines.add("# bits (hex), Double.toString on JDK " + Runtime.version() + "; written by DoubleTextFixtureGenerator");
        for (double value : values()) {
            lines.add(Long.toHexString(Double.doubleToRawLongBits(value)) + " " + Double.toString(value));
        }
        Files.write(Path.of(args[0]), lines, StandardCharsets.US_ASCII);
    }

    /** The fixture's values, positive and negative, in a fixed order. */
    static List<Double> values() {
        Set<Double> values = new LinkedHashSet<>();
        SplittableRandom random = new SplittableRandom(20_261_201L);
        for (long biased = 0; biased <= 2046; biased++) {
            long fraction = random.nextLong() & ((1L << 52) - 1);
            long sign = random.nextBoolean() ? Long.MIN_VALUE : 0;
            values.add(Double.longBitsToDouble(sign | biased << 52 | fraction));
        }
        for (int e = -1074; e <= 1023; e++) {
            values.add(Math.scalb(1.0, e));
        }
        for (int e = -323; e <= 308; e++) {
            double power = Double.parseDouble("1e" + e);
            values.add(power);
            if (Math.abs(e) <= 25) {
                values.add(Math.nextDown(power));
                values.add(Math.nextUp(power));
            }
        }
        for (int k = 1; k <= 100; k++) {
            values.add(k * Double.MIN_VALUE);
        }
        double[] named = {
            Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE,
            Math.nextDown(Double.MAX_VALUE), 1.0E23, 2.0E23, 8.41E21, 5.0E-324, 1.0E-3, 1.0E7, 0.1, 0.2, 0.3,
            1.0 / 3.0, 2.0 / 3.0, Math.PI, Math.E, 9.007199254740993E15, 123456.789, 2.0E-3, 4.35E-4, 1.0E-5
        };
        for (double value : named) {
            values.add(value);
        }
        List<Double> signed = new ArrayList<>();
        for (double value : values) {
            signed.add(value);
            if (value > 0 && signed.size() % 3 == 0) {
                signed.add(-value);
            }
        }
        return signed;
    }
}
