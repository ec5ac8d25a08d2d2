package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The library never uses Java serialization (CWE-502): no source mentions its machinery. */
class NoJavaSerializationTest {

    private static final Pattern SERIALIZATION = Pattern.compile(
            "ObjectInputStream|ObjectOutputStream|implements\\s+[^{]*Serializable|readObject|writeObject|readResolve");

    @Test
    void noMainSourceUsesJavaSerialization() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return SERIALIZATION.matcher(Files.readString(p, StandardCharsets.UTF_8)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toList());
        }

        assertThat(offenders).isEmpty();
    }

    @Test
    void thePatternRecognisesSerializationCode() {
        assertThat(SERIALIZATION.matcher("new ObjectInputStream(in).readObject()").find()).isTrue();
        assertThat(SERIALIZATION.matcher("final class Model implements Cloneable, Serializable {").find()).isTrue();
        assertThat(SERIALIZATION.matcher("ModelFile.read(in, name)").find()).isFalse();
    }
}
