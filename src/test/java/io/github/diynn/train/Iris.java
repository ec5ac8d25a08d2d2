package io.github.diynn.train;

import io.github.diynn.core.Matrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The Iris test resource, read directly so the trainer's tests depend on no loader. */
final class Iris {

    /** The four measurements of each of the 150 flowers, in file order. */
    static final double[][] FEATURES;

    static {
        List<double[]> rows = new ArrayList<>();
        try (InputStream in = Iris.class.getResourceAsStream("/iris.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[4];
                for (int j = 0; j < 4; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FEATURES = rows.toArray(new double[0][]);
    }

    private Iris() {
    }

    /** The tutorial's regression: sepal length and width predict petal length, each column / its max. */
    static Matrix regressionInputs() {
        double[][] x = new double[FEATURES.length][2];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = FEATURES[i][0] / columnMax(0);
            x[i][1] = FEATURES[i][1] / columnMax(1);
        }
        return Matrix.of(x);
    }

    /** Petal length divided by its maximum, one row per flower. */
    static Matrix regressionTargets() {
        double[] y = new double[FEATURES.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = FEATURES[i][2] / columnMax(2);
        }
        return Matrix.columnVector(y);
    }

    private static double columnMax(int column) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : FEATURES) {
            max = Math.max(max, row[column]);
        }
        return max;
    }
}
