package io.github.diynn.data;

import io.github.diynn.core.Matrix;

/**
 * A per-column affine rescaling fitted on training rows, of one of three kinds.
 *
 * <pre>  transform:         y[i][j] = (x[i][j] - offset[j]) / scale[j]
 *  inverseTransform:  x[i][j] = y[i][j] * scale[j] + offset[j]</pre>
 *
 * <table class="striped">
 *   <caption>The kinds, fitted on the training rows of each column</caption>
 *   <tr><th>kind</th><th>factory</th><th>offset</th><th>scale</th></tr>
 *   <tr><td>{@link Kind#MAX}</td><td>{@link #fitMax(Matrix)}</td><td>0</td>
 *       <td>the largest absolute value (the column max when no value is negative)</td></tr>
 *   <tr><td>{@link Kind#MIN_MAX}</td><td>{@link #fitMinMax(Matrix)}</td><td>the min</td>
 *       <td>max - min, mapping the training range onto [0, 1]</td></tr>
 *   <tr><td>{@link Kind#Z_SCORE}</td><td>{@link #fitZScore(Matrix)}</td><td>the mean</td>
 *       <td>the population standard deviation (divided by n)</td></tr>
 * </table>
 *
 * <p><b>Constant columns.</b> When the fitted scale would be 0 (a column of zeros for max scaling, a
 * constant column for min-max and z-score) the scale is 1 instead, so the column maps to
 * {@code x - offset} (0 on the training rows) and never to NaN.
 *
 * <p>Fit on the training rows only, then transform training, validation and test rows alike. The
 * parameters ({@link #kind()}, {@link #offsets()}, {@link #scales()}) are all a scaler holds, and
 * {@link #of(Kind, double[], double[])} rebuilds an equal scaler from them, so a model file can
 * store them (the kind as its {@link Kind#id()}). Scalers are immutable and safe to share between threads; {@code equals} is exact.
 */
public final class Scaler {

    /** The kinds of scaling: a closed set. Each has a stable {@link #id()}, written in model files. */
    public enum Kind {
        /** Each column divided by its largest absolute value, {@link Scaler#fitMax(Matrix)}. */
        MAX("max"),
        /** Each column's training range mapped onto [0, 1], {@link Scaler#fitMinMax(Matrix)}. */
        MIN_MAX("min-max"),
        /** Each column centred on its mean and divided by its deviation, {@link Scaler#fitZScore(Matrix)}. */
        Z_SCORE("z-score");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /**
         * {@return the stable name written in model files and ONNX metadata: {@code "max"},
         * {@code "min-max"} or {@code "z-score"}}
         */
        public String id() {
            return id;
        }

