package io.github.diynn.io;

import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Saves and loads {@link SavedModel}s in the diynn model format, version 1: readable JSON, checked
 * on load, and written atomically. {@code docs/model-format.md} specifies the format.
 *
 * <p><b>Saving</b> writes canonical ASCII bytes: the same model gives the same bytes under every
 * default locale. {@link #save(SavedModel, Path)} never leaves a partial file: it writes a temporary
 * file beside the target, forces it to disk, then renames it over the target in one atomic step.
 *
 * <p><b>Loading</b> is strict and checks before it allocates: the format name, the version (a newer
 * one is refused, naming both), every size against the limits below and against the sizes already
 * read, chained layer sizes, known activation names, scalers that fit the network, the exact number
 * of values, finite values, the SHA-256 checksum, and that nothing follows the document. A Java
 * serialization stream is refused as "not a diynn model". Every refusal is a
 * {@link ModelFormatException} naming the source, line and column.
 *
 * <pre>{@code
 * ModelFile.save(model, Path.of("model.json"));                       // atomic
 * SavedModel loaded = ModelFile.load(Path.of("model.json"));          // strict
 * SavedModel shipped = ModelFile.loadResource(App.class.getClassLoader(), "models/model.json");
 * }</pre>
 *
 * <p>All methods are static and stateless, so they are safe to call from any thread.
 */
public final class ModelFile {

    /** The value of the {@code "format"} member that identifies a diynn model file. */
    public static final String FORMAT_NAME = "diynn-model";

    /** The format version this library writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /** The diynn version written into {@link ModelMetadata#libraryVersion()}. */
    public static final String LIBRARY_VERSION = "0.1.0-SNAPSHOT";

    /** The most layers a loaded network may have. */
    public static final int MAX_LAYERS = 1024;

    /** The largest input or output size of a loaded layer. */
    public static final int MAX_LAYER_SIZE = 65_536;

    /** The most parameters (weights and biases) a loaded network may have: 2^24, 128 MiB of doubles. */
    public static final int MAX_PARAMETERS = 1 << 24;

    /** The longest file accepted, in bytes: 1 GiB. */
    public static final long MAX_FILE_BYTES = 1L << 30;

    /** The name of the last member, the SHA-256 of every byte before its opening quote. */
    static final String CHECKSUM_MEMBER = "sha256";

    private static final int TEMP_NAME_ATTEMPTS = 100;

    /** The most characters of the target's name kept in a temporary file's name. */
    private static final int TEMP_NAME_PREFIX = 32;

    private ModelFile() {
    }

    /**
     * Returns the file's bytes for a model: ASCII JSON ending in a line feed.
     *
     * <p>A network the loader would refuse is refused here, so that a model that saves always loads:
     * at most {@link #MAX_LAYERS} layers, layer sizes up to {@link #MAX_LAYER_SIZE} and at most
     * {@link #MAX_PARAMETERS} parameters.
     *
     * @param model the model
     * @return a new array, identical for equal models under every default locale
     * @throws IllegalArgumentException if {@code model} is null or its network exceeds a limit above
     *     (the layer, the size and the limit named)
     */
    public static byte[] toBytes(SavedModel model) {
        if (model == null) {
            throw new IllegalArgumentException("model is null");
        }
        requireWithinLimits(model.network());
        return ModelWriter.encode(model);
    }

    /** Refuses a network that {@link #load(Path)} would refuse for its size. */
    private static void requireWithinLimits(Network network) {
        int layers = network.layers().size();
        if (layers > MAX_LAYERS) {
            throw new IllegalArgumentException("the network has " + layers + " layers, above the limit of "
                    + MAX_LAYERS + " a model file may hold");
        }
        for (int l = 0; l < layers; l++) {
            DenseLayer layer = network.layers().get(l);
            requireLayerSize(l, "inputSize", layer.inputSize());
            requireLayerSize(l, "outputSize", layer.outputSize());
        }
        if (network.parameterCount() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the network has " + network.parameterCount()
                    + " parameters, above the limit of " + MAX_PARAMETERS + " a model file may hold");
        }
    }

    private static void requireLayerSize(int layer, String name, int size) {
        if (size > MAX_LAYER_SIZE) {
            throw new IllegalArgumentException("layer " + layer + " " + name + " " + size + " is above the limit of "
                    + MAX_LAYER_SIZE + " a model file may hold");
        }
    }

    /**
     * Writes a model to a stream, then flushes the stream; does not close it.
     *
     * @param model the model
     * @param out the stream to write to
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if an argument is null or the network exceeds a limit of
     *     {@link #toBytes(SavedModel)}
     */
    public static void write(SavedModel model, OutputStream out) throws IOException {
        if (out == null) {
            throw new IllegalArgumentException("output stream is null");
        }
        out.write(toBytes(model));
        out.flush();
    }

    /**
     * Saves a model to a file atomically: either the whole new file is in place afterwards, or the
     * previous file (if any) is untouched.
     *
     * <p>The bytes go to a new temporary file {@code .<name>.<hex>.tmp} in the target's directory
     * ({@code <name>} is the target's name cut to 32 characters, so that the temporary name stays
     * within the file system's limit), which is flushed and forced to the device
     * ({@link FileChannel#force(boolean)}), then moved over
     * the target with {@link StandardCopyOption#ATOMIC_MOVE}. If the file system cannot move
     * atomically, the move falls back to {@link StandardCopyOption#REPLACE_EXISTING}, which is not
     * atomic: a crash during it can leave no file or a partial one, which {@link #load(Path)} then
     * refuses by its checksum. Finally the directory is
     * forced where the platform allows it, so the rename itself survives a crash. On any failure the
     * temporary file is deleted and the exception rethrown.
     *
     * @param model the model
     * @param target the file to create or replace; its directory must exist
     * @throws IOException if writing, forcing or moving fails; the target is then unchanged
     * @throws IllegalArgumentException if an argument is null or the network exceeds a limit of
     *     {@link #toBytes(SavedModel)}; nothing is written
     */
    public static void save(SavedModel model, Path target) throws IOException {
        byte[] bytes = toBytes(model);
        saveAtomically(target, out -> out.write(bytes));
    }

    /** Writes content to a file atomically; package-private so that tests can inject a failing writer. */
    static void saveAtomically(Path target, Content content) throws IOException {
        if (target == null) {
            throw new IllegalArgumentException("target path is null");
        }
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("target " + target + " is not a file in a directory");
        }
        Path temp = createTemp(directory, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        forceDirectory(directory);
    }

    private static Path createTemp(Path directory, String name) throws IOException {
        String prefix = name.codePoints().limit(TEMP_NAME_PREFIX)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        long stamp = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            Path temp = directory.resolve("." + prefix + "." + Long.toHexString(stamp + attempt) + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == TEMP_NAME_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Forces a directory's entries to disk; platforms that cannot open a directory skip this. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The move has happened; a platform without directory sync (Windows) gives no further guarantee.
        }
    }

    /**
     * Loads a model from a file.
     *
     * @param path the file
     * @return the model
     * @throws ModelFormatException if the file is not a valid diynn model (source, line and column named)
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if {@code path} is null
     */
    public static SavedModel load(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("model path is null");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return ModelReader.decode(in, path.toString());
        }
    }

    /**
     * Reads a model from a stream, which must end where the document ends; does not close it.
     *
     * @param in the stream
     * @param sourceName the name used in error messages, for example a URL or file name
     * @return the model
     * @throws ModelFormatException if the stream does not hold a valid diynn model (source, line and
     *     column named)
     * @throws IOException if reading the stream fails
     * @throws IllegalArgumentException if an argument is null
     */
    public static SavedModel read(InputStream in, String sourceName) throws IOException {
        if (in == null || sourceName == null) {
            throw new IllegalArgumentException("reading a model needs a stream and a source name, got " + in
                    + " and " + sourceName);
        }
        return ModelReader.decode(in, sourceName);
    }

    /**
     * Loads a model from a class-path resource, as an application ships it inside its jar.
     *
     * <p>The name is resolved by {@link ClassLoader#getResourceAsStream(String)}: it has no leading
     * slash ({@code "models/price.json"}). A resource inside a package of a named module is found only
     * if that package is opened; a resource in a folder that is not a package (as in the example name)
     * is always found. Error messages name the source {@code classpath:<name>}.
     *
     * @param loader the class loader to search, for example {@code MyApp.class.getClassLoader()}
     * @param name the resource name
     * @return the model
     * @throws NoSuchFileException if the loader finds no such resource
     * @throws ModelFormatException if the resource is not a valid diynn model
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if an argument is null
     */
    public static SavedModel loadResource(ClassLoader loader, String name) throws IOException {
        if (loader == null || name == null) {
            throw new IllegalArgumentException("loading a resource needs a class loader and a name, got " + loader
                    + " and " + name);
        }
        String source = "classpath:" + name;
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new NoSuchFileException(source, null, "no such resource visible to " + loader);
            }
            return ModelReader.decode(in, source);
        }
    }

    /** The bytes of a file being saved, written to the temporary file's stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
