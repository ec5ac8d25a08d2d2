package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelMetadataTest {

    @Test
    void ofNamesThisLibraryVersion() {
        ModelMetadata metadata = ModelMetadata.of(TestModels.CREATED, "summary");

        assertThat(metadata.libraryVersion()).isEqualTo(ModelFile.LIBRARY_VERSION);
        assertThat(metadata.createdAt()).isEqualTo(TestModels.CREATED);
        assertThat(metadata.trainingSummary()).isEqualTo("summary");
    }

    @Test
    void nullFieldsAreRefused() {
        assertThatThrownBy(() -> new ModelMetadata(null, TestModels.CREATED, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("libraryVersion null");
        assertThatThrownBy(() -> ModelMetadata.of(null, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("createdAt null");
        assertThatThrownBy(() -> ModelMetadata.of(TestModels.CREATED, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trainingSummary null");
    }

    @Test
    void lengthsOutsideTheLimitsAreRefusedNamingTheLength() {
        assertThatThrownBy(() -> new ModelMetadata("", TestModels.CREATED, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new ModelMetadata("v".repeat(65), TestModels.CREATED, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64 characters, got 65");
        assertThatThrownBy(() -> ModelMetadata.of(TestModels.CREATED, "s".repeat(4097)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 4096 characters, got 4097");
    }

    @Test
    void summaryAtTheLimitRoundTripsAndOneMoreInAFileIsRefused() throws IOException {
        String longest = "\u00e9".repeat(ModelMetadata.MAX_SUMMARY_LENGTH);
        SavedModel model = SavedModel.of(TestModels.small().network(), ModelMetadata.of(TestModels.CREATED, longest));

        assertThat(ModelFile.read(new ByteArrayInputStream(ModelFile.toBytes(model)), "m").metadata().trainingSummary())
                .isEqualTo(longest);

        byte[] tooLong = TestModels.withChecksum(TestModels.bodyReplacing(TestModels.small(), "\"fixture\"",
                "\"" + "s".repeat(4097) + "\""));
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(tooLong), "m"))
                .isExactlyInstanceOf(ModelFormatException.class)
                .hasMessageContaining("trainingSummary is longer than the limit of 4096 characters");
    }

    @Test
    void aCreationTimeThatIsNotAnInstantIsRefused() {
        byte[] bad = TestModels.withChecksum(TestModels.bodyReplacing(TestModels.small(), "2026-11-28T12:00:00Z",
                "28.11.2026 12:00"));

        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(bad), "m"))
                .isExactlyInstanceOf(ModelFormatException.class)
                .hasMessageContaining("createdAt \"28.11.2026 12:00\" is not an ISO-8601 instant");
    }

    @Test
    void equalityIsExact() {
        Instant later = TestModels.CREATED.plusNanos(1);

        assertThat(ModelMetadata.of(TestModels.CREATED, "a")).isEqualTo(ModelMetadata.of(TestModels.CREATED, "a"))
                .hasSameHashCodeAs(ModelMetadata.of(TestModels.CREATED, "a"))
                .isNotEqualTo(ModelMetadata.of(later, "a"))
                .isNotEqualTo(ModelMetadata.of(TestModels.CREATED, "b"));
    }
}