        /**
         * Returns the kind with a given {@link #id()}.
         *
         * @param id {@code "max"}, {@code "min-max"} or {@code "z-score"}
         * @return the kind
         * @throws IllegalArgumentException if {@code id} is null or names no kind (the id quoted)
         */
        public static Kind ofId(String id) {
            if (id == null) {
                throw new IllegalArgumentException("scaler kind is null; expected max, min-max or z-score");
            }
            for (Kind kind : values()) {
                if (kind.id.equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown scaler kind '" + id + "'; expected max, min-max or z-score");
        }

        /**
         * {@return the {@link #id()}, so messages read "a min-max scaler"}
         */
        @Override
        public String toString() {
            return id;
        }
    }

    private final ColumnAffine parameters;

    private Scaler(ColumnAffine parameters) {
        this.parameters = parameters;
    }

    /**
     * Fits the tutorial's max scaling: each column divided by its largest absolute value. On
     * non-negative data such as Iris this is exactly {@code X / np.amax(X, axis=0)}.
     *
     * @param rows the training rows, at least one
     * @return the fitted scaler
     * @throws IllegalArgumentException if {@code rows} is null or has no rows
     */
    public static Scaler fitMax(Matrix rows) {
        return new Scaler(ColumnAffine.fitMaxAbs(rows));
    }

    /**
     * Fits min-max scaling: each column's training range mapped onto [0, 1].
     *
     * @param rows the training rows, at least one
     * @return the fitted scaler
     * @throws IllegalArgumentException if {@code rows} is null or has no rows, or a column's range
     *     {@code max - min} overflows a double (the column is named)
     */
    public static Scaler fitMinMax(Matrix rows) {
        return new Scaler(ColumnAffine.fitMinMax(rows));
    }

    /**
     * Fits z-score scaling: each column centred on its mean and divided by its population standard
     * deviation.
     *
     * @param rows the training rows, at least one
     * @return the fitted scaler
     * @throws IllegalArgumentException if {@code rows} is null or has no rows, or a column's mean or
     *     deviation overflows a double (the column is named)
     */
    public static Scaler fitZScore(Matrix rows) {
        return new Scaler(ColumnAffine.fitZScore(rows));
    }

    /**
     * Rebuilds a scaler from its parameters, as returned by {@link #kind()}, {@link #offsets()} and
     * {@link #scales()}.
     *
     * @param kind the kind
     * @param offsets one finite offset per column; all 0 for {@link Kind#MAX}
     * @param scales one finite, positive scale per column
     * @return a scaler equal to the one the parameters came from
     * @throws IllegalArgumentException if the kind is null, an array is null, the lengths differ,
     *     an offset is not finite (or not 0 for max scaling), or a scale is not finite and positive
     *     (the column is named)
     */
    public static Scaler of(Kind kind, double[] offsets, double[] scales) {
        if (kind == null) {
            throw new IllegalArgumentException("scaler kind is null; expected max, min-max or z-score");
        }
        ColumnAffine parameters = ColumnAffine.of(kind, offsets, scales);
        if (kind == Kind.MAX) {
            parameters.requireZeroOffsets();
        }
        return new Scaler(parameters);
    }

    /**
     * Returns the kind of scaling; {@code kind().id()} is its stable name in files.
     *
     * @return the kind
     */
    public Kind kind() {
        return parameters.kind();
    }

    /**
     * Returns the number of columns the scaler was fitted on.
     *
     * @return the column count
     */
    public int columns() {
        return parameters.columns();
    }

    /**
     * Returns a copy of the per-column offsets (subtracted first).
     *
     * @return a new array of {@link #columns()} values
     */
    public double[] offsets() {
        return parameters.offsets();
    }

    /**
     * Returns a copy of the per-column scales (divided by after the offset), each finite and positive.
     *
     * @return a new array of {@link #columns()} values
     */
    public double[] scales() {
        return parameters.scales();
    }

    /**
     * Scales rows: {@code (x - offset) / scale} in each column.
     *
     * @param rows rows with {@link #columns()} columns
     * @return a new matrix of the same shape
     * @throws IllegalArgumentException if {@code rows} is null, has another number of columns (both
     *     widths named), or a result overflows (row and column named)
     */
    public Matrix transform(Matrix rows) {
        return parameters.transform(rows);
    }

    /**
     * Maps scaled rows back to the original units: {@code y * scale + offset} in each column, for
     * example predictions back to centimetres.
     *
     * @param rows scaled rows with {@link #columns()} columns
     * @return a new matrix of the same shape
     * @throws IllegalArgumentException if {@code rows} is null, has another number of columns (both
     *     widths named), or a result overflows (row and column named)
     */
    public Matrix inverseTransform(Matrix rows) {
        return parameters.inverseTransform(rows);
    }

    /**
     * Compares kind and parameters exactly.
     *
     * @param obj the other object
     * @return true if {@code obj} is a scaler of the same kind with bit-identical offsets and scales
     */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Scaler other && parameters.equals(other.parameters);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    /**
     * Returns the kind and parameters, for example {@code "max scaler[offsets=[...], scales=[...]]"}.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return parameters.toString();
    }
}
