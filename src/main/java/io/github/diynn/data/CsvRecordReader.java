package io.github.diynn.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a character stream into records of cells, one physical line at a time, never holding more
 * than one bounded line. Blank lines are skipped; line numbers stay physical.
 *
 * <p>Rules: lines end with LF, CRLF or CR; a cell may be wrapped in double quotes (a doubled quote
 * inside stands for one quote) but may not span lines; spaces (and tabs, unless the tab is the
 * separator) around a cell are dropped; a byte-order mark is skipped only as the very first
 * character; NUL, a later byte-order mark and U+FFFD (what undecodable bytes become) are refused.
 */
final class CsvRecordReader {

    private static final int MAX_LINE_CHARS = CsvLoader.MAX_LINE_CHARACTERS;
    private static final int MAX_CELLS = CsvLoader.MAX_CELLS_PER_LINE;

    private enum State { START, UNQUOTED, QUOTED, AFTER_QUOTE }

    private final Reader in;
    private final String source;
    private final char separator;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean firstChar = true;
    private int nextLine = 1;

    private int line;
    private int lineChars;
    private final List<String> cells = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private boolean lastCellQuoted;
    private char otherSeparator;

    CsvRecordReader(Reader in, String source, char separator) {
        this.in = in;
        this.source = source;
        this.separator = separator;
    }

    /** Reads the next non-blank line; false at the end of the input. */
    boolean next() {
        while (readLine()) {
            boolean blank = cells.size() == 1 && cells.get(0).isEmpty() && !lastCellQuoted;
            if (!blank) {
                return true;
            }
        }
        return false;
    }

    /** The physical line of the current record, from 1. */
    int line() {
        return line;
    }

    /** The cells of the current record, in order; the list is reused by the next call. */
    List<String> cells() {
        return cells;
    }

    /** A likely separator (';' or tab) seen on the current line outside quotes, or 0. */
    char otherSeparator() {
        return otherSeparator;
    }

    private boolean readLine() {
        cells.clear();
        cell.setLength(0);
        otherSeparator = 0;
        lineChars = 0;
        line = nextLine;
        State state = State.START;
        int quoteColumn = 0;
        while (true) {
            int c = read();
            if (c == -1 && lineChars == 0 && cells.isEmpty() && state == State.START) {
                return false;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                if (state == State.QUOTED) {
                    throw error(quoteColumn, "the quote opened in this cell is not closed on this line");
                }
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                endCell(state);
                if (c != -1) {
                    nextLine++;
                }
                return true;
            }
            if (++lineChars > MAX_LINE_CHARS) {
                throw error(cells.size() + 1, "the line is longer than " + MAX_LINE_CHARS + " characters");
            }
            char ch = checked((char) c);
            switch (state) {
                case START:
                    if (ch == '"') {
                        cell.setLength(0);
                        quoteColumn = cells.size() + 1;
                        state = State.QUOTED;
                    } else if (ch == separator) {
                        endCell(state);
                    } else {
                        noteOtherSeparator(ch);
                        cell.append(ch);
                        state = isSpace(ch) ? State.START : State.UNQUOTED;
                    }
                    break;
                case UNQUOTED:
                    if (ch == separator) {
                        endCell(state);
                        state = State.START;
                    } else if (ch == '"') {
                        throw error(cells.size() + 1, "a quote inside an unquoted cell; quote the whole cell");
                    } else {
                        noteOtherSeparator(ch);
                        cell.append(ch);
                    }
                    break;
                case QUOTED:
                    if (ch != '"') {
                        cell.append(ch);
                    } else if (peek() == '"') {
                        read();
                        lineChars++;
                        cell.append('"');
                    } else {
                        state = State.AFTER_QUOTE;
                    }
                    break;
                case AFTER_QUOTE:
                    if (ch == separator) {
                        endCell(state);
                        state = State.START;
                    } else if (!isSpace(ch)) {
                        throw error(cells.size() + 1, "unexpected " + CsvText.describe(ch)
                                + " after the closing quote");
                    }
                    break;
                default:
                    throw new AssertionError(state);
            }
        }
    }

    private void endCell(State state) {
        if (cells.size() >= MAX_CELLS) {
            throw error(MAX_CELLS + 1, "the line has more than " + MAX_CELLS + " cells");
        }
        lastCellQuoted = state == State.AFTER_QUOTE;
        cells.add(lastCellQuoted ? cell.toString() : trimmed(cell));
        cell.setLength(0);
    }

    private String trimmed(StringBuilder text) {
        int from = 0;
        int to = text.length();
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    private boolean isSpace(char ch) {
        return ch == ' ' || (ch == '\t' && separator != '\t');
    }

    private void noteOtherSeparator(char ch) {
        if (otherSeparator == 0 && ch != separator && (ch == ';' || ch == '\t')) {
            otherSeparator = ch;
        }
    }

    private char checked(char ch) {
        if (ch == '\uFEFF') {
            throw error(cells.size() + 1, "a byte-order mark (\\uFEFF) inside the file; only the very first"
                    + " character may be one");
        }
        if (ch == '\u0000') {
            throw error(cells.size() + 1, "a NUL character (\\u0000); is the file UTF-16? Save it as UTF-8");
        }
        if (ch == '\uFFFD') {
            throw error(cells.size() + 1, "bytes that are not valid UTF-8 (read as \\uFFFD); is the file UTF-16"
                    + " or Latin-1? Save it as UTF-8");
        }
        return ch;
    }

    private int read() {
        if (position == limit && !fill()) {
            return -1;
        }
        char ch = buffer[position++];
        if (firstChar) {
            firstChar = false;
            if (ch == '\uFEFF') {
                return read();
            }
        }
        return ch;
    }

    private int peek() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() {
        try {
            int count;
            do {
                count = in.read(buffer, 0, buffer.length);
            } while (count == 0);
            if (count < 0) {
                return false;
            }
            position = 0;
            limit = count;
            return true;
        } catch (IOException e) {
            // Carried unchecked through the parser and unwrapped by CsvLoader.load(Reader, String).
            throw new ReadFailure(new IOException(source + ", line " + nextLine + ": cannot read: " + e.getMessage(),
                    e));
        }
    }

    /** An I/O failure of the underlying reader on its way out of the parser, which throws no checked exception. */
    static final class ReadFailure extends RuntimeException {

        ReadFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private CsvException error(int column, String problem) {
        return new CsvException(source, line, column, problem, null);
    }
}
