package io.github.diynn.onnx;

/**
 * Thrown when bytes are not an ONNX model that diynn can import: malformed or truncated protocol
 * buffers, a tensor whose declared size does not match its data, a data type other than float and
 * double, or a graph that is not a dense MLP of the supported operators.
 *
 * <p>The message starts with the source and the byte offset, for example
 * {@code "model.onnx: byte 1234: node 'fc2' (Conv) is not supported; ..."}; the offset is where the
 * bad field or the offending message begins.
 *
 * <p>It is an {@link IllegalArgumentException}, unchecked: the bytes given are not acceptable input.
 * Failures to read (a missing file, a failing stream) are {@link java.io.IOException}s instead, the
 * library's one policy for files ({@code docs/data.md}).
 */
public final class OnnxFormatException extends IllegalArgumentException {

    /** The file or stream that was refused. */
    private final String source;
    /** The byte offset of the problem, from 0. */
    private final long offset;

    /**
     * Creates an exception: the name of the file or stream, the byte offset of the problem (at least
     * 0) and what is wrong. Only the importer throws it, so the constructor is not API.
     */
    OnnxFormatException(String source, long offset, String detail) {
        super(source + ": byte " + offset + ": " + detail);
        this.source = source;
        this.offset = offset;
    }

    /**
     * Returns the name of the source given to the reader.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * Returns the byte offset of the problem.
     *
     * @return the offset, at least 0
     */
    public long offset() {
        return offset;
    }
}
