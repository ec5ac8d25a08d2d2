package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourcesTest {

    @Test
    void aNameResolvesAsClassGetResourceAsStreamResolvesIt() {
        assertThat(Resources.absoluteName(ResourcesTest.class, "/META-INF/models/m.json"))
                .isEqualTo("META-INF/models/m.json");
        assertThat(Resources.absoluteName(ResourcesTest.class, "m.json")).isEqualTo("io/github/diynn/io/m.json");
        assertThat(Resources.absoluteName(ResourcesTest[].class, "m.json")).isEqualTo("io/github/diynn/io/m.json");
        assertThat(Resources.absoluteName(int.class, "m.json")).as("java.lang").isEqualTo("java/lang/m.json");
    }

    @Test
    void thePackageOfAResourceIsItsFolder() {
        assertThat(Resources.packageOf("models/m.json")).isEqualTo("models");
        assertThat(Resources.packageOf("com/example/m.json")).isEqualTo("com.example");
        assertThat(Resources.packageOf("m.json")).isEmpty();
    }

    @Test
    void aMissingResourceOnTheClassPathIsExplainedByItsResolvedName() {
        assertThat(Resources.whyNotFound(ResourcesTest.class, "io/github/diynn/io/absent.json"))
                .isEqualTo("no such resource in the class path of io.github.diynn.io.ResourcesTest's class loader (the"
                        + " name was resolved to io/github/diynn/io/absent.json; a name without a leading / is relative"
                        + " to the anchor's package)");
        assertThat(Resources.whyNotFound(ResourcesTest.class.getClassLoader(), "models/absent.json"))
                .startsWith("no such resource visible to ");
    }
}
