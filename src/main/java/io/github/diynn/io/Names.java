package io.github.diynn.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks the name lists of a {@link SavedModel} and explains a mismatch between two lists of columns. */
final class Names {

    private Names() {
    }

    /**
     * Returns an immutable copy of a list of names after checking each name.
     *
     * @param names the names
     * @param what what they name, for messages ("input names")
     * @throws IllegalArgumentException if the list or a name is null, a name is empty or longer than
     *     {@link SavedModel#MAX_NAME_LENGTH}, or a name occurs twice (the name and its positions named)
     */
    static List<String> checked(List<String> names, String what) {
        if (names == null) {
            throw new IllegalArgumentException(what + " are null; use an empty list for none");
        }
        List<String> copy = new ArrayList<>(names.size());
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            if (name == null || name.isEmpty() || name.length() > SavedModel.MAX_NAME_LENGTH) {
                throw new IllegalArgumentException(what + " " + k + " is " + (name == null ? "null"
                        : name.isEmpty() ? "empty" : name.length() + " characters long") + "; a name has 1 to "
                        + SavedModel.MAX_NAME_LENGTH + " characters");
            }
            int first = copy.indexOf(name);
            if (first >= 0) {
                throw new IllegalArgumentException(what + " " + first + " and " + k + " are both \"" + name + "\"");
            }
            copy.add(name);
        }
        return List.copyOf(copy);
    }

    /**
     * Describes how a data set's columns differ from the columns a model expects: the first position
     * where they differ, then the columns missing from and extra in the data set, in their order.
     */
    static String mismatch(List<String> expected, List<String> actual) {
        int first = 0;
        while (first < expected.size() && first < actual.size() && expected.get(first).equals(actual.get(first))) {
            first++;
        }
        StringBuilder text = new StringBuilder("the data set's columns ").append(actual)
                .append(" do not match the model's inputs ").append(expected).append(": ");
        if (first == actual.size()) {
            text.append("the data set ends after ").append(first).append(" columns where the model expects \"")
                    .append(expected.get(first)).append('"');
        } else if (first == expected.size()) {
            text.append("column ").append(first).append(" \"").append(actual.get(first))
                    .append("\" is one more than the model takes");
        } else {
            text.append("column ").append(first).append(" is \"").append(actual.get(first))
                    .append("\" where the model expects \"").append(expected.get(first)).append('"');
        }
        List<String> missing = without(expected, actual);
        List<String> extra = without(actual, expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            text.append("; the same columns in another order, reorder them to the model's order");
        } else {
            text.append("; missing ").append(missing).append(", extra ").append(extra);
        }
        return text.toString();
    }

    /** The names of {@code names} absent from {@code others}, in order. */
    private static List<String> without(List<String> names, List<String> others) {
        Set<String> present = new HashSet<>(others);
        List<String> left = new ArrayList<>();
        for (String name : names) {
            if (!present.contains(name)) {
                left.add(name);
            }
        }
        return left;
    }
}
