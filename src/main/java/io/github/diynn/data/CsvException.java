package io.github.diynn.data;

/**
 * The one exception {@link CsvLoader} throws for bad text: text that breaks the loader's rules. It
 * names the source, the physical line and the column. A file that cannot be read is not bad text:
 * the loader throws an {@link java.io.IOException} for it.
 *
 * <p>The message reads {@code "<source>, line <L>, column <C> '<header name>': <what is wrong>"}; the line,
 * the column and its name are left out when they do not apply (a header without data rows has no
 * column, a row with too few cells has no single column). Lines are physical lines of the file
 * counted from 1, blank lines included, whatever the line ends (LF, CRLF or CR); columns are cells
 * counted from 1.
 *
 * <p>It is an {@link IllegalArgumentException}, unchecked: the file given is not acceptable input.
 */
public final class CsvException extends IllegalArgumentException {

    /** The source name, typically the file path. */
    private final String source;
    /** The physical line from 1, or 0. */
    private final int line;
    /** The cell number from 1, or 0. */
    private final int column;

    /**
     * Creates an exception for a place in the input.
     *
     * @param source the name of the input, typically its path
     * @param line the physical line, from 1, or 0 when no line applies
     * @param column the cell number, from 1, or 0 when no column applies
     * @param problem what is wrong, without the place
     * @param cause the underlying failure, or null
     */
    CsvException(String source, int line, int column, String problem, Throwable cause) {
        this(source, line, column, null, problem, cause);
    }

    /**
     * Creates an exception for a cell whose header name is known.
     *
     * @param source the name of the input, typically its path
     * @param line the physical line, from 1
     * @param column the cell number, from 1
     * @param columnName the header name of the column, or null
     * @param problem what is wrong, without the place
     * @param cause the underlying failure, or null
     */
    CsvException(String source, int line, int column, String columnName, String problem, Throwable cause) {
        super(place(source, line, column) + (columnName == null ? "" : " " + CsvText.quote(columnName))
                + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String place(String source, int line, int column) {
        StringBuilder out = new StringBuilder(source);
        if (line > 0) {
            out.append(", line ").append(line);
        }
        if (column > 0) {
            out.append(", column ").append(column);
        }
        return out.toString();
    }

    /**
     * Returns the name of the input: the file path, the resource name, or the name given with a
     * reader or stream.
     *
     * @return the source name
     */
    public String source() {
        return source;
    }

    /**
     * Returns the physical line of the problem, counted from 1 with blank lines included.
     *
     * @return the line, or 0 when the problem concerns no single line (such as an empty file)
     */
    public int line() {
        return line;
    }

    /**
     * Returns the cell of the problem, counted from 1.
     *
     * @return the column, or 0 when the problem concerns no single cell (such as a short row)
     */
    public int column() {
        return column;
    }
}
