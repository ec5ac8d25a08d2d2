package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoubleTextTest {

    private static final boolean JDK_19_OR_LATER = Runtime.version().feature() >= 19;

    /** Any finite double: random bits over every exponent, subnormals included. */
    private static double randomBits(SplittableRandom random) {
        double value;
        do {
            value = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(value));
        return value;
    }

    /** A double log-uniform over 1e-12 .. 1e18 with a random sign: the fast path's range and beyond. */
    private static double logUniform(SplittableRandom random) {
        double value = Math.pow(10.0, random.nextDouble(-12.0, 18.0));
        return random.nextBoolean() ? value : -value;
    }

    private static void assertRoundTrips(double value) {
        String text = DoubleText.of(value);
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
                .as("%s (bits %x) written as %s", value, Double.doubleToRawLongBits(value), text)
                .isEqualTo(Double.doubleToRawLongBits(value));
    }

    @ParameterizedTest
    @CsvSource({
        "0x0.0000000000001p-1022, 4.9E-324",
        "0x0.0000000000002p-1022, 9.9E-324",
        "0x0.0000000000003p-1022, 1.5E-323",
        "0x1.0p-1022, 2.2250738585072014E-308",
        "0x0.fffffffffffffp-1022, 2.225073858507201E-308",
        "0x1.fffffffffffffp1023, 1.7976931348623157E308",
        "1.0E23, 1.0E23",
        "2.0E23, 2.0E23",
        "8.41E21, 8.41E21",
        "1.0E-3, 0.001",
        "9.999999999999998E-4, 9.999999999999998E-4",
        "1.0E7, 1.0E7",
        "9999999.999999998, 9999999.999999998",
        "100.0, 100.0",
        "123456.789, 123456.789",
        "0.1, 0.1",
        "0.3, 0.3",
        "2.0E-3, 0.002",
        "1.0, 1.0",
        "-1.5, -1.5",
        "1024.0, 1024.0",
        "0x1.0p-30, 9.313225746154785E-10",
        "0x1.0p60, 1.152921504606847E18",
        "9.007199254740993E15, 9.007199254740992E15",
    })
    void writesTheSpecifiedShortestDecimal(String literal, String expected) {
        double value = Double.parseDouble(literal);

        assertThat(DoubleText.of(value)).isEqualTo(expected);
    }

    @Test
    void writesSignedZerosAsJavaDoes() {
        assertThat(DoubleText.of(0.0)).isEqualTo("0.0");
        assertThat(DoubleText.of(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void writesNegativeValuesWithALeadingMinus() {
        assertThat(DoubleText.of(-Double.MIN_VALUE)).isEqualTo("-4.9E-324");
        assertThat(DoubleText.of(-Double.MAX_VALUE)).isEqualTo("-1.7976931348623157E308");
        assertThat(DoubleText.of(-1.0E23)).isEqualTo("-1.0E23");
    }

    @Test
    void refusesNanAndInfinities() {
        assertThatThrownBy(() -> DoubleText.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> DoubleText.of(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Infinity");
    }

    @Test
    void roundTripsBitForBitOnRandomBitPatternsOverTheWholeExponentRange() {
        // Most of these take the exact BigDecimal search (tens of microseconds each): 200,000 of them.
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            assertRoundTrips(randomBits(random));
        }
    }

    @Test
    void roundTripsBitForBitOnTwoMillionLogUniformAndGaussianValues() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1_000_000; i++) {
            assertRoundTrips(logUniform(random));
            assertRoundTrips(random.nextGaussian());
        }
    }

    @Test
    void roundTripsSubnormalsPowersOfTwoAndPowersOfTenAndTheirNeighbours() {
        for (long k = 1; k <= 10_000; k++) {
            assertRoundTrips(Double.longBitsToDouble(k));
            assertRoundTrips(Double.longBitsToDouble((1L << 52) - k));
        }
        for (int e = -1074; e <= 1023; e++) {
            double power = Math.scalb(1.0, e);
            assertRoundTrips(power);
            assertRoundTrips(Math.nextDown(power));
            assertRoundTrips(Math.nextUp(power));
        }
        for (int e = -323; e <= 308; e++) {
            double power = Double.parseDouble("1e" + e);
            assertRoundTrips(power);
            assertRoundTrips(Math.nextDown(power));
            assertRoundTrips(Math.nextUp(power));
        }
    }

    @Test
    void fastPathAgreesWithTheExactSearchWheneverItAnswers() {
        SplittableRandom random = new SplittableRandom(3);
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            double magnitude = Math.abs(i % 2 == 0 ? logUniform(random) : random.nextGaussian());
            DoubleText.Decimal fast = DoubleText.fastShortest(magnitude);
            if (fast != null) {
                answered++;
                assertThat(fast).as("%s", magnitude).isEqualTo(DoubleText.exactShortest(magnitude));
            }
        }
        assertThat(answered).as("values the fast path answered").isGreaterThan(150_000);
    }

    @Test
    void fastPathAnswersEveryGaussianWeightOfUsualSize() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 10_000; i++) {
            double magnitude = Math.abs(random.nextGaussian()) + 1e-6;
            assertThat(DoubleText.fastShortest(magnitude)).as("%s", magnitude).isNotNull();
        }
    }

    @Test
    void equalsDoubleToStringOnJdk19AndLater() {
        assumeTrue(JDK_19_OR_LATER, "Double.toString follows the shortest-decimal specification from JDK 19");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 3) {
                case 0 -> randomBits(random);
                case 1 -> logUniform(random);
                default -> random.nextGaussian();
            };
            assertThat(DoubleText.of(value)).as("bits %x", Double.doubleToRawLongBits(value))
                    .isEqualTo(Double.toString(value));
        }
        for (double value : DoubleTextFixtureGenerator.values()) {
            assertThat(DoubleText.of(value)).as("bits %x", Double.doubleToRawLongBits(value))
                    .isEqualTo(Double.toString(value));
        }
    }

    @Test
    void equalsTheJdk25StringsOfTheCommittedFixtureOnEveryJdk() throws IOException {
        List<String[]> pairs = fixture();
        assertThat(pairs).hasSize(DoubleTextFixtureGenerator.values().size());
        for (String[] pair : pairs) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(pair[0], 16));
            assertThat(DoubleText.of(value)).as("bits %s", pair[0]).isEqualTo(pair[1]);
        }
    }

    @Test
    void fixtureHoldsTheCasesJdk17PrintsDifferently() throws IOException {
        int differing = 0;
        for (String[] pair : fixture()) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(pair[0], 16));
            if (!Double.toString(value).equals(pair[1])) {
                differing++;
            }
        }
        if (JDK_19_OR_LATER) {
            assertThat(differing).isZero();
        } else {
            assertThat(differing).as("fixture values JDK 17 writes differently").isGreaterThan(500);
        }
    }

    private static List<String[]> fixture() throws IOException {
        List<String[]> pairs = new ArrayList<>();
        try (InputStream in = DoubleTextTest.class.getResourceAsStream("double-text-jdk25.txt")) {
            assertThat(in).as("fixture double-text-jdk25.txt").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#")) {
                    pairs.add(line.split(" "));
                }
            }
        }
        return pairs;
    }
}
