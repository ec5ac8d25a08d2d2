package io.github.diynn.onnx;

import io.github.diynn.io.SavedModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads an ONNX dense network (an MLP) into a diynn {@link SavedModel}: from PyTorch's
 * {@code torch.onnx.export}, from Keras or scikit-learn exporters, or from {@link OnnxExport}.
 *
 * <p>The graph must be one chain from a single {@code [batch, features]} input to a single output:
 *
 * <ul>
 *   <li>linear steps: {@code Gemm} (with {@code transB}, {@code alpha} and {@code beta}; not
 *       {@code transA}), or {@code MatMul} with an optional {@code Add} of the bias;</li>
 *   <li>activations after a linear step: {@code Sigmoid}, {@code Tanh}, {@code Relu},
 *       {@code LeakyRelu} (slope in [0, 1]; read as the shortest decimal of its float, so 0.01 stays
 *       0.01), {@code Softmax} on the last axis, and {@code Max(z, Mul(z, slope))}, a leaky ReLU; a
 *       linear step without one is a layer with the identity;</li>
 *   <li>{@code Identity}, {@code Flatten} (axis 1 of the 2-D batch) and {@code Constant} anywhere;</li>
 *   <li>before the first layer, {@code Sub(x, offset)} then {@code Div(x, scale)}: an input scaler;
 *       after the last, {@code Mul(x, scale)} then {@code Add(x, offset)}: a target scaler.</li>
 * </ul>
 *
 * <p>Weights and constants are float or double tensors, in {@code raw_data} (little-endian) or in
 * {@code float_data}/{@code double_data}; floats widen to double exactly. A model written by
 * {@link OnnxExport} in double comes back equal to the one exported, names and metadata included.
 * For other producers the metadata is this library's version, creation time {@link
 * java.time.Instant#EPOCH} (the file does not say) and a summary naming the producer; a scaler is
 * of kind {@code "max"} without offsets, else {@code "z-score"}.
 *
 * <p>The reader is strict: it refuses malformed or truncated protocol buffers, sizes that do not
 * match the data, other data types, and any other operator, each with an
 * {@link OnnxFormatException} naming the source and byte offset (and the node and its operator). It
 * allocates no more than a small multiple of the input's size.
 *
 * <pre>{@code
 * OnnxExport.save(model, file, OnnxPrecision.DOUBLE);   // or a file from torch.onnx.export
 * SavedModel back = OnnxImport.load(file);
 * boolean same = back.equals(model);                    // true: doubles come back exactly
 * double[] outputs = back.predict(0.646, 0.795);
 * }</pre>
 */
public final class OnnxImport {

    /** The largest model read, in bytes (256 MiB): far above any MLP diynn serves. */
    public static final int MAX_BYTES = 256 << 20;

    private OnnxImport() {
    }

    /**
     * Reads an ONNX model file.
     *
     * @param path the file
     * @return the model; its network works on scaled values when it has scalers
     * @throws OnnxFormatException if the file is not a supported ONNX MLP (path and byte offset named)
     * @throws IOException if the file cannot be read or is a directory
     * @throws IllegalArgumentException if {@code path} is null
     */
    public static SavedModel load(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("ONNX model path is null");
        }
        if (Files.isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "is a directory, not an ONNX model");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads an ONNX model from a stream to its end; does not close it.
     *
     * @param in the stream
     * @param source the name used in error messages, for example a file name or URL
     * @return the model
     * @throws OnnxFormatException if the bytes are not a supported ONNX MLP, or exceed {@link #MAX_BYTES}
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if an argument is null
     */
    public static SavedModel read(InputStream in, String source) throws IOException {
        if (in == null || source == null) {
            throw new IllegalArgumentException("input stream or source name is null: " + in + ", " + source);
        }
        byte[] buffer = new byte[8192];
        int size = 0;
        while (true) {
            if (size == buffer.length) {
                if (size >= MAX_BYTES) {
                    throw new OnnxFormatException(source, size, "the model has " + MAX_BYTES + " bytes or more;"
                            + " at most " + (MAX_BYTES - 1) + " are read");
                }
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) size * 2, MAX_BYTES));
            }
            int read = in.read(buffer, size, buffer.length - size);
            if (read < 0) {
                break;
            }
            size += read;
        }
        return decode(buffer, size, source);
    }

    /**
     * Reads an ONNX model from bytes.
     *
     * @param bytes the model, for example from {@link OnnxExport#toBytes(SavedModel, OnnxPrecision)}
     * @param source the name used in error messages
     * @return the model
     * @throws OnnxFormatException if the bytes are not a supported ONNX MLP
     * @throws IllegalArgumentException if an argument is null
     */
    public static SavedModel read(byte[] bytes, String source) throws OnnxFormatException {
        if (bytes == null || source == null) {
            throw new IllegalArgumentException("bytes or source name is null: " + source);
        }
        return decode(bytes.clone(), bytes.length, source);
    }

    private static SavedModel decode(byte[] bytes, int size, String source) throws OnnxFormatException {
        if (size == 0) {
            throw new OnnxFormatException(source, 0, "the model is empty");
        }
        OnnxProto.Model model = OnnxProto.model(new ProtoReader(bytes, 0, size, source));
        return GraphReader.read(model, source);
    }
}
