package io.github.diynn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtoReaderTest {

    private static ProtoReader reader(int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            data[k] = (byte) bytes[k];
        }
        return new ProtoReader(data, 0, data.length, "r.onnx");
    }

    @Test
    void readsWhatTheWriterWrites() throws OnnxFormatException {
        byte[] bytes = new ProtoWriter().varint(1, 150).string(2, "testing").float32(3, 0.5f).varint(4, -1)
                .toByteArray();
        ProtoReader in = new ProtoReader(bytes, 0, bytes.length, "r.onnx");
        assertThat(in.key()).isEqualTo(0x08);
        assertThat(in.varint()).isEqualTo(150);
        assertThat(in.key()).isEqualTo(0x12);
        assertThat(in.string()).isEqualTo("testing");
        assertThat(in.key()).isEqualTo(0x1d);
        assertThat(Float.intBitsToFloat(in.fixed32())).isEqualTo(0.5f);
        assertThat(in.key()).isEqualTo(0x20);
        assertThat(in.varint()).isEqualTo(-1);
        assertThat(in.hasMore()).isFalse();
    }

    @Test
    void aTruncatedVarintIsRefusedAtItsStart() throws OnnxFormatException {
        ProtoReader in = reader(0x08, 0x96);
        in.key();
        assertThatThrownBy(in::varint).isInstanceOf(OnnxFormatException.class)
                .hasMessage("r.onnx: byte 1: truncated varint");
    }

    @Test
    void aVarintOfElevenBytesIsRefused() {
        ProtoReader in = reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01);
        assertThatThrownBy(in::varint).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("byte 0: varint longer than 10 bytes");
    }

    @Test
    void groupsAndFieldZeroAreRefused() {
        assertThatThrownBy(reader(0x0b)::key).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("field 1 has wire type 3");
        assertThatThrownBy(reader(0x02)::key).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("field number 0 is out of range");
    }

    @Test
    void aFixedValuePastTheEndIsRefused() {
        assertThatThrownBy(reader(0x01, 0x02)::fixed64).isInstanceOf(OnnxFormatException.class)
                .hasMessageContaining("truncated: an 8-byte value needs 8 bytes, 2 left");
    }

    @Test
    void anInnerMessageEndsWhereItsLengthSays() throws OnnxFormatException {
        ProtoReader in = reader(0x02, 0x08, 0x01, 0x08, 0x02);
        ProtoReader inner = in.message();
        assertThat(inner.key()).isEqualTo(0x08);
        assertThat(inner.varint()).isEqualTo(1);
        assertThat(inner.hasMore()).isFalse();
        assertThat(in.position()).isEqualTo(3);
    }
}
