package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random edits of a model's body, re-checksummed so that they reach the strict parser and the
 * model's own validation: each edited file either loads or is refused with the library's exception.
 */
class ModelFileMutationTest {

    private static final String BODY;

    static {
        String text = new String(ModelFile.toBytes(TestModels.scaled()), StandardCharsets.US_ASCII);
        BODY = text.substring(0, text.lastIndexOf("\"sha256\""));
    }

    /** Bytes a JSON edit is likely to need: structure, digits, signs, letters of literals. */
    private static final String ALPHABET = "{}[],:\" \n0123456789-+.eEtrufalsn\\x";

    private static String mutate(String body, SplittableRandom random) {
        StringBuilder edited = new StringBuilder(body);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(edited.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> edited.setCharAt(at, c);
                case 1 -> edited.insert(at, c);
                default -> edited.deleteCharAt(at);
            }
        }
        return edited.toString();
    }

    @Test
    void everyReChecksummedEditEitherLoadsOrIsRefusedWithModelFormatException() {
        SplittableRandom random = new SplittableRandom(55);
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            String body = mutate(BODY, random);
            byte[] bytes = TestModels.withChecksum(body);

            Throwable failure = catchThrowable(() -> ModelFile.read(new ByteArrayInputStream(bytes), "mutant"));

            if (failure != null) {
                assertThat(failure).as("trial %d:\n%s", trial, body).isExactlyInstanceOf(ModelFormatException.class);
                refused++;
            }
        }
        // Most random edits break the strict grammar; a few (a changed digit) still load.
        assertThat(refused).isBetween(2000, 2999);
    }

    @Test
    void editsThatLoadGiveAModelThatSavesAndLoadsAgainUnchanged() throws Exception {
        SplittableRandom random = new SplittableRandom(56);
        int loaded = 0;
        for (int trial = 0; trial < 3000 && loaded < 50; trial++) {
            byte[] bytes = TestModels.withChecksum(mutate(BODY, random));
            SavedModel model;
            try {
                model = ModelFile.read(new ByteArrayInputStream(bytes), "mutant");
            } catch (ModelFormatException refused) {
                continue;
            }
            loaded++;
            assertThat(ModelFile.read(new ByteArrayInputStream(ModelFile.toBytes(model)), "again")).isEqualTo(model);
        }
        assertThat(loaded).isEqualTo(50);
    }
}
