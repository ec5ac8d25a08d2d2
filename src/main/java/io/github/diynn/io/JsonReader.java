package io.github.diynn.io;

import java.io.IOException;

/**
 * A strict pull reader for the JSON subset a model file uses, over a {@link ModelInput} that supplies
 * the bytes, their positions and their digest.
 *
 * <p>It accepts numbers in exact JSON grammar only; every refusal is a {@link ModelFormatException}
 * at the start of the offending token or at the offending byte. Not thread-safe; one instance reads
 * one input.
 */
final class JsonReader {

    /** The longest number accepted; {@link Double#toString(double)} never writes more than 24 bytes. */
    static final int MAX_NUMBER_LENGTH = 32;

    private final ModelInput input;
    private final StringBuilder token = new StringBuilder();
    private ModelInput.Position mark;
    /** How many objects and arrays are open, for the canonical indentation. */
    private int depth;
    /** Whether the last structural character was ':', after which the writer puts one space. */
    private boolean afterColon;
    /** Where the whitespace first differs from the writer's layout, or null while it has not. */
    private ModelInput.Position oddLayout;
    private String oddLayoutDetail;

    JsonReader(ModelInput input) {
        this.input = input;
        this.mark = input.position();
    }

    /** Returns the next byte without consuming it, or -1 at the end of the input. */
    int peek() throws IOException {
        return input.peek();
    }

    /** Consumes and returns the next byte, or returns -1 at the end of the input. */
    int read() throws IOException {
        return input.read();
    }

    /**
     * Skips JSON whitespace (space, tab, line feed, carriage return), and notes the first run that
     * the writer would not have written.
     *
     * <p>The writer puts one space after ':' and otherwise either nothing, one space (between the
     * values of a row), or a line feed and two spaces per open object or array (one fewer before a
     * closing '}' or ']'). Any other run cannot come from diynn; it does not make the file invalid
     * (whitespace is free if the checksum matches), but it tells the reader, when the checksum
     * fails, that a tool rewrote the file, and where.
     */
    void skipWhitespace() throws IOException {
        int spaces = 0;
        int lineFeeds = 0;
        int others = 0;
        boolean lineFeedFirst = peek() == '\n';
        for (int b = peek(); b == ' ' || b == '\t' || b == '\n' || b == '\r'; b = peek()) {
            if (b == ' ') {
                spaces++;
            } else if (b == '\n') {
                lineFeeds++;
            } else {
                others++;
            }
            read();
        }
        if (oddLayout == null) {
            noteLayout(spaces, lineFeeds, others, lineFeedFirst);
        }
        afterColon = false;
    }

    private void noteLayout(int spaces, int lineFeeds, int others, boolean lineFeedFirst) throws IOException {
        int next = peek();
        int indent = 2 * (next == '}' || next == ']' ? depth - 1 : depth);
        String odd = null;
        if (others > 0) {
            odd = "a tab or carriage return in the whitespace";
        } else if (afterColon && (spaces != 1 || lineFeeds != 0)) {
            odd = (spaces + lineFeeds == 0 ? "no space" : spaces + lineFeeds + " whitespace bytes") + " after ':'"
                    + " where diynn writes one space";
        } else if (lineFeeds > 1 || lineFeeds == 1 && (!lineFeedFirst || spaces != indent)) {
            odd = "an indentation of " + spaces + " spaces" + (lineFeeds > 1 ? " after " + lineFeeds + " line feeds" : "")
                    + " where diynn writes " + indent;
        } else if (lineFeeds == 0 && spaces > 1) {
            odd = spaces + " spaces where diynn writes at most one";
        }
        if (odd != null) {
            oddLayout = input.position();
            oddLayoutDetail = odd;
        }
    }

    /** Where the whitespace first differed from the writer's layout, or null if it never did. */
    ModelInput.Position oddLayout() {
        return oddLayout;
    }

    /** How the whitespace at {@link #oddLayout()} differs from the writer's layout. */
    String oddLayoutDetail() {
        return oddLayoutDetail;
    }

