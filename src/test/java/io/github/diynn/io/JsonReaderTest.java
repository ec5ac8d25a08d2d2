package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    private static JsonReader reader(String text) {
        return new JsonReader(input(text, 1 << 20));
    }

    private static ModelInput input(String text, long maxBytes) {
        return new ModelInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "t", maxBytes);
    }

    @Test
    void numbersInJsonGrammarReadToTheDoubleThatParseDoubleGives() throws IOException {
        String[] numbers = {"0", "-0", "-0.0", "1.5", "1e3", "1E+3", "2.5e-3", "4.9E-324", "1.7976931348623157E308",
            "123456789012345678", "0.1"};
        for (String number : numbers) {
            assertThat(Double.doubleToRawLongBits(reader(number).readDouble("x")))
                    .as(number).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(number)));
        }
    }

    @Test
    void numbersOutsideJsonGrammarAreRefused() {
        String[] bad = {"", "-", "+1", ".5", "01", "-01", "1.", "1.e3", "1e", "1e+", "NaN", "-Infinity", "1e400",
            "-1e400"};
        for (String number : bad) {
            assertThatThrownBy(() -> reader(number + " ").readDouble("x")).as(number)
                    .isInstanceOf(ModelFormatException.class);
        }
    }

    @Test
    void integersAreRangeCheckedWithoutOverflow() throws IOException {
        assertThat(reader("65536").readInteger("size", 1, 65536)).isEqualTo(65536);
        assertThatThrownBy(() -> reader("65537").readInteger("size", 1, 65536))
                .hasMessage("t:1:1: size is 65537; it must lie in [1, 65536]");
        assertThatThrownBy(() -> reader("9223372036854775808").readInteger("size", 1, 65536))
                .hasMessageContaining("size is too large");
        assertThatThrownBy(() -> reader("1.0").readInteger("size", 1, 65536))
                .hasMessageContaining("fraction or exponent");
        assertThatThrownBy(() -> reader("007").readInteger("size", 1, 65536)).hasMessageContaining("leading zero");
    }

    @Test
    void stringEscapesDecode() throws IOException {
        assertThat(reader("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"").readString(100, "s"))
                .isEqualTo("a\"b\\c/d\b\f\n\r\t\u00e9\ud83d\ude00");
    }

    @Test
    void badStringsAreRefused() {
        assertThatThrownBy(() -> reader("\"a\\x\"").readString(10, "s")).hasMessageContaining("invalid escape \\x");
        assertThatThrownBy(() -> reader("\"\\u00g0\"").readString(10, "s")).hasMessageContaining("hex digit");
        assertThatThrownBy(() -> reader("\"a\tb\"").readString(10, "s")).hasMessageContaining("control byte 0x09");
        assertThatThrownBy(() -> reader("\"abc").readString(10, "s")).hasMessageContaining("end of input");
        assertThatThrownBy(() -> reader("\"abcdef\"").readString(5, "s"))
                .hasMessageContaining("longer than the limit of 5 characters");
    }

    @Test
    void positionsCountLinesAndColumnsFromOneAndTreatCrlfAsOneLineEnd() {
        ModelFormatException refusal = org.assertj.core.api.Assertions.catchThrowableOfType(ModelFormatException.class,
                () -> reader("\r\n  \n\t x").expect('{', "to open"));

        assertThat(refusal.line()).isEqualTo(3);
        assertThat(refusal.column()).isEqualTo(3);
        assertThat(refusal.offset()).isEqualTo(7);
        assertThat(refusal).hasMessage("t:3:3: expected '{' to open but found 'x'");
    }
}
