package io.github.diynn.train;

import io.github.diynn.core.Matrix;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The tutorial's regression on the bundled Iris: sepal length and width predict petal length. */
final class Iris {

    private static final Dataset RAW = load(CsvLoader.builder()
            .inputs("sepal_length", "sepal_width")
            .targets("petal_length")
            .build());

    private static final Dataset SPECIES = load(CsvLoader.builder()
            .inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
            .oneHotTarget("species")
            .build());

    private Iris() {
    }

    /** The test resource {@code /iris.csv} (src/test/resources), which is not in the library's jar. */
    private static Dataset load(CsvLoader loader) {
        try {
            return loader.loadResource(Iris.class, "/iris.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unscaled data: sepal length and width (cm) to petal length (cm), one row per flower. */
    static Dataset raw() {
        return RAW;
    }

    /** The four measurements, z-scored over all 150 flowers, with the species as one-hot targets. */
    static Dataset species() {
        return SPECIES.withInputs(Scaler.fitZScore(SPECIES.inputs()).transform(SPECIES.inputs()));
    }

    /** Sepal length and width, each column divided by its maximum, one row per flower in file order. */
    static Matrix regressionInputs() {
        return Scaler.fitMax(RAW.inputs()).transform(RAW.inputs());
    }

    /** Petal length divided by its maximum. */
    static Matrix regressionTargets() {
        return Scaler.fitMax(RAW.targets()).transform(RAW.targets());
    }
}
