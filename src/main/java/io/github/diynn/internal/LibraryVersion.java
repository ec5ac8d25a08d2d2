package io.github.diynn.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The library's own version, read once from {@code diynn.properties} beside this class, which the
 * build fills in from the pom's {@code <version>} (Maven resource filtering), so no source file
 * repeats the version.
 *
 * <p>This package is not exported by the module: it is the library's own, not API.
 */
public final class LibraryVersion {

    /** The resource, next to this class in the jar (this package is the module's own, so no {@code opens}). */
    static final String RESOURCE = "diynn.properties";

    /** The version of this build, for example {@code "0.1.0-SNAPSHOT"}. */
    public static final String VALUE = read(LibraryVersion.class.getResourceAsStream(RESOURCE), RESOURCE);

    private LibraryVersion() {
    }

    /**
     * Reads the {@code version} property from a stream and closes it.
     *
     * @param in the stream, or null when the resource is missing
     * @param source the stream's name for messages
     * @return the version, not empty
     * @throws IllegalStateException if the stream is null, has no {@code version}, or was not filtered
     *     by the build (still {@code ${project.version}})
     * @throws UncheckedIOException if reading fails
     */
    static String read(InputStream in, String source) {
        if (in == null) {
            throw new IllegalStateException(source + " is missing from the class path: the diynn jar is incomplete");
        }
        Properties properties = new Properties();
        try (in) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        String version = properties.getProperty("version", "").strip();
        if (version.isEmpty() || version.contains("${")) {
            throw new IllegalStateException(source + " has no version filled in by the build, got '" + version + "'");
        }
        return version;
    }
}
