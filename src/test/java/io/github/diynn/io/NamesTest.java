package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void checkedReturnsAnImmutableCopy() {
        List<String> names = new ArrayList<>(List.of("a", "b"));

        List<String> checked = Names.checked(names, "input names");
        names.add("c");

        assertThat(checked).containsExactly("a", "b");
        assertThatThrownBy(() -> checked.add("d")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void checkedAcceptsNamesUpToTheLimitAndAnyCharacters() {
        String longest = "\u00e9".repeat(SavedModel.MAX_NAME_LENGTH);

        assertThat(Names.checked(List.of(longest, "a b", "\"q\""), "labels")).containsExactly(longest, "a b", "\"q\"");
    }

    @Test
    void mismatchNamesTheFirstDifferenceThenMissingAndExtra() {
        assertThat(Names.mismatch(List.of("a", "b", "c"), List.of("a", "x", "c", "y")))
                .isEqualTo("the data set's columns [a, x, c, y] do not match the model's inputs [a, b, c]: column 1 is"
                        + " \"x\" where the model expects \"b\"; missing [b], extra [x, y]");
    }
}
