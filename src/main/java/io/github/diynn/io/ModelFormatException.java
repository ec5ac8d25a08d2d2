package io.github.diynn.io;

/**
 * Thrown when a model file is refused: it is not a diynn model, is of a newer format version, is
 * truncated, corrupt, malformed, or exceeds a size limit.
 *
 * <p>It is an {@link IllegalArgumentException}, unchecked: the file given is not acceptable input.
 * Failures to read (a missing file, a directory, a read error) are {@link java.io.IOException}s,
 * never this type: the library's one policy for files ({@code docs/data.md}).
 *
 * <p>The message has the form {@code source:line:column: detail}, for example
 * {@code model.json:12:9: expected ',' or ']' but found 'x'}; lines and columns count from 1 and,
 * since a model file is ASCII, a column is a byte. The accessors return the same facts for programs.
 */
public final class ModelFormatException extends IllegalArgumentException {

    /** The file or stream that was refused. */
    private final String source;
    /** The line of the offending byte, from 1. */
    private final long line;
    /** The column of the offending byte, from 1. */
    private final long column;
    /** The byte offset of the offending byte, from 0. */
    private final long offset;
    /** What is wrong, without source and position. */
    private final String detail;

    /**
     * Creates the exception: the file or stream the model was read from, the line and column of the
     * offending byte (from 1), its byte offset (from 0) and what is wrong. Only the model reader
     * throws it, so the constructor is not API.
     */
    ModelFormatException(String source, long line, long column, long offset, String detail) {
        super(source + ":" + line + ":" + column + ": " + detail);
        this.source = source;
        this.line = line;
        this.column = column;
        this.offset = offset;
        this.detail = detail;
    }

    /**
     * Returns the name of the file or stream that was refused.
     *
     * @return the source name given to the loader, or the path
     */
    public String source() {
        return source;
    }

    /**
     * Returns the line of the offending byte.
     *
     * @return the line, from 1
     */
    public long line() {
        return line;
    }

    /**
     * Returns the column of the offending byte.
     *
     * @return the column, from 1
     */
    public long column() {
        return column;
    }

    /**
     * Returns the byte offset of the offending byte.
     *
     * @return the offset from the start of the file, from 0
     */
    public long offset() {
        return offset;
    }

    /**
     * Returns what is wrong, without the source and position.
     *
     * @return the detail of the message
     */
    public String detail() {
        return detail;
    }
}
