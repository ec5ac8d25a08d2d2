package io.github.diynn.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.github.diynn.core.Matrix;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Map;

/** Runs an ONNX model in ONNX Runtime for Java (test scope only), one thread, on one batch. */
final class OnnxRuntimeRunner {

    private OnnxRuntimeRunner() {
    }

    /** Runs {@code model} on {@code inputs}, fed as doubles or floats, and returns its one output. */
    static Matrix run(byte[] model, Matrix inputs, OnnxPrecision precision) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        long[] shape = {inputs.rows(), inputs.columns()};
        double[] values = inputs.toRowMajorArray();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            try (OrtSession session = environment.createSession(model, options);
                    OnnxTensor input = tensor(environment, values, shape, precision);
                    OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT_NAME, input))) {
                OnnxTensor output = (OnnxTensor) result.get(OnnxExport.OUTPUT_NAME).orElseThrow();
                long[] outShape = output.getInfo().getShape();
                int rows = (int) outShape[0];
                int columns = (int) outShape[1];
                double[] out = new double[rows * columns];
                if (precision == OnnxPrecision.DOUBLE) {
                    output.getDoubleBuffer().get(out);
                } else {
                    FloatBuffer floats = output.getFloatBuffer();
                    for (int k = 0; k < out.length; k++) {
                        out[k] = floats.get(k);
                    }
                }
                return Matrix.of(rows, columns, out);
            }
        }
    }

    private static OnnxTensor tensor(OrtEnvironment environment, double[] values, long[] shape,
            OnnxPrecision precision) throws OrtException {
        if (precision == OnnxPrecision.DOUBLE) {
            return OnnxTensor.createTensor(environment, DoubleBuffer.wrap(values), shape);
        }
        float[] floats = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            floats[k] = (float) values[k];
        }
        return OnnxTensor.createTensor(environment, FloatBuffer.wrap(floats), shape);
    }

    /**
     * The largest error of {@code actual} against {@code expected}, each entry's error measured as
     * {@code |actual - expected| / (1 + |expected|)}: relative for large values, absolute near 0.
     */
    static double largestError(Matrix actual, Matrix expected) {
        return largestError(actual, expected, new double[expected.columns()]);
    }

    /**
     * As {@link #largestError(Matrix, Matrix)} with {@code |actual - expected| / (1 + |expected| +
     * magnitude[j])} in column {@code j}: a target scaler's {@code |offset| + scale}, the size of the
     * numbers a float model adds and cancels when it maps outputs back to target units.
     */
    static double largestError(Matrix actual, Matrix expected, double[] magnitudes) {
        double worst = 0.0;
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = 0; j < expected.columns(); j++) {
                double e = expected.get(i, j);
                worst = Math.max(worst, Math.abs(actual.get(i, j) - e) / (1.0 + Math.abs(e) + magnitudes[j]));
            }
        }
        return worst;
    }
}
