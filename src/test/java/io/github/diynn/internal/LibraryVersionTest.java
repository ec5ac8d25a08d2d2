package io.github.diynn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.io.ModelFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LibraryVersionTest {

    private static ByteArrayInputStream text(String properties) {
        return new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theVersionIsThePomsAsTheBuildFilledItIn() {
        String pomVersion = System.getProperty("diynn.pomVersion");
        assertThat(pomVersion).as("surefire passes the pom's version").isNotBlank().doesNotContain("${");
        assertThat(LibraryVersion.VALUE).isEqualTo(pomVersion);
        assertThat(ModelFile.LIBRARY_VERSION).isSameAs(LibraryVersion.VALUE);
    }

    @Test
    void readsTheVersionProperty() {
        assertThat(LibraryVersion.read(text("# comment\nversion = 1.2.3\n"), "t")).isEqualTo("1.2.3");
    }

    @Test
    void aMissingUnfilledOrEmptyVersionIsRefusedNamingTheResource() {
        assertThatThrownBy(() -> LibraryVersion.read(null, "diynn.properties"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("diynn.properties is missing");
        assertThatThrownBy(() -> LibraryVersion.read(text("version=${project.version}\n"), "p"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("${project.version}");
        assertThatThrownBy(() -> LibraryVersion.read(text("other=1\n"), "p"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("p has no version");
    }
}
