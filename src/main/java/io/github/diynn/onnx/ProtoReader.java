package io.github.diynn.onnx;

import java.nio.charset.StandardCharsets;

/**
 * Reads the protocol buffers wire format from a slice of a byte array, refusing anything malformed
 * with an {@link OnnxFormatException} that names the byte offset.
 *
 * <p>Every length read is checked against the bytes left in the slice before it is used, so no
 * claimed size can make the reader allocate more than the input holds or read past its end.
 * Groups (wire types 3 and 4, long deprecated and never used by ONNX) are refused.
 */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] data;
    private final int end;
    private final String source;
    private int position;
    private int fieldStart;

    ProtoReader(byte[] data, int start, int end, String source) {
        this.data = data;
        this.position = start;
        this.end = end;
        this.source = source;
    }

    boolean hasMore() {
        return position < end;
    }

    /** The offset where the field last read by {@link #key()} began. */
    int fieldStart() {
        return fieldStart;
    }

    int position() {
        return position;
    }

    String source() {
        return source;
    }

    /** Reads a field key and returns it: field number {@code key >>> 3}, wire type {@code key & 7}. */
    long key() throws OnnxFormatException {
        fieldStart = position;
        long key = varint();
        int wireType = (int) (key & 7);
        long field = key >>> 3;
        if (field < 1 || field > 536_870_911L) {
            throw error(fieldStart, "field number " + field + " is out of range (1 to 2^29 - 1)");
        }
        if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
            throw error(fieldStart, "field " + field + " has wire type " + wireType
                    + "; only 0, 1, 2 and 5 are valid (groups are not used by ONNX)");
        }
        return key;
    }

    long varint() throws OnnxFormatException {
        int start = position;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw error(start, "truncated varint");
            }
            int b = data[position++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (shift == 63 && b > 1) {
                    throw error(start, "varint overflows 64 bits");
                }
                return value;
            }
        }
        throw error(start, "varint longer than 10 bytes");
    }

    int fixed32() throws OnnxFormatException {
        require(4, "a 4-byte value");
        int value = 0;
        for (int k = 0; k < 4; k++) {
            value |= (data[position++] & 0xFF) << (8 * k);
        }
        return value;
    }

    long fixed64() throws OnnxFormatException {
        require(8, "an 8-byte value");
        long value = 0;
        for (int k = 0; k < 8; k++) {
            value |= (data[position++] & 0xFFL) << (8 * k);
        }
        return value;
    }

    /** Reads a length prefix and returns a reader over the bytes it announces, then skips them. */
    ProtoReader message() throws OnnxFormatException {
        int length = length();
        ProtoReader inner = new ProtoReader(data, position, position + length, source);
        position += length;
        return inner;
    }

    /** Reads a length prefix and returns the start of the bytes; {@link #position()} is then past them. */
    int bytesStart(int[] lengthOut) throws OnnxFormatException {
        int length = length();
        int start = position;
        position += length;
        lengthOut[0] = length;
        return start;
    }

    String string() throws OnnxFormatException {
        int length = length();
        String value = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** Skips the value of a field of the given wire type. */
    void skip(int wireType) throws OnnxFormatException {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> {
                require(8, "an 8-byte value");
                position += 8;
            }
            case FIXED32 -> {
                require(4, "a 4-byte value");
                position += 4;
            }
            default -> {
                int length = length();
                position += length;
            }
        }
    }

    byte[] data() {
        return data;
    }

    private int length() throws OnnxFormatException {
        int start = position;
        long length = varint();
        if (length < 0 || length > end - position) {
            throw error(start, "length " + Long.toUnsignedString(length) + " runs past the end of its message ("
                    + (end - position) + (end - position == 1 ? " byte" : " bytes") + " left)");
        }
        return (int) length;
    }

    private void require(int bytes, String what) throws OnnxFormatException {
        if (end - position < bytes) {
            throw error(position, "truncated: " + what + " needs " + bytes + " bytes, " + (end - position) + " left");
        }
    }

    OnnxFormatException error(int offset, String detail) {
        return new OnnxFormatException(source, offset, detail);
    }
}
