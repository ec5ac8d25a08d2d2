package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelInputTest {

    private static ModelInput input(String text, long maxBytes) {
        return new ModelInput(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "t", maxBytes);
    }

    @Test
    void aFileLongerThanTheLimitIsRefusedAtTheFirstByteBeyondIt() throws IOException {
        ModelInput input = input(" ".repeat(100), 50);
        for (int k = 0; k < 50; k++) {
            input.read();
        }

        assertThatThrownBy(input::read).isInstanceOf(ModelFormatException.class)
                .hasMessage("t:1:51: the file is longer than the limit of 50 bytes");
    }

    @Test
    void theDigestCoversExactlyTheBytesConsumed() throws Exception {
        ModelInput input = input("{ \"a\"", 1 << 20);
        input.read();
        input.read();
        input.peek();

        byte[] digest = input.finishDigest();

        assertThat(digest).isEqualTo(ModelWriter.sha256("{ ".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theDigestSpansBufferRefills() throws Exception {
        String text = "x".repeat(20_000) + "tail";
        ModelInput input = input(text, 1 << 20);
        for (int k = 0; k < 20_000; k++) {
            input.read();
        }

        byte[] digest = input.finishDigest();

        assertThat(digest).isEqualTo(ModelWriter.sha256("x".repeat(20_000).getBytes(StandardCharsets.US_ASCII)));
        assertThat((char) input.read()).isEqualTo('t');
    }

    @Test
    void startsWithLooksWithoutConsuming() throws IOException {
        ModelInput input = input("{\"", 10);

        assertThat(input.startsWith(new byte[] {'{', '"'})).isTrue();
        assertThat(input.startsWith(new byte[] {'['})).isFalse();
        assertThat(input.startsWith(new byte[] {'{', '"', 'f'})).isFalse();
        assertThat(input.read()).isEqualTo('{');
        assertThat(input.position()).isEqualTo(new ModelInput.Position(1, 2, 1));
    }

    @Test
    void bytesOutsidePrintableAsciiAreRefusedAtTheirPosition() throws IOException {
        for (int bad : new int[] {0x00, 0x08, 0x7F, 0x80, 0xFF}) {
            ModelInput input = input("ab\n" + (char) bad, 10);
            input.read();
            input.read();
            input.read();

            assertThatThrownBy(input::read).as("0x%02X", bad).isInstanceOf(ModelFormatException.class)
                    .hasMessage("t:2:1: byte 0x" + ModelInput.hex(bad) + " is not printable ASCII; a diynn model file"
                            + " is ASCII text");
        }
    }

    @Test
    void linesAndColumnsCountFromOneAndALineFeedStartsALine() throws IOException {
        ModelInput input = input("a\r\n\tb", 10);
        for (int k = 0; k < 4; k++) {
            input.read();
        }

        assertThat(input.position()).isEqualTo(new ModelInput.Position(2, 2, 4));
        assertThat(input.errorHere("here")).hasMessage("t:2:2: here");
    }
}
