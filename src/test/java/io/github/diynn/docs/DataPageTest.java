package io.github.diynn.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.data.Scaler;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/data.md's Java blocks, run. */
class DataPageTest {

    @Test
    void theLoaderPicksColumnsByHeaderName(@TempDir Path folder) throws IOException {
        Path csv = PageFixtures.irisFile(folder);
        // snippet: docs/data.md#loader
        CsvLoader loader = CsvLoader.builder()
                .inputs("sepal_length", "sepal_width")   // or inputColumns(0, 1): indices from 0
                .targets("petal_length")                 // or targetColumns(2), or oneHotTarget("species")
                .build();
        Dataset data = loader.load(csv);                 // csv: the Path of your file; IOException if unreadable
        // also: load(Reader, sourceName), load(InputStream, sourceName),
        //       loadResource(AnchorClass.class, "/data/measurements.csv") for a file in your own jar
        // end snippet

        assertThat(data.size()).isEqualTo(150);
        assertThat(data.inputNames()).containsExactly("sepal_length", "sepal_width");
        assertThat(data.targetNames()).containsExactly("petal_length");
        assertThat(data.inputs().row(0)).containsExactly(5.1, 3.5); // the file's first flower
        assertThat(data.targets().row(0)).containsExactly(1.4);
    }

    @Test
    void theSplitScalesBothPartsByTheTrainingRowsMaxima() throws IOException {
        Dataset data = PageFixtures.petalLength();
        // snippet: docs/data.md#split-and-scale
        DatasetSplit split = data.split(0.8, 42);
        Scaler inputScaler = Scaler.fitMax(split.first().inputs());
        Dataset train = split.first().withInputs(inputScaler.transform(split.first().inputs()));
        Dataset test = split.second().withInputs(inputScaler.transform(split.second().inputs()));
        // end snippet

        assertThat(train.size()).isEqualTo(120);
        assertThat(test.size()).isEqualTo(30);
        for (int j = 0; j < 2; j++) {
            double largest = 0;
            for (double value : train.inputs().column(j)) {
                largest = Math.max(largest, value);
            }
            assertThat(largest).as("column %d", j).isEqualTo(1.0);
        }
        assertThat(test.inputs().row(0)[0] * inputScaler.scales()[0]).isEqualTo(split.second().inputs().row(0)[0],
                within(1e-12));
    }
}
