package io.github.diynn.examples;

import io.github.diynn.metrics.ConfusionMatrix;
import io.github.diynn.train.TrainingResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the examples' pictures with XChart (a test-scope dependency, never a runtime one) and writes
 * them as PNG files.
 *
 * <p>The examples' {@code main} methods write to the directory named by the system property
 * {@code pictures} ({@code target/pictures} if unset); {@code -Dpictures=docs} regenerates the
 * pictures of the documentation. Tests write to a temporary directory.
 */
final class Pictures {

    /** Width of every picture, in pixels. */
    static final int WIDTH = 800;
    /** Height of every picture, in pixels. */
    static final int HEIGHT = 500;

    /** Two colours that stay apart in print and for red-green colour blindness: blue and orange. */
    static final Color BLUE = new Color(31, 119, 180);
    static final Color ORANGE = new Color(255, 127, 14);
    static final Color GREEN = new Color(44, 160, 44);
    static final Color GREY = new Color(120, 120, 120);

    private Pictures() {
    }

    /**
     * Returns where a {@code main} writes its pictures: {@code -Dpictures=DIR}, else
     * {@code target/pictures}. Also switches AWT to headless mode (no display is used), which must
     * happen before the first chart is drawn.
     */
    static Path directory() {
        System.setProperty("java.awt.headless", "true");
        return Path.of(System.getProperty("pictures", "target/pictures"));
    }

    /** The line an example prints after drawing: where the pictures went, and their names. */
    static String written(Path directory, List<Path> files) {
        return "pictures written to " + directory + ": " + files.stream()
                .map(file -> file.getFileName().toString()).collect(Collectors.joining(", "));
    }

