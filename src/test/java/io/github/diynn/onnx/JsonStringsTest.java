package io.github.diynn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

    @Test
    void encodesAJsonArrayOfStrings() {
        assertThat(JsonStrings.encode(List.of("a", "b \"c\"", "d\\e", "tab\t"))).isEqualTo(
                "[\"a\", \"b \\\"c\\\"\", \"d\\\\e\", \"tab\\u0009\"]");
        assertThat(JsonStrings.encode(List.of())).isEqualTo("[]");
    }

    @Test
    void decodesWhatItEncodesAndStandardEscapes() {
        List<String> names = List.of("sepal length", "\u00e9t\u00e9", "\"q\"", "\\", "\n");
        assertThat(JsonStrings.decode(JsonStrings.encode(names))).isEqualTo(names);
        assertThat(JsonStrings.decode("[\"a\\/b\",\"\\u0041\"]")).containsExactly("a/b", "A");
        assertThat(JsonStrings.decode(" [ ] ")).isEmpty();
    }

    @Test
    void refusesAnythingElseNamingThePosition() {
        assertThatThrownBy(() -> JsonStrings.decode("[\"a\", 1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected '\"' at character 6");
        assertThatThrownBy(() -> JsonStrings.decode("[\"a\"")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected ',' at character 4");
        assertThatThrownBy(() -> JsonStrings.decode("[\"a] ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> JsonStrings.decode("[\"\\x\"]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad escape \\x");
        assertThatThrownBy(() -> JsonStrings.decode("[] x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected text after the array");
    }
}
