package io.github.diynn.docs;

import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the pages' snippets take as given: the bundled Iris file, loaded or copied. */
final class PageFixtures {

    private PageFixtures() {
    }

    /** {@return a copy of the bundled iris.csv in the folder, as a user's own file} */
    static Path irisFile(Path folder) throws IOException {
        Path csv = folder.resolve("iris.csv");
        try (InputStream in = PageFixtures.class.getResourceAsStream("/iris.csv")) {
            Files.copy(in, csv);
        }
        return csv;
    }

    /**
     * {@return Iris: the four measurements, the species one-hot (setosa, versicolor, virginica)}
     *
     * @throws IOException if the resource cannot be read
     */
    static Dataset species() throws IOException {
        return CsvLoader.builder()
                .inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
                .oneHotTarget("species")
                .build()
                .loadResource(PageFixtures.class, "/iris.csv");
    }

    /**
     * {@return Iris: sepal length and width, petal length}
     *
     * @throws IOException if the resource cannot be read
     */
    static Dataset petalLength() throws IOException {
        return CsvLoader.builder()
                .inputs("sepal_length", "sepal_width")
                .targets("petal_length")
                .build()
                .loadResource(PageFixtures.class, "/iris.csv");
    }
}
