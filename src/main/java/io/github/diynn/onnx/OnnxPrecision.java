package io.github.diynn.onnx;

/**
 * The element type of an exported ONNX model: of its input, output, weights and every value between.
 *
 * <p>{@link #DOUBLE} keeps diynn's parameters bit for bit, and ONNX Runtime's predictions agree with
 * {@code Network.predict} to about {@code 1e-12} relative; {@link #FLOAT} halves the file and is the
 * type most serving stacks expect, at about {@code 1e-5} relative (each parameter is rounded to the
 * nearest float).
 */
public enum OnnxPrecision {

    /** 32-bit floats: ONNX {@code tensor(float)}, element type 1. */
    FLOAT(1, 4),

    /** 64-bit doubles: ONNX {@code tensor(double)}, element type 11. */
    DOUBLE(11, 8);

    private final int elementType;
    private final int bytesPerValue;

    OnnxPrecision(int elementType, int bytesPerValue) {
        this.elementType = elementType;
        this.bytesPerValue = bytesPerValue;
    }

    /**
     * Returns the ONNX {@code TensorProto.DataType} code: 1 for float, 11 for double.
     *
     * @return the element type code
     */
    public int elementType() {
        return elementType;
    }

    /** The size of one value in {@code raw_data}. */
    int bytesPerValue() {
        return bytesPerValue;
    }
}
