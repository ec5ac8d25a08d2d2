package io.github.diynn.data;

import io.github.diynn.core.Matrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a {@link CsvLoader} over one input: header checks, column choice, rows to matrices.
 *
 * <p>Class labels are numbered in order of first appearance while the rows stream by (the map
 * {@code classes}); when the classes were not fixed with {@code classes(...)}, {@link #dataset}
 * renumbers them in sorted order at the end, so the columns do not depend on the order of the rows.
 */
final class CsvRead {

    /** The most values one matrix may hold (a Java array's practical limit). */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
    /** How many header names a message lists at most. */
    private static final int NAMES_SHOWN = 20;

    private final CsvLoader loader;
    private final CsvRecordReader records;
    private final String source;
    private List<String> header;
    private int headerLine;
    private int[] inputColumns;
    private int[] targetColumns;
    private int labelColumn = -1;
    private final Map<String, Integer> classes = new LinkedHashMap<>();
    private final boolean classesFixed;

    CsvRead(CsvLoader loader, CsvRecordReader records, String source) {
        this.loader = loader;
        this.records = records;
        this.source = source;
        loader.classes().forEach(label -> classes.put(label, classes.size()));
        this.classesFixed = !loader.classes().isEmpty();
    }

    Dataset run() {
        if (!records.next()) {
            throw new CsvException(source, 0, 0, "the file is empty; expected a header row", null);
        }
        headerLine = records.line();
        header = List.copyOf(records.cells());
        checkHeader();
        chooseColumns();
        double[] inputs = new double[16];
        double[] targets = new double[16];
        int[] labels = new int[16];
        int rows = 0;
        while (records.next()) {
            List<String> cells = records.cells();
            checkWidth(cells);
            checkCapacity(rows + 1);
            inputs = ensure(inputs, (rows + 1) * inputColumns.length);
            for (int k = 0; k < inputColumns.length; k++) {
                inputs[rows * inputColumns.length + k] = number(cells, inputColumns[k], true);
            }
            if (labelColumn >= 0) {
                labels = rows < labels.length ? labels : Arrays.copyOf(labels, (int) Math.min(MAX_VALUES, 2L * rows));
                labels[rows] = classOf(cells.get(labelColumn));
            } else {
                targets = ensure(targets, (rows + 1) * targetColumns.length);
                for (int k = 0; k < targetColumns.length; k++) {
                    targets[rows * targetColumns.length + k] = number(cells, targetColumns[k], false);
                }
            }
            rows++;
        }
        if (rows == 0) {
            throw new CsvException(source, headerLine, 0, "the header has no data rows after it", null);
        }
        return dataset(rows, inputs, targets, labels);
    }

    private void checkHeader() {
        if (header.size() == 1 && records.otherSeparator() != 0) {
            char other = records.otherSeparator();
            throw new CsvException(source, headerLine, 1, "the header is one column " + CsvText.quote(header.get(0))
                    + " holding " + CsvText.describe(other) + "; is the separator " + CsvText.describe(other)
                    + "? Choose it with separator(...)", null);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                boolean trailing = i == header.size() - 1 && i > 0;
                throw new CsvException(source, headerLine, i + 1, "empty header name"
                        + (trailing ? " (a trailing separator at the end of the header?)" : ""), null);
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null) {
                throw new CsvException(source, headerLine, i + 1, "header name " + CsvText.quote(name)
                        + " repeats column " + (first + 1), null);
            }
        }
    }

    private void chooseColumns() {
        targetColumns = resolve(loader.targets());
        if (loader.label() != null) {
            labelColumn = resolve(List.of(loader.label()))[0];
        }
        if (!loader.inputs().isEmpty()) {
            inputColumns = resolve(loader.inputs());
            refuseTargetsAmongInputs();
            return;
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            final int column = i;
            if (i != labelColumn && Arrays.stream(targetColumns).noneMatch(t -> t == column)) {
                rest.add(i);
            }
        }
        inputColumns = rest.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A column chosen by name on one side and by index on the other can only be caught here. */
    private void refuseTargetsAmongInputs() {
        for (int k = 0; k < inputColumns.length; k++) {
            int column = inputColumns[k];
            if (column == labelColumn || Arrays.stream(targetColumns).anyMatch(t -> t == column)) {
                throw new CsvException(source, headerLine, column + 1, header.get(column), "the column is chosen"
                        + " both as an input (" + loader.inputs().get(k) + ") and as a target;"
                        + " a target among the inputs leaks the answer", null);
            }
        }
    }

    private int[] resolve(List<CsvLoader.ColumnChoice> choices) {
        int[] out = new int[choices.size()];
        for (int k = 0; k < out.length; k++) {
            CsvLoader.ColumnChoice choice = choices.get(k);
            if (choice.name() == null) {
                if (choice.index() >= header.size()) {
                    throw new CsvException(source, headerLine, 0, "column index " + choice.index()
                            + " is outside the header, which has " + header.size() + " columns (indices from 0)", null);
                }
                out[k] = choice.index();
            } else {
                out[k] = header.indexOf(choice.name());
                if (out[k] < 0) {
                    throw new CsvException(source, headerLine, 0, "no column named " + CsvText.quote(choice.name())
                            + " in the header; its columns are " + shownNames(), null);
                }
            }
        }
        return out;
    }

    private String shownNames() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < Math.min(header.size(), NAMES_SHOWN); i++) {
            out.append(i == 0 ? "" : ", ").append(CsvText.quote(header.get(i)));
        }
        if (header.size() > NAMES_SHOWN) {
            out.append(", ... (").append(header.size()).append(" columns)");
        }
        return out.append(']').toString();
    }

    private void checkWidth(List<String> cells) {
        int width = header.size();
        if (cells.size() == width) {
            return;
        }
        int line = records.line();
        if (cells.size() == width + 1 && cells.get(width).isEmpty()) {
            throw new CsvException(source, line, width + 1, "a trailing separator at the end of the line"
                    + " (the header on line " + headerLine + " has " + width + " columns)", null);
        }
        char other = records.otherSeparator();
        String hint = other == 0 ? "" : "; the line holds " + CsvText.describe(other) + ": is that the separator?";
        throw new CsvException(source, line, Math.min(cells.size(), width) + 1, "the row has " + cells.size()
                + (cells.size() == 1 ? " cell" : " cells") + " but the header on line " + headerLine + " has " + width + hint, null);
    }

    private void checkCapacity(int rows) {
        int labelWidth = loader.binary() ? 1 : classes.size() + 1;
        int width = Math.max(inputColumns.length, labelColumn >= 0 ? labelWidth : targetColumns.length);
        if ((long) rows * width > MAX_VALUES) {
            throw new CsvException(source, records.line(), 0, "too many rows: " + rows + " rows of " + width
                    + " values exceed what one matrix can hold", null);
        }
    }

    private double number(List<String> cells, int column, boolean input) {
        try {
            return CsvNumber.parse(cells.get(column));
        } catch (CsvException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String hint = input && loader.inputs().isEmpty() && !CsvNumber.fitsGrammar(cells.get(column))
                    ? "; all columns but the targets are inputs unless chosen with inputs(...)" : "";
            throw new CsvException(source, records.line(), column + 1, header.get(column), e.getMessage() + hint, null);
        }
    }

    private int classOf(String label) {
        if (label.isEmpty()) {
            throw new CsvException(source, records.line(), labelColumn + 1, header.get(labelColumn),
                    "empty class label", null);
        }
        Integer index = classes.get(label);
        if (index != null) {
            return index;
        }
        if (classesFixed) {
            throw new CsvException(source, records.line(), labelColumn + 1, header.get(labelColumn),
                    "unknown class label " + CsvText.quote(label) + "; the classes are " + quotedClasses(), null);
        }
        if (loader.binary() && classes.size() == 2) {
            throw new CsvException(source, records.line(), labelColumn + 1, header.get(labelColumn),
                    "a third class label " + CsvText.quote(label) + " for a binary target; the labels before it are "
                    + quotedClasses(), null);
        }
        classes.put(label, classes.size());
        return classes.size() - 1;
    }

    private String quotedClasses() {
        StringBuilder out = new StringBuilder("[");
        for (String label : classes.keySet()) {
            out.append(out.length() == 1 ? "" : ", ").append(CsvText.quote(label));
        }
        return out.append(']').toString();
    }

    private Dataset dataset(int rows, double[] inputs, double[] targets, int[] labels) {
        List<String> inputNames = names(inputColumns);
        Matrix inputMatrix = Matrix.of(rows, inputColumns.length, Arrays.copyOf(inputs, rows * inputColumns.length));
        if (labelColumn < 0) {
            Matrix targetMatrix = Matrix.of(rows, targetColumns.length,
                    Arrays.copyOf(targets, rows * targetColumns.length));
            return new Dataset(inputMatrix, targetMatrix, inputNames, names(targetColumns));
        }
        List<String> classLabels = new ArrayList<>(classes.keySet());
        if (!classesFixed) {
            classLabels.sort(null);
            int[] sortedIndex = new int[classLabels.size()];
            for (int c = 0; c < sortedIndex.length; c++) {
                sortedIndex[classes.get(classLabels.get(c))] = c;
            }
            for (int i = 0; i < rows; i++) {
                labels[i] = sortedIndex[labels[i]];
            }
        }
        if (loader.binary()) {
            return binaryDataset(rows, inputMatrix, inputNames, labels, classLabels);
        }
        int width = classLabels.size();
        if ((long) rows * width > MAX_VALUES) {
            throw new CsvException(source, 0, labelColumn + 1, header.get(labelColumn), rows + " rows of "
                    + width + " classes exceed what one matrix can hold", null);
        }
        double[] oneHot = new double[rows * width];
        for (int i = 0; i < rows; i++) {
            oneHot[i * width + labels[i]] = 1.0;
        }
        return new Dataset(inputMatrix, Matrix.of(rows, width, oneHot), inputNames, classLabels, classLabels);
    }

    private Dataset binaryDataset(int rows, Matrix inputMatrix, List<String> inputNames, int[] labels,
            List<String> classLabels) {
        if (classLabels.size() != 2) {
            throw new CsvException(source, 0, labelColumn + 1, header.get(labelColumn), "a binary target needs"
                    + " two class labels but the file holds only " + quotedClasses()
                    + "; name both with classes(negative, positive)", null);
        }
        double[] zeroOne = new double[rows];
        for (int i = 0; i < rows; i++) {
            zeroOne[i] = labels[i];
        }
        return new Dataset(inputMatrix, Matrix.of(rows, 1, zeroOne), inputNames,
                List.of(header.get(labelColumn)), classLabels);
    }

    private List<String> names(int[] columns) {
        List<String> out = new ArrayList<>();
        for (int column : columns) {
            out.add(header.get(column));
        }
        return out;
    }

    private static double[] ensure(double[] values, int size) {
        return size <= values.length ? values : Arrays.copyOf(values, (int) Math.min(MAX_VALUES, 2L * size));
    }
}
