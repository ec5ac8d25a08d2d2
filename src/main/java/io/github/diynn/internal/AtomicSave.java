package io.github.diynn.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Saves a file atomically, the one home of the library's file writing: model files
 * ({@code io.ModelFile}) and ONNX files ({@code onnx.OnnxExport}) both save through it.
 *
 * <p>The content goes to a new temporary file beside the target ({@code .<name>.<hex>.tmp}), which is
 * forced to disk and then moved over the target in one step, so a reader sees the old file or the
 * new one, never half of one. On failure the temporary file is deleted and the exception names the
 * target (not the temporary file), the step that failed, how many bytes were written, and whether
 * the old file is unchanged or no file was created.
 *
 * <p>This package is not exported by the module: it is the library's own, not API.
 */
public final class AtomicSave {

    /** How many temporary names are tried before giving up. */
    private static final int TEMP_NAME_ATTEMPTS = 100;

    /** How many code points of the target's name start the temporary file's name. */
    private static final int TEMP_NAME_PREFIX = 32;

    private AtomicSave() {
    }

    /** The bytes of a file being saved, written to the temporary file's stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the file's bytes.
         *
         * @param out the temporary file's stream
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Creates a new, empty temporary file for a target name in a directory (tests replace it). */
    @FunctionalInterface
    public interface TempFiles {
        /**
         * Creates the temporary file.
         *
         * @param directory the target's directory
         * @param targetName the target's file name
         * @return the new, empty file
         * @throws IOException if it cannot be created
         */
        Path create(Path directory, String targetName) throws IOException;
    }

    /**
     * Saves {@code content} to {@code target} atomically.
     *
     * @param target the file to create or replace; its directory must exist
     * @param what what is saved, for messages: {@code "model"}, {@code "ONNX model"}
     * @param content writes the bytes
     * @throws IOException if creating, writing, forcing or moving fails; the target is then unchanged
     * @throws IllegalArgumentException if {@code target} is null or not a file in a directory
     */
    public static void save(Path target, String what, Content content) throws IOException {
        save(target, what, content, AtomicSave::createTemp);
    }

    /**
     * As {@link #save(Path, String, Content)}, creating the temporary file with {@code temps}.
     *
     * @param target the file to create or replace; its directory must exist
     * @param what what is saved, for messages
     * @param content writes the bytes
     * @param temps creates the temporary file
     * @throws IOException if creating, writing, forcing or moving fails; the target is then unchanged
     * @throws IllegalArgumentException if {@code target} is null or not a file in a directory
     */
    public static void save(Path target, String what, Content content, TempFiles temps) throws IOException {
        if (target == null) {
            throw new IllegalArgumentException("target path is null");
        }
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("target " + target + " is not a file in a directory");
        }
        Path temp = createTempFor(absolute, what, temps);
        boolean existed = Files.exists(absolute);
        String step = "writing the temporary file " + temp.getFileName();
        CountingStream counted = null;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                counted = new CountingStream(Channels.newOutputStream(channel));
                content.writeTo(counted);
                counted.flush();
                step = "forcing the temporary file " + temp.getFileName() + " to disk";
                channel.force(true);
            }
            step = "moving the temporary file " + temp.getFileName() + " over the target";
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
            if (e instanceof IOException io) {
                throw new IOException("cannot save the " + what + " to " + absolute + ": " + step + " failed"
                        + (counted == null ? "" : " after " + counted.count + " bytes") + ": " + io + "; "
                        + (existed ? "the old file is unchanged" : "no file was created"), io);
            }
            throw e;
        }
        forceDirectory(directory);
    }

    /** Creates the temporary file, reporting a missing or unwritable folder by the target's name. */
    private static Path createTempFor(Path target, String what, TempFiles temps) throws IOException {
        Path directory = target.getParent();
        try {
            return temps.create(directory, target.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw cause(new NoSuchFileException(target.toString(), null, "cannot save the " + what + ": the folder "
                    + directory + " does not exist"), e);
        } catch (AccessDeniedException e) {
            throw cause(new AccessDeniedException(target.toString(), null, "cannot save the " + what
                    + ": the folder " + directory + " is not writable (creating a temporary file in it was refused);"
                    + " nothing was written"), e);
        }
    }

    private static <T extends IOException> T cause(T exception, IOException cause) {
        exception.initCause(cause);
        return exception;
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

    /** Counts the bytes written, to say how far a failed save got. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }
    }
}
