package io.github.diynn.io;

import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.Network;
import io.github.diynn.internal.AtomicSave;
import io.github.diynn.internal.LibraryVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves and loads {@link SavedModel}s in the diynn model format, version 2 (version 1 files load
 * too): readable JSON, checked on load, and written atomically. {@code docs/model-format.md}
 * specifies the format.
 *
 * <p><b>Saving</b> writes canonical ASCII bytes: the same model gives the same bytes under every
 * default locale. {@link #save(SavedModel, Path)} never leaves a partial file: it writes a temporary
 * file beside the target, forces it to disk, then renames it over the target in one atomic step.
 *
 * <p><b>Loading</b> is strict and checks before it allocates: the format name, the version (a newer
 * one is refused, naming both), every size against the limits below and against the sizes already
 * read, chained layer sizes, known activation names, scalers and names that fit the network, the
 * exact number of values, finite values, the SHA-256 checksum, and that nothing follows the document.
 * A file whose checksum fails because a tool re-indented it or converted its line ends is told so. A
 * Java serialization stream is refused as "not a diynn model". Every refusal is a
 * {@link ModelFormatException} naming the source, line and column.
 *
 * <pre>{@code
 * ModelFile.save(model, file);                // a Path; atomic
 * SavedModel loaded = ModelFile.load(file);   // strict
 * boolean same = loaded.equals(model);        // true: every bit comes back
 * }</pre>
 *
 * <p>A model shipped in a jar or a module is read with {@link #loadResource(Class, String)}, for
 * example {@code ModelFile.loadResource(App.class, "/META-INF/models/model.json")}.
 *
 * <p>All methods are static and stateless, so they are safe to call from any thread.
 */
public final class ModelFile {

    /** The value of the {@code "format"} member that identifies a diynn model file. */
    public static final String FORMAT_NAME = "diynn-model";

    /** The format version this library writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 2;

    /**
     * The diynn version written into {@link ModelMetadata#libraryVersion()}: the pom's version, read
     * once from a resource the build fills in, so it always names the jar it comes from.
     */
    public static final String LIBRARY_VERSION = LibraryVersion.VALUE;

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
     * @throws IllegalArgumentException if {@code model} is null, its network exceeds a limit above
     *     (the layer, the size and the limit named), or it has an activation the format cannot store
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
     * <p>A failure names the target: a missing folder is a {@link NoSuchFileException}, a folder that
     * is not writable an {@link AccessDeniedException}, and a failure while writing, forcing or
     * moving an {@code IOException} that says which step failed, why, and that the old file is
     * unchanged (or that none was created), with the original exception as its cause.
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
    static void saveAtomically(Path target, AtomicSave.Content content) throws IOException {
        AtomicSave.save(target, "model", content);
    }

    /** As {@link #saveAtomically(Path, AtomicSave.Content)}, creating the temporary file with {@code temps}, which tests replace. */
    static void saveAtomically(Path target, AtomicSave.Content content, AtomicSave.TempFiles temps) throws IOException {
        AtomicSave.save(target, "model", content, temps);
    }

    /**
     * Loads a model from a file.
     *
     * @param path the file
     * @return the model
     * @throws ModelFormatException if the file is not a valid diynn model (source, line and column named)
     * @throws IOException if the file cannot be read, or is a directory (a {@link FileSystemException}
     *     naming the path)
     * @throws IllegalArgumentException if {@code path} is null
     */
    public static SavedModel load(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("model path is null");
        }
        if (Files.isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "is a directory, not a model file");
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
     * Loads a model shipped as a resource of the caller's own jar or module, on the class path and
     * on the module path alike.
     *
     * <p>The name is resolved as {@link Class#getResourceAsStream(String)} resolves it: a name starting
     * with {@code /} is absolute ({@code "/META-INF/models/model.json"}), another is relative to the
     * anchor's package. The resource is read from the anchor's module ({@link Module#getResourceAsStream});
     * in the unnamed module (the class path) that is the anchor's class loader.
     *
     * <p>In a named module, a resource inside a <em>package</em> is encapsulated: this library may only
     * read it if the module opens that package to it. A folder whose name is not a Java package name,
     * such as {@code META-INF/models/} or {@code ml-models/}, is never encapsulated and needs nothing.
     * For an encapsulated resource the exception says the exact line to add, for example
     * {@code opens models to io.github.diynn;}. Error messages name the source
     * {@code classpath:<name>} or {@code module:<module>/<name>}, the name without its leading slash.
     *
     * @param anchor a class of the module or jar that holds the resource, for example {@code App.class}
     * @param name the resource name
     * @return the model
     * @throws NoSuchFileException if no such resource is visible; for a package that the anchor's
     *     module does not open to this library, the message gives the {@code opens} line to add
     * @throws ModelFormatException if the resource is not a valid diynn model
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if an argument is null
     */
    public static SavedModel loadResource(Class<?> anchor, String name) throws IOException {
        if (anchor == null || name == null) {
            throw new IllegalArgumentException("loading a resource needs an anchor class and a name, got " + anchor
                    + " and " + name);
        }
        String absolute = Resources.absoluteName(anchor, name);
        Module module = anchor.getModule();
        String source = module.isNamed() ? "module:" + module.getName() + "/" + absolute : "classpath:" + absolute;
        try (InputStream in = module.getResourceAsStream(absolute)) {
            if (in == null) {
                throw new NoSuchFileException(source, null, Resources.whyNotFound(anchor, absolute));
            }
            return ModelReader.decode(in, source);
        }
    }

    /**
     * Loads a model from a resource that a class loader finds, as an application ships it inside its jar.
     *
     * <p>The name is resolved by {@link ClassLoader#getResourceAsStream(String)}: it has no leading
     * slash ({@code "models/price.json"}). On the module path a class loader finds a resource inside a
     * package of a named module only if the module opens that package to everyone ({@code opens
     * models;}); prefer {@link #loadResource(Class, String)} there, or a folder that is not a package
     * name, such as {@code META-INF/models/}. Error messages name the source {@code classpath:<name>};
     * when the resource is missing because a named module encapsulates it, the message says so and
     * what to change.
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
                throw new NoSuchFileException(source, null, Resources.whyNotFound(loader, name));
            }
            return ModelReader.decode(in, source);
        }
    }
}
