package io.github.diynn.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file atomically: the bytes go to a new temporary file {@code .<name>.<hex>.onnx.tmp}
 * beside the target, are forced to the device, and the temporary file is then moved over the target
 * ({@link StandardCopyOption#ATOMIC_MOVE}, or {@link StandardCopyOption#REPLACE_EXISTING} where the
 * file system cannot move atomically). On any failure the temporary file is deleted and the target
 * is as it was.
 */
final class AtomicFile {

    /** The most characters of the target's name kept in the temporary name. */
    private static final int PREFIX_LENGTH = 32;

    private AtomicFile() {
    }

    static void write(Path target, byte[] bytes) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IllegalArgumentException("target " + target + " is not a file in a folder");
        }
        boolean existed = Files.exists(absolute);
        Path temp = createTemp(directory, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
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
            if (e instanceof IOException io) {
                throw new IOException("cannot save the ONNX model to " + absolute + ": " + io + "; "
                        + (existed ? "the old file is unchanged" : "no file was created"), io);
            }
            throw e;
        }
    }

    private static Path createTemp(Path directory, String name) throws IOException {
        String prefix = name.codePoints().limit(PREFIX_LENGTH)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        long stamp = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            Path temp = directory.resolve("." + prefix + "." + Long.toHexString(stamp + attempt) + ".onnx.tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 16) {
                    throw e;
                }
            }
        }
    }
}
