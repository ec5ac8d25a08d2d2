package io.github.diynn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict loader of numeric CSV files with a header row, giving a {@link Dataset}.
 *
 * <pre>{@code
 * CsvLoader loader = CsvLoader.builder()
 *         .inputs("sepal_length", "sepal_width")
 *         .targets("petal_length")
 *         .build();
 * Dataset iris = loader.load(file);   // a Path; or loader.loadResource(App.class, "/iris.csv")
 * }</pre>
 *
 * <p>The first non-blank line is the header; it names every column. Inputs and targets are chosen
 * by header name or by index (from 0); columns not chosen, such as a text column, are skipped (their
 * cells are only counted). Without a choice of inputs, every column that is not a target is an
 * input; a column cannot be both an input and a target. A text column can instead become one-hot
 * targets ({@link Builder#oneHotTarget(String)}: one target column per class) or a binary target
 * ({@link Builder#binaryTarget(String)}: one 0/1 column for exactly two classes). The classes are
 * the labels found, <b>sorted</b> in {@link String#compareTo(String) String natural order}, so
 * every file with the same labels gives the same columns, unless given with
 * {@link Builder#classes(String...)}; the data set's {@link Dataset#classLabels()} holds them, and
 * for one-hot targets its target names are the class labels too.
 *
 * <p>What is accepted and refused (the rules are listed in {@code docs/data.md}):
 * <ul>
 *   <li>UTF-8 text, with or without a byte-order mark at the start; a byte-order mark later, NUL
 *       characters and bytes that are not UTF-8 (UTF-16, Latin-1) are refused;</li>
 *   <li>lines ending with LF, CRLF or CR, mixed; blank lines skipped, line numbers kept physical;</li>
 *   <li>every row exactly as many cells as the header (a trailing separator is a cell too);</li>
 *   <li>cells may be quoted with {@code "}, on one line; spaces around a cell are dropped;</li>
 *   <li>numbers follow a strict grammar, {@code [+-] digits [. digits] [(e|E) [+-] digits]}, read
 *       the same under every default locale; empty cells, NaN, infinities, values that overflow,
 *       hexadecimal, type suffixes ({@code 1.5f}, {@code 1d}), decimal commas and any other
 *       character are refused;</li>
 *   <li>at most {@value #MAX_LINE_CHARACTERS} characters and
 *       {@value #MAX_CELLS_PER_LINE} cells on a line: input is streamed, a longer line is
 *       refused as soon as the limit is passed;</li>
 *   <li>a header needs at least one data row; header names must be non-empty and distinct.</li>
 * </ul>
 * Every refusal of the text is a {@link CsvException} (unchecked) naming the source, the physical
 * line and the column. Failures to read (a missing file, a directory, a failing stream) are
 * {@link IOException}s, declared by every {@code load} method: the library's one policy for files,
 * described in {@code docs/data.md}.
 *
 * <p>A loader is immutable and can be used from several threads at once.
 */
public final class CsvLoader {

    /** The longest line accepted, in characters (1 MiB): a longer line is refused. */
    public static final int MAX_LINE_CHARACTERS = 1 << 20;

    /** The most cells accepted on one line: a wider line is refused. */
    public static final int MAX_CELLS_PER_LINE = 10_000;

    private final char separator;
    private final List<ColumnChoice> inputs;
    private final List<ColumnChoice> targets;
    private final ColumnChoice label;
    private final boolean binary;
    private final List<String> classes;

    private CsvLoader(Builder builder) {
        this.separator = builder.separator;
        this.inputs = List.copyOf(builder.inputs);
        this.targets = List.copyOf(builder.targets);
        this.label = builder.label;
        this.binary = builder.binary;
        this.classes = List.copyOf(builder.classes);
    }

    /**
     * Starts a loader: comma-separated, inputs every non-target column, no targets chosen yet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a UTF-8 file.
     *
     * @param path the file
     * @return the data set
     * @throws CsvException if the contents break a rule (path, line and column named)
     * @throws NoSuchFileException if the file is missing
     * @throws FileSystemException if the path is a directory (the path named)
     * @throws IOException if the file cannot be read (for example {@link java.nio.file.AccessDeniedException})
     * @throws IllegalArgumentException if {@code path} is null
     */
    public Dataset load(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("the path of the CSV file is null");
        }
        String source = path.toString();
        if (Files.isDirectory(path)) {
            throw new FileSystemException(source, null, "is a directory, not a CSV file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return load(in, source);
        }
    }

    /**
     * Loads UTF-8 bytes from a stream, which is read to its end and not closed.
     *
     * @param in the stream
     * @param sourceName the name used in messages, such as a file name or URL
     * @return the data set
     * @throws CsvException if the contents break a rule (source, line and column named)
     * @throws IOException if reading the stream fails (the message names the source and the line)
     * @throws IllegalArgumentException if an argument is null
     */
    public Dataset load(InputStream in, String sourceName) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("the input stream for " + sourceName + " is null");
        }
        return load(new InputStreamReader(in, StandardCharsets.UTF_8), sourceName);
    }

    /**
     * Loads characters from a reader, which is read to its end and not closed.
     *
     * @param reader the reader
     * @param sourceName the name used in messages, such as a file name
     * @return the data set
     * @throws CsvException if the contents break a rule (source, line and column named)
     * @throws IOException if the reader fails (the message names the source and the line, the
     *     reader's exception is the cause)
     * @throws IllegalArgumentException if an argument is null
     */
    public Dataset load(Reader reader, String sourceName) throws IOException {
        if (sourceName == null) {
            throw new IllegalArgumentException("the source name is null");
        }
        if (reader == null) {
            throw new IllegalArgumentException("the reader for " + sourceName + " is null");
        }
        try {
            return new CsvRead(this, new CsvRecordReader(reader, sourceName, separator), sourceName).run();
        } catch (CsvRecordReader.ReadFailure e) {
            throw e.getCause();
        }
    }

    /**
     * Loads a UTF-8 resource found as {@code anchor.getResourceAsStream(name)} finds it (a name
     * starting with {@code /} is absolute, others are relative to the anchor's package).
     *
     * @param anchor a class whose module and class loader can see the resource
     * @param name the resource name, such as {@code "/iris.csv"}
     * @return the data set
     * @throws CsvException if the contents break a rule (resource name, line and column named)
     * @throws NoSuchFileException if the anchor sees no such resource
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if an argument is null
     */
    public Dataset loadResource(Class<?> anchor, String name) throws IOException {
        if (anchor == null || name == null) {
            throw new IllegalArgumentException("a resource needs an anchor class and a name, got " + anchor
                    + " and " + name);
        }
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new NoSuchFileException(name, null, "no such resource next to " + anchor.getName());
            }
            return load(in, name);
        }
    }

    char separator() {
        return separator;
    }

    List<ColumnChoice> inputs() {
        return inputs;
    }

    List<ColumnChoice> targets() {
        return targets;
    }

    ColumnChoice label() {
        return label;
    }

    /** Whether the label column becomes one 0/1 target column rather than one-hot columns. */
    boolean binary() {
        return binary;
    }

    List<String> classes() {
        return classes;
    }

    /** A column chosen by header name, or by index when the name is null. */
    record ColumnChoice(String name, int index) {
        @Override
        public String toString() {
            return name != null ? "'" + name + "'" : "index " + index;
        }
    }

    /**
     * Collects the choices for a {@link CsvLoader}. A builder is not thread-safe; the loader it
     * builds is immutable.
     */
    public static final class Builder {

        private char separator = ',';
        private List<ColumnChoice> inputs = List.of();
        private List<ColumnChoice> targets = List.of();
        private ColumnChoice label;
        private boolean binary;
        private List<String> classes = List.of();

        private Builder() {
        }

        /**
         * Sets the cell separator; the default is a comma.
         *
         * @param separator any character but a quote, space, line end, letter, digit, {@code +},
         *     {@code -} or {@code .}
         * @return this builder
         * @throws IllegalArgumentException if the character cannot separate numeric cells
         */
        public Builder separator(char separator) {
            if (separator == '"' || separator == ' ' || separator == '\r' || separator == '\n'
                    || separator == '\uFEFF' || Character.isLetterOrDigit(separator) || "+-.".indexOf(separator) >= 0) {
                throw new IllegalArgumentException("cannot separate cells with " + CsvText.describe(separator));
            }
            this.separator = separator;
            return this;
        }

        /**
         * Chooses the input columns by header name, in the order given.
         *
         * @param names distinct header names
         * @return this builder
         * @throws IllegalArgumentException if a name is null or repeated
         */
        public Builder inputs(String... names) {
            this.inputs = byName(names, "input");
            return this;
        }

        /**
         * Chooses the input columns by index (the first column is 0), in the order given.
         *
         * @param indices distinct indices, each at least 0
         * @return this builder
         * @throws IllegalArgumentException if an index is negative or repeated
         */
        public Builder inputColumns(int... indices) {
            this.inputs = byIndex(indices, "input");
            return this;
        }

        /**
         * Chooses numeric target columns by header name, in the order given.
         *
         * @param names distinct header names, at least one
         * @return this builder
         * @throws IllegalArgumentException if there is no name, or a name is null or repeated
         */
        public Builder targets(String... names) {
            this.targets = nonEmpty(byName(names, "target"));
            this.label = null;
            this.binary = false;
            return this;
        }

        /**
         * Chooses numeric target columns by index (the first column is 0), in the order given.
         *
         * @param indices distinct indices, each at least 0, at least one
         * @return this builder
         * @throws IllegalArgumentException if there is no index, or an index is negative or repeated
         */
        public Builder targetColumns(int... indices) {
            this.targets = nonEmpty(byIndex(indices, "target"));
            this.label = null;
            this.binary = false;
            return this;
        }

        /**
         * Makes one-hot targets from a text column named in the header: one target column per class,
         * 1 for the row's class and 0 elsewhere.
         *
         * @param name the header name of the label column
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is null
         */
        public Builder oneHotTarget(String name) {
            this.label = byName(new String[] {name}, "label").get(0);
            this.targets = List.of();
            this.binary = false;
            return this;
        }

        /**
         * Makes one-hot targets from a text column chosen by index (the first column is 0).
         *
         * @param index the index of the label column, at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code index} is negative
         */
        public Builder oneHotTargetColumn(int index) {
            this.label = byIndex(new int[] {index}, "label").get(0);
            this.targets = List.of();
            this.binary = false;
            return this;
        }

        /**
         * Makes one 0/1 target column from a text column named in the header holding exactly two
         * class labels: without {@link #classes(String...)} the two labels found, sorted, the first
         * giving 0 and the second 1; with {@code classes(negative, positive)}, those. A third label
         * is refused with its line and column. The data set's {@link Dataset#classLabels()} is
         * {@code [label of 0, label of 1]} and its target name the column's name.
         *
         * @param name the header name of the label column
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is null
         */
        public Builder binaryTarget(String name) {
            oneHotTarget(name);
            this.binary = true;
            return this;
        }

        /**
         * Makes one 0/1 target column from a text column chosen by index (the first column is 0), as
         * {@link #binaryTarget(String)} does.
         *
         * @param index the index of the label column, at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code index} is negative
         */
        public Builder binaryTargetColumn(int index) {
            oneHotTargetColumn(index);
            this.binary = true;
            return this;
        }

        /**
         * Fixes the classes of the one-hot or binary target and their order; a label outside them is
         * refused, naming the file, line and column and listing the classes. Without this call the
         * classes are the labels found, sorted in {@link String#compareTo(String) String natural
         * order}. To load a second file for a fitted model, pass the model's labels
         * ({@code classes(training.classLabels().toArray(String[]::new))}).
         *
         * @param labels distinct, non-empty class labels, at least one
         * @return this builder
         * @throws IllegalArgumentException if there is no label, or a label is null, empty or repeated
         */
        public Builder classes(String... labels) {
            if (labels == null || labels.length == 0) {
                throw new IllegalArgumentException("classes need at least one label");
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == null || labels[i].isEmpty()) {
                    throw new IllegalArgumentException("class label " + i + " is null or empty");
                }
                if (Arrays.asList(labels).subList(0, i).contains(labels[i])) {
                    throw new IllegalArgumentException("class label " + CsvText.quote(labels[i]) + " is repeated");
                }
            }
            this.classes = List.of(labels);
            return this;
        }

        /**
         * Builds the loader.
         *
         * @return an immutable loader
         * @throws IllegalArgumentException if no targets were chosen, classes were given without a
         *     one-hot or binary target, a binary target was given other than two classes, or a column
         *     is chosen both as an input and a target (the column named); a column chosen by name on
         *     one side and by index on the other is checked against the header when loading
         */
        public CsvLoader build() {
            if (targets.isEmpty() && label == null) {
                throw new IllegalArgumentException("choose the targets: targets(...), targetColumns(...),"
                        + " oneHotTarget(...), oneHotTargetColumn(...), binaryTarget(...) or binaryTargetColumn(...)");
            }
            if (!classes.isEmpty() && label == null) {
                throw new IllegalArgumentException("classes " + classes + " given without a one-hot target or a binary target");
            }
            if (binary && !classes.isEmpty() && classes.size() != 2) {
                throw new IllegalArgumentException("a binary target needs exactly 2 classes (negative, positive), got "
                        + classes.size() + ": " + classes);
            }
            for (ColumnChoice input : inputs) {
                if (targets.contains(input) || input.equals(label)) {
                    throw new IllegalArgumentException("column " + input + " is chosen both as an input and as a target;"
                            + " a target among the inputs leaks the answer");
                }
            }
            return new CsvLoader(this);
        }

        private static List<ColumnChoice> byName(String[] names, String what) {
            if (names == null) {
                throw new IllegalArgumentException(what + " column names are null");
            }
            List<ColumnChoice> out = new ArrayList<>();
            for (String name : names) {
                if (name == null) {
                    throw new IllegalArgumentException("an " + what + " column name is null");
                }
                addDistinct(out, new ColumnChoice(name, -1), what);
            }
            return List.copyOf(out);
        }

        private static List<ColumnChoice> byIndex(int[] indices, String what) {
            if (indices == null) {
                throw new IllegalArgumentException(what + " column indices are null");
            }
            List<ColumnChoice> out = new ArrayList<>();
            for (int index : indices) {
                if (index < 0) {
                    throw new IllegalArgumentException(what + " column index " + index + " is negative");
                }
                addDistinct(out, new ColumnChoice(null, index), what);
            }
            return List.copyOf(out);
        }

        private static void addDistinct(List<ColumnChoice> out, ColumnChoice choice, String what) {
            if (out.contains(choice)) {
                throw new IllegalArgumentException(what + " column " + choice + " is chosen twice");
            }
            out.add(choice);
        }

        private static List<ColumnChoice> nonEmpty(List<ColumnChoice> choices) {
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("choose at least one target column");
            }
            return choices;
        }
    }
}