    /** Where the last token started, for an error found after reading more. */
    ModelInput.Position tokenStart() {
        return mark;
    }

    /** Skips whitespace, then marks the position of the next token for error messages. */
    int peekToken() throws IOException {
        skipWhitespace();
        mark();
        return peek();
    }

    private void mark() {
        mark = input.position();
    }

    /** Skips whitespace and consumes one structural character. */
    void expect(char expected, String context) throws IOException {
        int b = peekToken();
        if (b != expected) {
            throw error("expected '" + expected + "' " + context + " but found " + describe(b));
        }
        read();
        if (b == '{' || b == '[') {
            depth++;
        } else if (b == '}' || b == ']') {
            depth--;
        }
        afterColon = b == ':';
    }

    /** Consumes exactly the given bytes, with no whitespace skipped. */
    void expectLiteral(String literal, String context) throws IOException {
        for (int k = 0; k < literal.length(); k++) {
            mark();
            int b = peek();
            if (b != literal.charAt(k)) {
                throw error("expected " + describe(literal.charAt(k)) + " " + context + " but found " + describe(b));
            }
            read();
        }
    }

    /** Reads {@code "name":} and checks the member name. */
    void name(String expected) throws IOException {
        int b = peekToken();
        if (b != '"') {
            throw error("expected member \"" + expected + "\" but found " + describe(b));
        }
        ModelInput.Position nameAt = mark;
        String found = readStringToken(expected.length() + 16, "member name");
        if (!found.equals(expected)) {
            mark = nameAt;
            throw error("expected member \"" + expected + "\" but found \"" + found + "\"");
        }
        expect(':', "after member name \"" + expected + "\"");
    }

    /** Reads a string value of at most {@code maxLength} characters. */
    String readString(int maxLength, String what) throws IOException {
        int b = peekToken();
        if (b != '"') {
            throw error("expected a string for " + what + " but found " + describe(b));
        }
        return readStringToken(maxLength, what);
    }

    private String readStringToken(int maxLength, String what) throws IOException {
        read();
        token.setLength(0);
        while (true) {
            int b = peek();
            if (b < 0) {
                throw errorHere("unexpected end of input inside the string for " + what);
            }
            if (b < 0x20) {
                throw errorHere("control byte 0x" + ModelInput.hex(b) + " inside the string for " + what);
            }
            read();
            if (b == '"') {
                return token.toString();
            }
            if (token.length() == maxLength) {
                throw error("the string for " + what + " is longer than the limit of " + maxLength + " characters");
            }
            token.append(b == '\\' ? readEscape(what) : (char) b);
        }
    }

