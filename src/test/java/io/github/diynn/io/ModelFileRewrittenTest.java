package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A model file changed by a tool is refused with the reason: converted line ends, or a re-indented layout. */
class ModelFileRewrittenTest {

    private static ModelFormatException refusal(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return catchThrowableOfType(ModelFormatException.class,
                () -> ModelFile.read(new ByteArrayInputStream(bytes), "model.json"));
    }

    private static String saved() {
        return new String(ModelFile.toBytes(TestModels.scaled()), StandardCharsets.US_ASCII);
    }

    /** Doubles every indentation, as Python's json.dump(indent=4) lays out what diynn wrote with 2. */
    private static String reindented(String text) {
        Matcher indent = Pattern.compile("(?m)^( +)").matcher(text);
        return indent.replaceAll(match -> match.group(1) + match.group(1));
    }

    @Test
    void crlfLineEndsAreNamedWithTheOffsetOfTheFirstCarriageReturn() {
        ModelFormatException refusal = refusal(saved().replace("\n", "\r\n"));

        assertThat(refusal).hasMessageStartingWith("model.json:1:2: line ends were converted to CRLF (for example by"
                + " git's autocrlf): the first carriage return is at offset 1")
                .hasMessageContaining("model files must be byte-exact: mark *.json model files as binary in"
                        + " .gitattributes");
        assertThat(refusal.offset()).isEqualTo(1);
    }

    @Test
    void aReindentedFileIsToldSoAtTheFirstLineThatDiffers() {
        ModelFormatException refusal = refusal(reindented(saved()));

        assertThat(refusal).hasMessageStartingWith("model.json:2:5: the file looks re-indented or rewritten by a JSON"
                + " tool; model files must be byte-exact:")
                .hasMessageContaining("here: an indentation of 4 spaces where diynn writes 2");
        assertThat(refusal.line()).isEqualTo(2);
    }

    @Test
    void aReindentedFileWithoutItsFinalLineFeedIsToldSoTooNotJustThatTheLineFeedIsMissing() {
        String text = reindented(saved());

        assertThat(refusal(text.substring(0, text.length() - 1)))
                .hasMessageContaining("the file looks re-indented or rewritten by a JSON tool")
                .hasMessageContaining("; then at line 54, column 2: expected a line feed at the end of the file");
    }

    @Test
    void aCompactedFileIsToldSoAtTheFirstColonWithoutASpace() {
        String compact = saved().replaceAll("\n *", "").replace(": ", ":").replace(", ", ",") + "\n";

        assertThat(refusal(compact)).hasMessageStartingWith("model.json:1:11: the file looks re-indented or rewritten")
                .hasMessageContaining("here: no space after ':' where diynn writes one space");
    }

    @Test
    void aReindentedVersion1FileIsToldSoToo() throws IOException {
        String v1 = new String(ModelFileVersionTest.version1Example(), StandardCharsets.US_ASCII);

        assertThat(refusal(reindented(v1))).hasMessageStartingWith("model.json:2:5: the file looks re-indented");
    }

    @Test
    void anEditedValueInTheWritersLayoutIsStillACorruptOrEditedFile() throws IOException {
        String v2 = saved().replaceFirst("\"bias\": \\[0.25", "\"bias\": [0.26");
        String v1 = new String(ModelFileVersionTest.version1Example(), StandardCharsets.US_ASCII)
                .replace("[0.5, -1.25, 2.0]", "[0.6, -1.25, 2.0]");

        for (String edited : new String[] {v2, v1}) {
            assertThat(refusal(edited)).hasMessageContaining("checksum mismatch: the file declares sha256")
                    .hasMessageContaining("the file is corrupt or was edited")
                    .hasMessageNotContaining("re-indented").hasMessageNotContaining("CRLF");
        }
    }

    @Test
    void aRemovedFinalLineFeedInTheWritersLayoutKeepsItsPlainMessage() {
        String text = saved();

        assertThat(refusal(text.substring(0, text.length() - 1))).hasMessageEndingWith("expected a line feed at the"
                + " end of the file (the file ends with '\"', a line feed, '}' and a line feed) but found the end of"
                + " the input");
    }
}
