package io.github.diynn.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Byte-exact encodings, checked against the protobuf encoding guide's examples. */
class ProtoWriterTest {

    @Test
    void varintsUseSevenBitGroupsLeastSignificantFirst() {
        // Field 1 = 150 is 08 96 01 in the protobuf documentation.
        assertThat(new ProtoWriter().varint(1, 150).toByteArray()).containsExactly(0x08, 0x96, 0x01);
        assertThat(new ProtoWriter().varint(2, 0).toByteArray()).containsExactly(0x10, 0x00);
    }

    @Test
    void aNegativeVarintTakesTenBytes() {
        byte[] bytes = new ProtoWriter().varint(3, -1).toByteArray();
        assertThat(bytes).hasSize(11);
        assertThat(bytes[0]).isEqualTo((byte) 0x18);
        assertThat(bytes[10]).isEqualTo((byte) 0x01);
    }

    @Test
    void stringsAndMessagesAreLengthPrefixed() {
        // Field 2 = "testing" is 12 07 74 65 73 74 69 6e 67.
        assertThat(new ProtoWriter().string(2, "testing").toByteArray())
                .containsExactly(0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67);
        // Field 3 = a message whose field 1 is 150: 1a 03 08 96 01.
        assertThat(new ProtoWriter().message(3, new ProtoWriter().varint(1, 150)).toByteArray())
                .containsExactly(0x1a, 0x03, 0x08, 0x96, 0x01);
    }

    @Test
    void aFloatIsFourBytesLittleEndianWithWireTypeFive() {
        // 1.0f is 0x3f800000.
        assertThat(new ProtoWriter().float32(2, 1.0f).toByteArray()).containsExactly(0x15, 0x00, 0x00, 0x80, 0x3f);
    }
}
