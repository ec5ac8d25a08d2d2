package io.github.diynn.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * Reads a fuzzer's bytes as the values a target needs. Past the end every read gives 0, so every
 * byte string is a valid input. The encoding is simple on purpose, so that seed inputs can be
 * written by hand (see {@code src/test/resources/io/github/diynn/fuzz}).
 */
final class FuzzBytes {

    private final byte[] data;
    private int position;

    FuzzBytes(byte[] data) {
        this.data = data;
    }

    boolean hasMore() {
        return position < data.length;
    }

    /** One byte, as 0 to 255. */
    int nextUnsignedByte() {
        return hasMore() ? data[position++] & 0xff : 0;
    }

    /** One byte, as -128 to 127. */
    int nextSignedByte() {
        return hasMore() ? data[position++] : 0;
    }

    /** Four bytes, big-endian: any int. */
    int nextInt() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | nextUnsignedByte();
        }
        return value;
    }

    /**
     * A double: a tag byte below 64 is followed by the 8 bytes of any IEEE 754 bit pattern (NaN,
     * infinities, subnormals included); any other tag {@code t} stands for {@code (t - 160) / 8}, a
     * small value that needs one byte.
     */
    double nextDouble() {
        int tag = nextUnsignedByte();
        if (tag >= 64) {
            return (tag - 160) / 8.0;
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | nextUnsignedByte();
        }
        return Double.longBitsToDouble(bits);
    }

    double[] nextDoubles(int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = nextDouble();
        }
        return values;
    }

    /** The bytes not read yet, as they are. */
    byte[] remaining() {
        byte[] rest = java.util.Arrays.copyOfRange(data, Math.min(position, data.length), data.length);
        position = data.length;
        return rest;
    }

    /** The bytes not read yet, decoded as UTF-8 (malformed sequences replaced). */
    String remainingText() {
        return new String(remaining(), StandardCharsets.UTF_8);
    }
}
