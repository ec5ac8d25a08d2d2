package io.github.diynn.io;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The bytes of a model file as they are read: printable ASCII and the JSON whitespace bytes only, at
 * most a given length, each byte's line, column and offset known, and a SHA-256 of every byte
 * consumed until {@link #finishDigest()}, so a checksum over the bytes before a point is checked
 * without buffering the file. Every refusal is a {@link ModelFormatException} at the offending byte.
 * Not thread-safe; one instance reads one stream.
 */
final class ModelInput {

    private final InputStream in;
    private final String source;
    private final long maxBytes;
    private final byte[] buffer = new byte[8192];
    private final MessageDigest digest;
    private int position;
    private int limit;
    private int digestStart;
    private boolean digesting = true;
    private long offset;
    private long line = 1;
    private long column = 1;
    private Position firstCarriageReturn;

    ModelInput(InputStream in, String source, long maxBytes) {
        this.in = in;
        this.source = source;
        this.maxBytes = maxBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /**
     * Tells whether the input starts with the given bytes; call before consuming anything.
     *
     * @param magic the expected first bytes, at most the buffer's length
     * @return true if the first {@code magic.length} bytes equal {@code magic}
     */
    boolean startsWith(byte[] magic) throws IOException {
        while (limit < magic.length) {
            int count = in.read(buffer, limit, buffer.length - limit);
            if (count < 0) {
                return false;
            }
            limit += count;
        }
        for (int k = 0; k < magic.length; k++) {
            if (buffer[k] != magic[k]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the next byte without consuming it, or -1 at the end of the input. */
    int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xFF;
    }

    /** Consumes and returns the next byte, or returns -1 at the end of the input. */
    int read() throws IOException {
        int b = peek();
        if (b < 0) {
            return b;
        }
        if (b >= 0x80 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t') || b == 0x7F) {
            throw errorHere("byte 0x" + hex(b) + " is not printable ASCII; a diynn model file is ASCII text");
        }
        if (b == '\r' && firstCarriageReturn == null) {
            firstCarriageReturn = position();
        }
        position++;
        offset++;
        if (offset > maxBytes) {
            throw errorHere("the file is longer than the limit of " + maxBytes + " bytes");
        }
        if (b == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return b;
    }

    private boolean fill() throws IOException {
        if (digesting) {
            digest.update(buffer, digestStart, limit - digestStart);
        }
        position = 0;
        limit = 0;
        digestStart = 0;
        int count = in.read(buffer, 0, buffer.length);
        while (count == 0) {
            count = in.read(buffer, 0, buffer.length);
        }
        if (count < 0) {
            return false;
        }
        limit = count;
        return true;
    }

    /**
     * Stops digesting and returns the SHA-256 of every byte consumed so far.
     *
     * @return the 32-byte digest
     */
    byte[] finishDigest() {
        digest.update(buffer, digestStart, position - digestStart);
        digestStart = position;
        digesting = false;
        return digest.digest();
    }

    /** A place in the input, for an error found later. */
    record Position(long line, long column, long offset) {
    }

    /** Returns where the first carriage return was read, or null if none was. */
    Position firstCarriageReturn() {
        return firstCarriageReturn;
    }

    /** Returns the position of the next unread byte. */
    Position position() {
        return new Position(line, column, offset);
    }

    /** Returns an exception at a position recorded earlier. */
    ModelFormatException errorAt(Position at, String detail) {
        return new ModelFormatException(source, at.line(), at.column(), at.offset(), detail);
    }

    /** Returns an exception at the next unread byte. */
    ModelFormatException errorHere(String detail) {
        return new ModelFormatException(source, line, column, offset, detail);
    }

    /** Two upper-case hex digits of a byte. */
    static String hex(int b) {
        String digits = Integer.toHexString(b).toUpperCase(Locale.ROOT);
        return digits.length() == 1 ? "0" + digits : digits;
    }
}
