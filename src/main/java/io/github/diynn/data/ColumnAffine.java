package io.github.diynn.data;

import io.github.diynn.core.Matrix;
import java.util.Arrays;

/** The parameters and loops shared by every {@link Scaler}: per-column offsets and positive scales. */
final class ColumnAffine {

    private final Scaler.Kind kind;
    private final double[] offsets;
    private final double[] scales;

    private ColumnAffine(Scaler.Kind kind, double[] offsets, double[] scales) {
        this.kind = kind;
        this.offsets = offsets;
        this.scales = scales;
    }

    Scaler.Kind kind() {
        return kind;
    }

    static ColumnAffine fitMaxAbs(Matrix rows) {
        double[] values = trainingValues(rows, Scaler.Kind.MAX);
        int columns = rows.columns();
        double[] scales = new double[columns];
        for (int k = 0; k < values.length; k++) {
            scales[k % columns] = Math.max(scales[k % columns], Math.abs(values[k]));
        }
        return fitted(Scaler.Kind.MAX, new double[columns], scales);
    }

    static ColumnAffine fitMinMax(Matrix rows) {
        double[] values = trainingValues(rows, Scaler.Kind.MIN_MAX);
        int columns = rows.columns();
        double[] min = Arrays.copyOf(values, columns);
        double[] max = Arrays.copyOf(values, columns);
        for (int k = columns; k < values.length; k++) {
            min[k % columns] = Math.min(min[k % columns], values[k]);
            max[k % columns] = Math.max(max[k % columns], values[k]);
        }
        double[] scales = new double[columns];
        for (int j = 0; j < columns; j++) {
            scales[j] = max[j] - min[j];
        }
        return fitted(Scaler.Kind.MIN_MAX, min, scales);
    }

    static ColumnAffine fitZScore(Matrix rows) {
        double[] values = trainingValues(rows, Scaler.Kind.Z_SCORE);
        int columns = rows.columns();
        int count = rows.rows();
        double[] means = new double[columns];
        for (int k = 0; k < values.length; k++) {
            means[k % columns] += values[k];
        }
        for (int j = 0; j < columns; j++) {
            means[j] /= count;
        }
        double[] deviations = new double[columns];
        for (int k = 0; k < values.length; k++) {
            double centred = values[k] - means[k % columns];
            deviations[k % columns] += centred * centred;
        }
        for (int j = 0; j < columns; j++) {
            deviations[j] = Math.sqrt(deviations[j] / count);
        }
        return fitted(Scaler.Kind.Z_SCORE, means, deviations);
    }

    private static double[] trainingValues(Matrix rows, Scaler.Kind kind) {
        if (rows == null) {
            throw new IllegalArgumentException("cannot fit a " + kind + " scaler on null rows");
        }
        if (rows.rows() == 0) {
            throw new IllegalArgumentException("cannot fit a " + kind + " scaler on no rows (" + rows.shape() + ")");
        }
        return rows.toRowMajorArray();
    }

    private static ColumnAffine fitted(Scaler.Kind kind, double[] offsets, double[] scales) {
        for (int j = 0; j < scales.length; j++) {
            if (!Double.isFinite(offsets[j]) || !Double.isFinite(scales[j])) {
                throw new IllegalArgumentException("cannot fit a " + kind + " scaler: column " + j
                        + " overflows (offset " + offsets[j] + ", scale " + scales[j] + ")");
            }
            if (scales[j] == 0.0) {
                scales[j] = 1.0;
            }
        }
        return new ColumnAffine(kind, offsets, scales);
    }

    static ColumnAffine of(Scaler.Kind kind, double[] offsets, double[] scales) {
        if (offsets == null || scales == null) {
            throw new IllegalArgumentException(kind + " scaler parameters are null: offsets "
                    + Arrays.toString(offsets) + ", scales " + Arrays.toString(scales));
        }
        if (offsets.length != scales.length) {
            throw new IllegalArgumentException(kind + " scaler has " + offsets.length + " offsets but "
                    + scales.length + " scales");
        }
        for (int j = 0; j < scales.length; j++) {
            if (!Double.isFinite(offsets[j])) {
                throw new IllegalArgumentException(kind + " scaler offset of column " + j + " is " + offsets[j]);
            }
            if (!(scales[j] > 0.0 && scales[j] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(kind + " scaler scale of column " + j + " is " + scales[j]
                        + "; scales must be finite and positive");
            }
        }
        return new ColumnAffine(kind, offsets.clone(), scales.clone());
    }

    void requireZeroOffsets() {
        for (int j = 0; j < offsets.length; j++) {
            if (offsets[j] != 0.0) {
                throw new IllegalArgumentException(kind + " scaler offset of column " + j + " is " + offsets[j]
                        + "; max scaling has no offsets");
            }
        }
    }

    int columns() {
        return scales.length;
    }

    double[] offsets() {
        return offsets.clone();
    }

    double[] scales() {
        return scales.clone();
    }

    Matrix transform(Matrix rows) {
        double[] values = checkedValues(rows, "transform");
        for (int k = 0; k < values.length; k++) {
            values[k] = (values[k] - offsets[k % offsets.length]) / scales[k % scales.length];
        }
        return finiteResult(rows, values, "transform");
    }

    Matrix inverseTransform(Matrix rows) {
        double[] values = checkedValues(rows, "inverse transform");
        for (int k = 0; k < values.length; k++) {
            values[k] = values[k] * scales[k % scales.length] + offsets[k % offsets.length];
        }
        return finiteResult(rows, values, "inverse transform");
    }

    private double[] checkedValues(Matrix rows, String what) {
        if (rows == null) {
            throw new IllegalArgumentException("cannot " + what + " null rows with a " + kind + " scaler");
        }
        if (rows.columns() != scales.length) {
            throw new IllegalArgumentException("cannot " + what + " " + rows.shape() + " rows with a " + kind
                    + " scaler fitted on " + scales.length + " columns");
        }
        return rows.toRowMajorArray();
    }

    private Matrix finiteResult(Matrix rows, double[] values, String what) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k])) {
                int column = k % scales.length;
                throw new IllegalArgumentException(kind + " scaler " + what + " overflows at row " + (k / scales.length)
                        + ", column " + column + ": value " + rows.get(k / scales.length, column));
            }
        }
        return Matrix.of(rows.rows(), rows.columns(), values);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ColumnAffine other && kind.equals(other.kind) && Arrays.equals(offsets, other.offsets)
                && Arrays.equals(scales, other.scales);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + Arrays.hashCode(offsets)) * 31 + Arrays.hashCode(scales);
    }

    @Override
    public String toString() {
        return kind + " scaler[offsets=" + Arrays.toString(offsets) + ", scales=" + Arrays.toString(scales) + "]";
    }
}
