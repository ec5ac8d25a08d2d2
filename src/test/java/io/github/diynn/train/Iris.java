package io.github.diynn.train;

import io.github.diynn.core.Matrix;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;

/** The tutorial's regression on the bundled Iris: sepal length and width predict petal length. */
final class Iris {

    private static final Dataset RAW = CsvLoader.builder()
            .inputs("sepal_length", "sepal_width")
            .targets("petal_length")
            .build()
            .loadResource(Iris.class, "/iris.csv");

    private static final Dataset SPECIES = CsvLoader.builder()
            .inputs("sepal_length", "sepal_width", "petal_length", "petal_width")
            .oneHotTarget("species")
            .build()
            .loadResource(Iris.class, "/iris.csv");

    private Iris() {
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
