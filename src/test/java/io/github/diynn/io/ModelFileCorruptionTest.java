package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.diynn.core.Network;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every damaged copy of a valid file is refused with the library's own exception. */
class ModelFileCorruptionTest {

    private static final byte[] VALID = ModelFile.toBytes(TestModels.scaled());

    private static Throwable loadFailure(byte[] bytes) {
        return catchThrowable(() -> ModelFile.read(new ByteArrayInputStream(bytes), "damaged.json"));
    }

    @Test
    void theUndamagedFixtureLoads() {
        assertThat(loadFailure(VALID)).isNull();
    }

    @Test
    void truncatingAtEveryByteOffsetIsRefusedWithModelFormatException() {
        for (int length = 0; length < VALID.length; length++) {
            Throwable failure = loadFailure(Arrays.copyOf(VALID, length));

            assertThat(failure).as("truncated to %d of %d bytes", length, VALID.length)
                    .isExactlyInstanceOf(ModelFormatException.class)
                    .hasMessageStartingWith("damaged.json:");
            assertThat(((ModelFormatException) failure).offset()).as("truncated to %d", length).isLessThanOrEqualTo(length);
        }
    }

    @Test
    void truncatingTwentySeededRandomModelsAtEveryOffsetIsRefusedWithModelFormatException() {
        SplittableRandom random = new SplittableRandom(35);
        for (int trial = 0; trial < 20; trial++) {
            Network network = TestModels.randomNetwork(random);
            SavedModel model = SavedModel.of(network, ModelMetadata.of(TestModels.CREATED, "trial " + trial))
                    .withInputScaler(TestModels.randomScaler(random, network.inputSize()));
            byte[] valid = ModelFile.toBytes(model);
            for (int length = 0; length < valid.length; length++) {
                assertThat(loadFailure(Arrays.copyOf(valid, length)))
                        .as("trial %d truncated to %d of %d bytes", trial, length, valid.length)
                        .isExactlyInstanceOf(ModelFormatException.class);
            }
            assertThat(loadFailure(valid)).as("trial %d whole", trial).isNull();
        }
    }

    @Test
    void changingAnySingleByteInAnyWayIsRefused() {
        int[] masks = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF, 0x29};
        for (int offset = 0; offset < VALID.length; offset++) {
            for (int mask : masks) {
                byte[] damaged = VALID.clone();
                damaged[offset] ^= (byte) mask;

                assertThat(loadFailure(damaged)).as("byte %d xor 0x%s", offset, Integer.toHexString(mask))
                        .isExactlyInstanceOf(ModelFormatException.class);
            }
        }
    }

    @Test
    void replacingAnyByteOfTheChecksumLineAndEndingByAnyOtherValueIsRefused() {
        String text = new String(VALID, java.nio.charset.StandardCharsets.US_ASCII);
        int start = text.lastIndexOf('\n', text.lastIndexOf("\"sha256\"")) + 1;
        for (int offset = start; offset < VALID.length; offset++) {
            for (int value = 0; value < 256; value++) {
                if (value == (VALID[offset] & 0xFF)) {
                    continue;
                }
                byte[] damaged = VALID.clone();
                damaged[offset] = (byte) value;

                assertThat(loadFailure(damaged)).as("byte %d set to 0x%s", offset, Integer.toHexString(value))
                        .isExactlyInstanceOf(ModelFormatException.class);
            }
        }
    }

    @Test
    void appendingAnyByteIsRefusedAsContentAfterTheDocument() {
        for (int b : new int[] {' ', '\n', '\r', '\t', '{', '0', 0x00, 0xFF}) {
            byte[] longer = Arrays.copyOf(VALID, VALID.length + 1);
            longer[VALID.length] = (byte) b;

            assertThat(loadFailure(longer)).as("appended 0x%s", Integer.toHexString(b))
                    .isExactlyInstanceOf(ModelFormatException.class);
        }
    }

    @Test
    void removingAnySingleByteIsRefused() {
        for (int offset = 0; offset < VALID.length; offset++) {
            byte[] shorter = new byte[VALID.length - 1];
            System.arraycopy(VALID, 0, shorter, 0, offset);
            System.arraycopy(VALID, offset + 1, shorter, offset, VALID.length - offset - 1);

            assertThat(loadFailure(shorter)).as("byte %d removed", offset)
                    .isExactlyInstanceOf(ModelFormatException.class);
        }
    }

    @Test
    void aChangedDigitThatStillParsesIsCaughtByTheChecksum() {
        String text = new String(VALID, java.nio.charset.StandardCharsets.US_ASCII);
        byte[] damaged = VALID.clone();
        int digit = text.indexOf("0.25");
        damaged[digit + 3] = '6';

        Throwable failure = loadFailure(damaged);

        assertThat(failure).isExactlyInstanceOf(ModelFormatException.class)
                .hasMessageContaining("checksum mismatch");
        ModelFormatException refusal = (ModelFormatException) failure;
        assertThat(refusal.offset()).isEqualTo(text.lastIndexOf("\"sha256\": \"") + "\"sha256\": \"".length());
    }
}