    /** A white line chart with a legend inside the top right corner. */
    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setPlotBorderColor(Color.GRAY);
        chart.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /** A line chart whose x axis counts epochs (or iterations) from 0 to {@code count}. */
    static XYChart byEpoch(String title, String xTitle, String yTitle, int count) {
        XYChart chart = chart(title, xTitle, yTitle);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) count);
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    /**
     * Gives a chart of equally spaced x values (epochs 1, 2, ...) round tick marks. XChart puts the
     * ticks of an axis whose values are equally spaced on the values themselves (1, 119, 237, ...);
     * one invisible point at x = 0.5, at the first series' first y, breaks the spacing, so it picks
     * round steps (0, 200, 400, ...) instead. Call it after adding the series.
     */
    static void roundEpochTicks(XYChart chart) {
        double y = chart.getSeriesMap().values().iterator().next().getYData()[0];
        XYSeries anchor = chart.addSeries(" ", new double[] {0.5}, new double[] {y});
        anchor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setMarkerColor(new Color(0, 0, 0, 0));
        anchor.setShowInLegend(false);
    }

    /** Adds a line without markers. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineWidth(width);
        return series;
    }

    /** Adds a dashed line without markers. */
    static XYSeries dashed(XYChart chart, String name, double[] x, double[] y, Color color, float width) {
        XYSeries series = line(chart, name, x, y, color, width);
        series.setLineStyle(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {8f, 6f}, 0f));
        return series;
    }

    /** Adds points: discs of the given diameter (pixels), filled, with a dark ring. */
    static XYSeries points(XYChart chart, String name, double[] x, double[] y, Color fill, int diameter) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(new Disc(diameter, fill));
        series.setMarkerColor(fill);
        return series;
    }

    /**
     * Adds points coloured by a value, with the bands of {@link #field}: one series per band that has
     * points, only the first shown in the legend, under {@code name}.
     */
    static void pointsByValue(XYChart chart, String name, double[] x, double[] y, double[] values, double low,
            double high, Color[] palette, int diameter) {
        boolean first = true;
        for (int b = 0; b < palette.length; b++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                int band = Math.max(0, Math.min(palette.length - 1,
                        (int) Math.floor((values[i] - low) / (high - low) * palette.length)));
                if (band == b) {
                    rows.add(i);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            double[] bx = new double[rows.size()];
            double[] by = new double[rows.size()];
            for (int k = 0; k < bx.length; k++) {
                bx[k] = x[rows.get(k)];
                by[k] = y[rows.get(k)];
            }
            XYSeries series = points(chart, first ? name : name + " " + b, bx, by, palette[b], diameter);
            series.setShowInLegend(first);
            first = false;
        }
    }

    /** Returns {@code count} evenly spaced values from {@code from} to {@code to}, both included. */
    static double[] range(double from, double to, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + (to - from) * i / (count - 1);
        }
        return values;
    }

    /** Returns 1, 2, ..., count: the epoch numbers of a loss history. */
    static double[] epochs(int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = i + 1;
        }
        return values;
    }

    /**
     * A filled contour plot of {@code f} over a rectangle: the plane is cut into a grid of cells,
     * each painted with the colour of the band its centre's value falls in ({@code levels} equal
     * bands from {@code low} to {@code high}; values outside go to the end bands). Each band is one
     * series of square markers, named by its range in the legend, so points added afterwards are
     * drawn on top.
     *
     * @param palette the band colours, from {@code low} to {@code high}; its length is the number of bands
     * @param unit appended to the band names in the legend, for example {@code " cm"}
     */
    static XYChart field(String title, String xTitle, String yTitle, DoubleBinaryOperator f, double[] xs,
            double[] ys, double low, double high, Color[] palette, String unit) {
        XYChart chart = chart(title, xTitle, yTitle);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotGridLinesVisible(false);
        int levels = palette.length;
        List<List<double[]>> bands = new ArrayList<>();
        for (int b = 0; b < levels; b++) {
            bands.add(new ArrayList<>());
        }
        for (double x : xs) {
            for (double y : ys) {
                double value = f.applyAsDouble(x, y);
                int band = (int) Math.floor((value - low) / (high - low) * levels);
                bands.get(Math.max(0, Math.min(levels - 1, band))).add(new double[] {x, y});
            }
        }
        // The cells are a little larger than the grid spacing at this picture size, so they tile the plane.
        Marker cell = new Cell(WIDTH * 0.8 / xs.length + 2, HEIGHT * 0.85 / ys.length + 2);
        for (int b = levels - 1; b >= 0; b--) {
            List<double[]> cells = bands.get(b);
            double lower = low + (high - low) * b / levels;
            double upper = low + (high - low) * (b + 1) / levels;
            String name = String.format(Locale.ROOT, "%.2f to %.2f%s", lower, upper, unit);
            double[] x = new double[Math.max(1, cells.size())];
            double[] y = new double[x.length];
            if (cells.isEmpty()) {
                // XChart needs a point per series; an empty band keeps its legend entry, its point off the plot.
                x[0] = xs[0] - (xs[1] - xs[0]) * 1e6;
                y[0] = ys[0];
            }
            for (int k = 0; k < cells.size(); k++) {
                x[k] = cells.get(k)[0];
                y[k] = cells.get(k)[1];
            }
            XYSeries series = chart.addSeries(name, x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(cell);
            series.setMarkerColor(palette[b]);
        }
        chart.getStyler().setXAxisMin(xs[0]);
        chart.getStyler().setXAxisMax(xs[xs.length - 1]);
        chart.getStyler().setYAxisMin(ys[0]);
        chart.getStyler().setYAxisMax(ys[ys.length - 1]);
        return chart;
    }

    /** Returns {@code count} colours from dark blue through teal and green to yellow. */
    static Color[] sequential(int count) {
        Color[] anchors = {new Color(48, 18, 90), new Color(46, 90, 150), new Color(30, 150, 140),
            new Color(110, 200, 90), new Color(250, 230, 50)};
        return interpolate(anchors, count);
    }

    /** Returns {@code count} colours from blue through white to orange, for a probability. */
    static Color[] diverging(int count) {
        Color[] anchors = {new Color(20, 80, 160), new Color(245, 245, 245), new Color(220, 110, 10)};
        return interpolate(anchors, count);
    }

    private static Color[] interpolate(Color[] anchors, int count) {
        Color[] colors = new Color[count];
        for (int i = 0; i < count; i++) {
            double t = (anchors.length - 1) * (i + 0.5) / count;
            int k = Math.min(anchors.length - 2, (int) t);
            double u = t - k;
            Color a = anchors[k];
            Color b = anchors[k + 1];
            colors[i] = new Color((int) Math.round(a.getRed() + u * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + u * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + u * (b.getBlue() - a.getBlue())));
        }
        return colors;
    }

    /** The confusion matrix as a picture: actual classes down, predicted across, counts in the cells. */
    static HeatMapChart confusion(ConfusionMatrix matrix, String title) {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("predicted").yAxisTitle("actual").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        chart.getStyler().setValueFontColor(Color.BLACK);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(120, 170, 220), new Color(20, 80, 160)});
        chart.getStyler().setHeatMapValueDecimalPattern("0");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMin(0);
        int classes = matrix.classCount();
        List<String> across = matrix.labels();
        List<String> down = new ArrayList<>();
        for (int i = classes - 1; i >= 0; i--) {
            down.add(matrix.labels().get(i));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int actual = 0; actual < classes; actual++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                // XChart's y index 0 is the bottom row: the first class goes on top.
                cells.add(new Number[] {predicted, classes - 1 - actual, matrix.count(actual, predicted)});
            }
        }
        chart.addSeries("counts", across, down, cells);
        return chart;
    }

    /**
     * Writes a chart as {@code directory/name.png}, creating the directory if needed.
     *
     * @return the file written
     * @throws UncheckedIOException if the file cannot be written
     */
    static Path save(Chart<?, ?> chart, Path directory, String name) {
        Path file = directory.resolve(name + ".png");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the picture " + file, e);
        }
        return file;
    }

    // ------------------------------------------------------------------ loss curves for users' tests

    /*
     * lossChart and lossCurve are for copying into your own tests: together they need only diynn and
     * XChart (org.knowm.xchart:xchart, test scope), no other helper of this class. docs/training.md
     * ("The history as CSV or as a picture") shows the dependency and the call.
     */

    /**
     * Draws a training history: the training loss and, if the run had validation data, the
     * validation loss, by epoch from 0 (the starting network) to the last epoch run. The y axis is
     * logarithmic when every loss is above 0 and the largest is more than 10 times the smallest (the
     * curve spans decades), linear otherwise.
     *
     * @param result the training result
     * @return an 800 x 500 chart with the series "training loss" and "validation loss"
     */
    static XYChart lossChart(TrainingResult result) {
        int epochs = result.epochs();
        double[] x = new double[epochs + 1];
        double[] loss = new double[epochs + 1];
        double[] validation = new double[epochs + 1];
        loss[0] = result.initialLoss();
        validation[0] = result.initialValidationLoss();
        for (int e = 1; e <= epochs; e++) {
            x[e] = e;
            loss[e] = result.losses()[e - 1];
            validation[e] = result.hasValidation() ? result.validationLosses()[e - 1] : Double.NaN;
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Loss by epoch").xAxisTitle("epoch")
                .yAxisTitle("loss").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("0");
        XYSeries training = chart.addSeries("training loss", x, loss);
        training.setMarker(SeriesMarkers.NONE);
        training.setLineColor(new Color(31, 119, 180));
        double smallest = Arrays.stream(loss).min().orElseThrow();
        double largest = Arrays.stream(loss).max().orElseThrow();
        if (result.hasValidation()) {
            XYSeries held = chart.addSeries("validation loss", x, validation);
            held.setMarker(SeriesMarkers.NONE);
            held.setLineColor(new Color(255, 127, 14));
            smallest = Math.min(smallest, Arrays.stream(validation).min().orElseThrow());
            largest = Math.max(largest, Arrays.stream(validation).max().orElseThrow());
        }
        chart.getStyler().setYAxisLogarithmic(smallest > 0.0 && largest > 10.0 * smallest);
        // XChart puts the ticks of equally spaced x values on the values themselves (0, 12, 24, ...);
        // one invisible point at x = 0.5 breaks the spacing, so it picks round steps (0, 50, 100, ...).
        XYSeries anchor = chart.addSeries(" ", new double[] {0.5}, new double[] {loss[0]});
        anchor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setMarkerColor(new Color(0, 0, 0, 0));
        anchor.setShowInLegend(false);
        return chart;
    }

    /**
     * Writes {@link #lossChart(TrainingResult)} as a PNG file, creating its folder if needed.
     *
     * @param result the training result
     * @param file the PNG file to write, for example {@code target/loss.png}
     * @return {@code file}
     * @throws IOException if the folder or the file cannot be written
     */
    static Path lossCurve(TrainingResult result, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(lossChart(result), out, BitmapEncoder.BitmapFormat.PNG);
        }
        return file;
    }

    /** A filled rectangle of a fixed size in pixels, centred on the point: one cell of a field. */
    private static final class Cell extends Marker {
        private final double width;
        private final double height;

        Cell(double width, double height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            g.fill(new Rectangle2D.Double(x - width / 2, y - height / 2, width, height));
        }
    }

    /** A filled disc of a fixed diameter in pixels with a dark ring: one data point. */
    private static final class Disc extends Marker {
        private final int diameter;
        private final Color fill;

        Disc(int diameter, Color fill) {
            this.diameter = diameter;
            this.fill = fill;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            Ellipse2D disc = new Ellipse2D.Double(x - diameter / 2.0, y - diameter / 2.0, diameter, diameter);
            g.setColor(fill);
            g.fill(disc);
            g.setColor(new Color(30, 30, 30));
            g.setStroke(new BasicStroke(1.2f));
            g.draw(disc);
        }
    }
}
