package io.github.diynn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.diynn.data.CsvException;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * The CSV loader on arbitrary bytes: it returns a data set of finite values whose class labels fit
 * its targets, or throws
 * {@link CsvException} naming the source. Anything else (an index error, a NumberFormatException,
 * running out of memory) is a finding.
 */
class CsvLoaderFuzzTest {

    private static final String SOURCE = "fuzz.csv";

    private static final List<CsvLoader> LOADERS = List.of(
            CsvLoader.builder().targets("y").build(),
            CsvLoader.builder().targetColumns(0).build(),
            CsvLoader.builder().inputs("a", "b").oneHotTarget("label").build(),
            CsvLoader.builder().separator(';').targetColumns(1).build(),
            CsvLoader.builder().inputColumns(0, 1).oneHotTargetColumn(2).classes("x", "y", "z").build(),
            CsvLoader.builder().separator('\t').targets("y").build(),
            CsvLoader.builder().inputs("a", "b").binaryTarget("label").build(),
            CsvLoader.builder().inputColumns(0, 1).binaryTargetColumn(2).classes("no", "yes").build(),
            CsvLoader.builder().inputs("a", "b").targetColumns(1).build());

    @FuzzTest(maxDuration = "60s")
    void loadGivesFiniteDataOrThrowsCsvExceptionNamingTheSource(byte[] data) throws IOException {
        FuzzBytes in = new FuzzBytes(data);
        CsvLoader loader = LOADERS.get(in.nextUnsignedByte() % LOADERS.size());
        byte[] file = in.remaining();
        Dataset dataset;
        try {
            dataset = loader.load(new ByteArrayInputStream(file), SOURCE);
        } catch (CsvException rejected) {
            assertThat(rejected.source()).isEqualTo(SOURCE);
            assertThat(rejected.getMessage()).startsWith(SOURCE);
            assertThat(rejected.line()).isNotNegative();
            assertThat(rejected.column()).isNotNegative();
            return;
        }
        assertThat(dataset.size()).isPositive();
        assertThat(dataset.inputs().isFinite()).as("inputs finite").isTrue();
        assertThat(dataset.targets().isFinite()).as("targets finite").isTrue();
        assertThat(dataset.targets().columns()).isPositive();
        assertClassesFitTheTargets(dataset);
    }

    /** Class labels: none, one per one-hot column (each row one 1), or two for a 0/1 column. */
    private static void assertClassesFitTheTargets(Dataset dataset) {
        List<String> labels = dataset.classLabels();
        if (labels.isEmpty()) {
            return;
        }
        assertThat(labels).doesNotHaveDuplicates();
        double[][] rows = dataset.targets().toArray();
        if (dataset.targets().columns() == 1 && labels.size() == 2) {
            for (double[] row : rows) {
                assertThat(row[0]).isIn(0.0, 1.0);
            }
            return;
        }
        assertThat(labels).hasSize(dataset.targets().columns());
        for (double[] row : rows) {
            assertThat(java.util.Arrays.stream(row).sum()).isEqualTo(1.0);
        }
    }
}