    private char readEscape(String what) throws IOException {
        int b = read();
        switch (b) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                int value = 0;
                for (int k = 0; k < 4; k++) {
                    int digit = Character.digit(peek(), 16);
                    if (peek() < 0 || digit < 0) {
                        throw errorHere("expected a hex digit in a \\u escape in the string for " + what
                                + " but found " + describe(peek()));
                    }
                    read();
                    value = value * 16 + digit;
                }
                return (char) value;
            default:
                throw errorHere("invalid escape \\" + (b < 0 ? "" : String.valueOf((char) b)) + " in the string for "
                        + what);
        }
    }

    /** Reads a JSON integer (no fraction, no exponent) within {@code [min, max]}. */
    long readInteger(String what, long min, long max) throws IOException {
        return readInteger(what, min, max, "it must lie in [" + min + ", " + max + "]");
    }

    /** Reads a JSON integer within {@code [min, max]}; a refusal states {@code rule}. */
    long readInteger(String what, long min, long max, String rule) throws IOException {
        int b = peekToken();
        boolean negative = b == '-';
        if (negative) {
            read();
            b = peek();
        }
        if (b < '0' || b > '9') {
            throw error("expected an integer for " + what + " but found " + describe(b));
        }
        long value = 0;
        boolean tooLarge = false;
        int digits = 0;
        while (b >= '0' && b <= '9') {
            if (digits == 1 && value == 0) {
                throw error("integer for " + what + " has a leading zero");
            }
            read();
            digits++;
            if (!tooLarge) {
                value = value * 10 + (b - '0');
                tooLarge = value > 1_000_000_000_000L;
            }
            if (digits > 40) {
                throw error("integer for " + what + " is too long");
            }
            b = peek();
        }
        if (b == '.' || b == 'e' || b == 'E') {
            throw error("expected an integer for " + what + " but found a number with a fraction or exponent");
        }
        long signed = negative ? -value : value;
        if (tooLarge || signed < min || signed > max) {
            throw error(what + " is " + (negative ? "-" : "") + (tooLarge ? "too large" : String.valueOf(value))
                    + "; " + rule);
        }
        return signed;
    }

    /** Reads a JSON number and returns it as a finite double. */
    double readDouble(String what) throws IOException {
        int b = peekToken();
        token.setLength(0);
        if (b == '-') {
            token.append((char) read());
        }
        if (!digit(peek())) {
            throw error("expected a number for " + what + " but found " + describe(peek()));
        }
        boolean leadingZero = peek() == '0';
        appendDigits(what);
        if (leadingZero && token.length() > (token.charAt(0) == '-' ? 2 : 1)) {
            throw error("number for " + what + " has a leading zero");
        }
        if (peek() == '.') {
            token.append((char) read());
            requireDigit(what, "after the decimal point");
            appendDigits(what);
        }
        if (peek() == 'e' || peek() == 'E') {
            token.append((char) read());
            if (peek() == '+' || peek() == '-') {
                token.append((char) read());
            }
            requireDigit(what, "in the exponent");
            appendDigits(what);
        }
        double value = Double.parseDouble(token.toString());
        if (!Double.isFinite(value)) {
            throw error(what + " is " + token + ", which is outside the range of a finite double");
        }
        return value;
    }

    private void appendDigits(String what) throws IOException {
        while (digit(peek())) {
            if (token.length() == MAX_NUMBER_LENGTH) {
                throw error("number for " + what + " is longer than " + MAX_NUMBER_LENGTH + " characters");
            }
            token.append((char) read());
        }
    }

    private void requireDigit(String what, String where) throws IOException {
        if (!digit(peek())) {
            throw errorHere("expected a digit " + where + " of the number for " + what + " but found "
                    + describe(peek()));
        }
    }

    private static boolean digit(int b) {
        return b >= '0' && b <= '9';
    }

    /** Reads {@code true} or {@code false}. */
    boolean readBoolean(String what) throws IOException {
        int b = peekToken();
        if (b == 't') {
            expectLiteral("true", "for " + what);
            return true;
        }
        if (b == 'f') {
            expectLiteral("false", "for " + what);
            return false;
        }
        throw error("expected true or false for " + what + " but found " + describe(b));
    }

    /** Consumes {@code null} if it comes next. */
    boolean readNullIfPresent(String what) throws IOException {
        if (peekToken() != 'n') {
            return false;
        }
        expectLiteral("null", "for " + what);
        return true;
    }

    /** Refuses anything but the end of the input. */
    void expectEnd() throws IOException {
        mark();
        int b = peek();
        if (b >= 0) {
            throw error("expected the end of the file but found " + describe(b) + "; nothing may follow the"
                    + " document");
        }
    }

    /** Returns an exception at the start of the last token. */
    ModelFormatException error(String detail) {
        return input.errorAt(mark, detail);
    }

    /** Returns an exception at the next unread byte. */
    ModelFormatException errorHere(String detail) {
        return input.errorHere(detail);
    }

    /** Describes a byte for a message: a quoted character, a hex byte, or the end of input. */
    static String describe(int b) {
        if (b < 0) {
            return "the end of the input";
        }
        if (b >= 0x21 && b < 0x7F) {
            return "'" + (char) b + "'";
        }
        return b == ' ' ? "a space" : b == '\n' ? "a line feed" : "byte 0x" + ModelInput.hex(b);
    }
}
