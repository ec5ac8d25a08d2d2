package io.github.diynn.data;

import io.github.diynn.core.Matrix;
import io.github.diynn.internal.Permutations;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * An immutable data set: inputs and targets with one sample per row, optional column names and,
 * for classification, the class labels.
 *
 * <p>Row {@code i} of {@link #inputs()} and row {@code i} of {@link #targets()} form one sample;
 * every method that reorders or selects rows keeps the two together. Names are either absent (an
 * empty list) or one per column. Class labels are either absent (regression), one per target
 * column (one-hot targets: column {@code j} is class {@code classLabels().get(j)}), or two for a
 * single 0/1 target column ({@code [label of 0, label of 1]}). {@link CsvLoader} fills them in, so
 * the meaning of the target columns travels with the data. A {@code Dataset} is immutable and safe
 * to share between threads.
 *
 * <pre>{@code
 * Dataset data = new Dataset(Matrix.columnVector(0, 1, 2, 3, 4), Matrix.columnVector(0, 2, 4, 6, 8));
 * DatasetSplit split = data.split(0.8, 7);                // shuffled with seed 7: 4 rows, then 1
 * List<Dataset> batches = split.first().batches(3);       // 3 rows, then 1
 * Dataset firstTwo = data.selectRows(0, 1);               // each input row with its target row
 * }</pre>
 *
 * @param inputs the {@code samples x features} inputs
 * @param targets the {@code samples x outputs} targets
 * @param inputNames the input column names, empty or one per input column
 * @param targetNames the target column names, empty or one per target column
 * @param classLabels the class labels: empty, one per target column, or two for one target column
 */
public record Dataset(Matrix inputs, Matrix targets, List<String> inputNames, List<String> targetNames,
        List<String> classLabels) {

    /**
     * Checks the parts and copies the lists.
     *
     * @param inputs the {@code samples x features} inputs
     * @param targets the {@code samples x outputs} targets
     * @param inputNames the input column names, empty or one per input column
     * @param targetNames the target column names, empty or one per target column
     * @param classLabels the class labels: empty, one per target column, or two for one target column
     * @throws IllegalArgumentException if a part is null, the row counts differ (both shapes named),
     *     a name list is neither empty nor one name per column, a name is null, or the class labels
     *     do not fit the target columns or hold a null, empty or repeated label
     */
    public Dataset {
        if (inputs == null || targets == null) {
            throw new IllegalArgumentException("a dataset needs inputs and targets, got "
                    + (inputs == null ? "null" : inputs.shape()) + " and "
                    + (targets == null ? "null" : targets.shape()));
        }
        if (inputs.rows() != targets.rows()) {
            throw new IllegalArgumentException("inputs " + inputs.shape() + " and targets " + targets.shape()
                    + " have different numbers of rows");
        }
        inputNames = checkedNames(inputNames, inputs, "input");
        targetNames = checkedNames(targetNames, targets, "target");
        classLabels = checkedLabels(classLabels, targets);
    }

    /**
     * Builds a data set with column names and no class labels.
     *
     * @param inputs the {@code samples x features} inputs
     * @param targets the {@code samples x outputs} targets
     * @param inputNames the input column names, empty or one per input column
     * @param targetNames the target column names, empty or one per target column
     * @throws IllegalArgumentException as {@link #Dataset(Matrix, Matrix, List, List, List)} does
     */
    public Dataset(Matrix inputs, Matrix targets, List<String> inputNames, List<String> targetNames) {
        this(inputs, targets, inputNames, targetNames, List.of());
    }

    /**
     * Builds a data set without column names.
     *
     * @param inputs the {@code samples x features} inputs
     * @param targets the {@code samples x outputs} targets
     * @throws IllegalArgumentException if either is null or the row counts differ (both shapes named)
     */
    public Dataset(Matrix inputs, Matrix targets) {
        this(inputs, targets, List.of(), List.of(), List.of());
    }

    /** Labels: empty, one per target column, or two for a single 0/1 column; distinct and non-empty. */
    private static List<String> checkedLabels(List<String> labels, Matrix targets) {
        if (labels == null) {
            throw new IllegalArgumentException("class labels are null; use an empty list for regression");
        }
        int columns = targets.columns();
        boolean fits = labels.isEmpty() || labels.size() == columns || columns == 1 && labels.size() == 2;
        if (!fits) {
            throw new IllegalArgumentException(labels.size() + " class labels " + labels + " for " + columns
                    + " target columns (" + targets.shape() + "); expected one per column, or two for one column");
        }
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null || label.isEmpty()) {
                throw new IllegalArgumentException("class label " + i + " is null or empty in " + labels);
            }
            if (labels.subList(0, i).contains(label)) {
                throw new IllegalArgumentException("class label '" + label + "' is repeated in " + labels);
            }
        }
        return List.copyOf(labels);
    }

    private static List<String> checkedNames(List<String> names, Matrix matrix, String what) {
        if (names == null) {
            throw new IllegalArgumentException(what + " names are null; use an empty list for no names");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                throw new IllegalArgumentException(what + " name " + i + " is null in " + names);
            }
        }
        if (!names.isEmpty() && names.size() != matrix.columns()) {
            throw new IllegalArgumentException(names.size() + " " + what + " names " + names + " for "
                    + matrix.columns() + " " + what + " columns (" + matrix.shape() + ")");
        }
        return List.copyOf(names);
    }

    /**
     * Returns the number of samples.
     *
     * @return the number of rows
     */
    public int size() {
        return inputs.rows();
    }

    /**
     * Returns this data set with other inputs, such as scaled ones; targets, target names and class
     * labels are kept, and the input names are kept only while the number of input columns stays
     * the same.
     *
     * @param newInputs the {@code samples x features} inputs, with {@link #size()} rows
     * @return a new data set
     * @throws IllegalArgumentException if {@code newInputs} is null or its row count differs (both
     *     shapes named)
     */
    public Dataset withInputs(Matrix newInputs) {
        boolean sameWidth = newInputs != null && newInputs.columns() == inputs.columns();
        return new Dataset(newInputs, targets, sameWidth ? inputNames : List.of(), targetNames, classLabels);
    }

    /**
     * Returns this data set with other targets, such as scaled ones; inputs and input names are
     * kept, and the target names and class labels are kept only while the number of target columns
     * stays the same.
     *
     * @param newTargets the {@code samples x outputs} targets, with {@link #size()} rows
     * @return a new data set
     * @throws IllegalArgumentException if {@code newTargets} is null or its row count differs (both
     *     shapes named)
     */
    public Dataset withTargets(Matrix newTargets) {
        boolean sameWidth = newTargets != null && newTargets.columns() == targets.columns();
        return new Dataset(inputs, newTargets, inputNames, sameWidth ? targetNames : List.of(),
                sameWidth ? classLabels : List.of());
    }

    /**
     * Returns the samples at the given row indices, in that order (indices may repeat); names and
     * class labels are kept.
     *
     * @param indices row indices, each from 0 to {@code size() - 1}
     * @return a new data set of {@code indices.length} samples
     * @throws IllegalArgumentException if {@code indices} is null
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, size())}
     */
    public Dataset selectRows(int... indices) {
        if (indices == null) {
            throw new IllegalArgumentException("row indices are null");
        }
        return new Dataset(inputs.selectRows(indices), targets.selectRows(indices), inputNames, targetNames,
                classLabels);
    }

    /**
     * Returns the consecutive samples {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param from the first row, from 0 to {@code size()}
     * @param to one past the last row, from {@code from} to {@code size()}
     * @return a new data set of {@code to - from} samples
     * @throws IllegalArgumentException if the range is not within {@code [0, size()]} or is reversed
     */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("row range [" + from + ", " + to + ") is not within a data set of "
                    + size() + " samples");
        }
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return selectRows(indices);
    }

    /**
     * Returns the samples in a random order drawn by a Fisher-Yates shuffle driven by
     * {@code new java.util.Random(seed)}; the same seed always gives the same order.
     *
     * @param seed the seed of the random order
     * @return a new data set with the same samples, reordered
     * @see #shuffle(RandomGenerator)
     */
    public Dataset shuffle(long seed) {
        return shuffle(new Random(seed));
    }

    /**
     * Returns the samples in a random order drawn by a Fisher-Yates shuffle.
     *
     * <p>The order is drawn from {@code random} as follows, which advances the generator by
     * {@code size() - 1} calls of {@code nextInt}; sample {@code k} of the result is sample
     * {@code order[k]} of this set:
     *
     * <pre>  order = [0, 1, ..., size()-1]
     *  for i = size()-1 down to 1: j = random.nextInt(i + 1); swap order[i] and order[j]</pre>
     *
     * @param random the source of randomness
     * @return a new data set with the same samples, reordered
     * @throws IllegalArgumentException if {@code random} is null
     */
    public Dataset shuffle(RandomGenerator random) {
        return selectRows(permutation(size(), random));
    }

    /**
     * Draws a uniformly random permutation of {@code 0 .. size - 1} by the Fisher-Yates shuffle of
     * {@code internal.Permutations}, which the trainer's shuffled batch order shares.
     */
    static int[] permutation(int size, RandomGenerator random) {
        if (size < 0) {
            throw new IllegalArgumentException("permutation size must be at least 0, got " + size);
        }
        if (random == null) {
            throw new IllegalArgumentException("the random generator for a shuffle is null");
        }
        int[] order = new int[size];
        Permutations.shuffle(order, random);
        return order;
    }

    /**
     * Shuffles with {@link #shuffle(long)} and cuts the result in two: the first
     * {@code round(firstFraction * size())} shuffled samples, then the rest.
     *
     * <p>For Iris (150 samples), {@code split(0.8, seed)} gives 120 training and 30 test samples.
     *
     * @param firstFraction the share of samples in the first part, strictly between 0 and 1
     * @param seed the seed of the shuffle
     * @return the two parts; together they hold every sample exactly once
     * @throws IllegalArgumentException if {@code firstFraction} is NaN or not strictly between 0 and 1
     */
    public DatasetSplit split(double firstFraction, long seed) {
        if (!(firstFraction > 0.0 && firstFraction < 1.0)) {
            throw new IllegalArgumentException("split fraction must be strictly between 0 and 1, got "
                    + firstFraction);
        }
        int firstSize = (int) Math.round(firstFraction * size());
        Dataset shuffled = shuffle(seed);
        return new DatasetSplit(shuffled.slice(0, firstSize), shuffled.slice(firstSize, size()));
    }

    /**
     * Cuts the samples, in their current order, into consecutive batches of {@code batchSize}; the
     * last batch holds the remainder and may be smaller. No data set gives no batches.
     *
     * @param batchSize the number of samples per batch, at least 1
     * @return an immutable list of {@code ceil(size() / batchSize)} data sets
     * @throws IllegalArgumentException if {@code batchSize} is less than 1
     */
    public List<Dataset> batches(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        List<Dataset> out = new ArrayList<>();
        for (int from = 0; from < size(); from += batchSize) {
            out.add(slice(from, Math.min(size(), from + batchSize)));
        }
        return List.copyOf(out);
    }

    /**
     * Splits like {@link #split(double, long)}, but class by class, so that every class keeps its
     * share of the samples in both parts: for classification with a validation or test set.
     *
     * <p>The class of a row is read from the targets: the column holding the 1 of a one-hot row
     * (exactly one 1, every other entry 0), or the value of a single 0/1 column. The first part gets
     * {@code F = round(firstFraction * size())} samples, as with {@code split}; class {@code c} with
     * {@code n_c} samples contributes {@code floor(F * n_c / size())} of them, and the samples still
     * missing go one each to the classes with the largest remainders (the lower class index first on
     * ties). So each class's count in either part is within one sample of its share of the whole
     * times that part's size. Which samples of a class go first is decided by one Fisher-Yates
     * shuffle of all rows from {@code new java.util.Random(seed)}; each part keeps that shuffled order.
     *
     * @param firstFraction the share of samples in the first part, strictly between 0 and 1
     * @param seed the seed of the shuffle
     * @return the two parts; together they hold every sample exactly once
     * @throws IllegalArgumentException if {@code firstFraction} is NaN or not strictly between 0 and 1,
     *     or a target row is not one-hot (or a single target not 0 or 1); the row, column and value
     *     are named
     */
    public DatasetSplit stratifiedSplit(double firstFraction, long seed) {
        if (!(firstFraction > 0.0 && firstFraction < 1.0)) {
            throw new IllegalArgumentException("split fraction must be strictly between 0 and 1, got "
                    + firstFraction);
        }
        int[] classes = stratificationClasses();
        int classCount = targets.columns() == 1 ? 2 : targets.columns();
        int[] counts = new int[classCount];
        for (int c : classes) {
            counts[c]++;
        }
        int firstSize = (int) Math.round(firstFraction * size());
        // Largest remainder: floor of each exact quota, then one more to the largest fractions.
        int[] quotas = new int[classCount];
        long[] remainders = new long[classCount];
        int given = 0;
        for (int c = 0; c < classCount; c++) {
            long exact = (long) firstSize * counts[c];
            quotas[c] = (int) (exact / size());
            remainders[c] = exact % size();
            given += quotas[c];
        }
        for (; given < firstSize; given++) {
            int largest = 0;
            for (int c = 1; c < classCount; c++) {
                if (remainders[c] > remainders[largest]) {
                    largest = c;
                }
            }
            quotas[largest]++;
            remainders[largest] = -1;
        }
        int[] order = permutation(size(), new Random(seed));
        int[] first = new int[firstSize];
        int[] second = new int[size() - firstSize];
        int[] taken = new int[classCount];
        int inFirst = 0;
        int inSecond = 0;
        for (int row : order) {
            int c = classes[row];
            if (taken[c] < quotas[c]) {
                taken[c]++;
                first[inFirst++] = row;
            } else {
                second[inSecond++] = row;
            }
        }
        return new DatasetSplit(selectRows(first), selectRows(second));
    }

    /** Reads the class of every row for {@link #stratifiedSplit}, refusing targets that are not classes. */
    private int[] stratificationClasses() {
        int columns = targets.columns();
        double[] values = targets.toRowMajorArray();
        int[] classes = new int[size()];
        for (int i = 0; i < classes.length; i++) {
            int hot = -1;
            for (int j = 0; j < columns; j++) {
                double value = values[i * columns + j];
                if (columns == 1 && (value == 0.0 || value == 1.0)) {
                    hot = (int) value;
                } else if (value == 1.0 && hot < 0) {
                    hot = j;
                } else if (value != 0.0) {
                    throw new IllegalArgumentException("a stratified split needs class targets (one-hot rows or a"
                            + " single 0/1 column), but target row " + i + ", column " + j + " is " + value
                            + " in the " + targets.shape() + " targets");
                }
            }
            if (hot < 0) {
                throw new IllegalArgumentException("a stratified split needs class targets (one-hot rows or a"
                        + " single 0/1 column), but target row " + i + " of the " + targets.shape()
                        + " targets has no 1");
            }
            classes[i] = hot;
        }
        return classes;
    }
}
