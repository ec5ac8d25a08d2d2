package io.github.diynn.data;

/**
 * Two disjoint parts of a data set, as made by {@link Dataset#split(double, long)}: for example the
 * training samples first and the test (or validation) samples second.
 *
 * @param first the first part (the training samples of an 80/20 split)
 * @param second the second part, every sample not in {@code first}
 */
public record DatasetSplit(Dataset first, Dataset second) {

    /**
     * Checks that both parts are present.
     *
     * @param first the first part
     * @param second the second part
     * @throws IllegalArgumentException if a part is null
     */
    public DatasetSplit {
        if (first == null || second == null) {
            throw new IllegalArgumentException("a split needs two parts, got "
                    + (first == null ? "null" : first.size() + " samples") + " and "
                    + (second == null ? "null" : second.size() + " samples"));
        }
    }
}
