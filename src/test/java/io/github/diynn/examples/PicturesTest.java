package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.metrics.ConfusionMatrix;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The examples' drawing helpers: grids, palettes, bands and PNG files. */
class PicturesTest {

    @Test
    void rangeIncludesBothEndsEvenlySpaced() {
        assertThat(Pictures.range(-1, 1, 5)).containsExactly(new double[] {-1, -0.5, 0, 0.5, 1}, within(1e-15));
        assertThat(Pictures.epochs(3)).containsExactly(1, 2, 3);
    }

    @Test
    void palettesHaveTheRequestedLengthAndGoFromDarkToLight() {
        Color[] sequential = Pictures.sequential(10);
        Color[] diverging = Pictures.diverging(10);

        assertThat(sequential).hasSize(10).doesNotHaveDuplicates();
        assertThat(diverging).hasSize(10).doesNotHaveDuplicates();
        assertThat(brightness(sequential[0])).isLessThan(brightness(sequential[9]));
        // The diverging palette is lightest in the middle.
        assertThat(brightness(diverging[5])).isGreaterThan(brightness(diverging[0]))
                .isGreaterThan(brightness(diverging[9]));
    }

    private static int brightness(Color color) {
        return color.getRed() + color.getGreen() + color.getBlue();
    }

    @Test
    void fieldPutsEachCellInTheBandOfItsValue() {
        // f = x on a 5x2 grid from 0 to 1, in 4 bands of width 0.25: x = 0, 0.25, 0.5, 0.75, 1 go to
        // bands 0, 1, 2, 3 and 3 (the top value stays in the top band), two cells each.
        XYChart chart = Pictures.field("t", "x", "y", (x, y) -> x, Pictures.range(0, 1, 5), new double[] {0, 1},
                0.0, 1.0, Pictures.sequential(4), " u");

        assertThat(chart.getSeriesMap()).containsOnlyKeys("0.00 to 0.25 u", "0.25 to 0.50 u", "0.50 to 0.75 u",
                "0.75 to 1.00 u");
        assertThat(chart.getSeriesMap().get("0.00 to 0.25 u").getXData()).containsExactly(0.0, 0.0);
        assertThat(chart.getSeriesMap().get("0.75 to 1.00 u").getXData()).containsExactly(0.75, 0.75, 1.0, 1.0);
    }

    @Test
    void pointsByValueMakesOneSeriesPerBandShowingOnlyTheFirstInTheLegend() {
        XYChart chart = Pictures.chart("t", "x", "y");

        Pictures.pointsByValue(chart, "cases", new double[] {0, 1, 2}, new double[] {0, 0, 0},
                new double[] {0.0, 1.0, 0.2}, 0.0, 1.0, new Color[] {Color.BLACK, Color.WHITE}, 8);

        XYSeries zeros = chart.getSeriesMap().get("cases");
        XYSeries ones = chart.getSeriesMap().get("cases 1");
        assertThat(zeros.getXData()).containsExactly(0.0, 2.0);
        assertThat(ones.getXData()).containsExactly(1.0);
        assertThat(zeros.isShowInLegend()).isTrue();
        assertThat(ones.isShowInLegend()).isFalse();
    }

    @Test
    void saveWritesAPngOfThePictureSizeCreatingTheDirectory(@TempDir Path directory) throws IOException {
        XYChart chart = Pictures.chart("a line", "x", "y");
        Pictures.line(chart, "y = x", new double[] {0, 1}, new double[] {0, 1}, Pictures.BLUE, 3f);
        Path nested = directory.resolve("a/b");

        Path file = Pictures.save(chart, nested, "line");

        PngFiles.assertPictures(List.of(file), nested, 3, "line");
    }

    @Test
    void confusionPictureIsWrittenAsAPng(@TempDir Path directory) throws IOException {
        ConfusionMatrix matrix = ConfusionMatrix.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 0, 1, 1, 0},
                List.of("a", "b"));

        Path file = Pictures.save(Pictures.confusion(matrix, "t"), directory, "confusion");

        PngFiles.assertPictures(List.of(file), directory, 3, "confusion");
    }

    private static final Network ONE_WEIGHT = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases()
            .build(1).withParameters(new double[] {0.0});
    private static final Dataset ONE_SAMPLE = new Dataset(Matrix.of(1, 1, 1.0), Matrix.of(1, 1, 1.0));

    /** J = 1/2 (w - 1)^2 from w = 0 at rate 0.5: 0.5, 0.125, 0.03125, ... (a quarter each epoch). */
    private static TrainingResult quartering(int epochs, Dataset validation) {
        Trainer trainer = Trainer.builder().learningRate(0.5).epochs(epochs).build();
        return validation == null ? trainer.train(ONE_WEIGHT, ONE_SAMPLE) : trainer.train(ONE_WEIGHT, ONE_SAMPLE,
                validation);
    }

    @Test
    void lossChartDrawsTheLossByEpochFromZeroOnALogScaleWhenItSpansDecades() {
        XYChart chart = Pictures.lossChart(quartering(4, null));

        assertThat(chart.getSeriesMap()).containsOnlyKeys("training loss", " ");
        assertThat(chart.getSeriesMap().get(" ").isShowInLegend()).as("the invisible tick anchor").isFalse();
        XYSeries loss = chart.getSeriesMap().get("training loss");
        assertThat(loss.getXData()).containsExactly(0, 1, 2, 3, 4);
        assertThat(loss.getYData()).containsExactly(0.5, 0.125, 0.03125, 0.0078125, 0.001953125);
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
    }

    @Test
    void lossChartAddsTheValidationLossAndStaysLinearWhenALossIsZero() {
        // A validation sample x = 2, y = 1: J = 1/2 (2w - 1)^2 = 0.5, then 0 at w = 0.5.
        Dataset validation = new Dataset(Matrix.of(1, 1, 2.0), Matrix.of(1, 1, 1.0));
        XYChart chart = Pictures.lossChart(quartering(1, validation));

        assertThat(chart.getSeriesMap()).containsOnlyKeys("training loss", "validation loss", " ");
        assertThat(chart.getSeriesMap().get("validation loss").getYData()).containsExactly(0.5, 0.0);
        assertThat(chart.getStyler().isYAxisLogarithmic()).isFalse();
    }

    @Test
    void lossChartIsLinearWhenTheLossSpansLessThanADecade() {
        assertThat(Pictures.lossChart(quartering(1, null)).getStyler().isYAxisLogarithmic()).isFalse();
    }

    @Test
    void lossCurveWritesAPngCreatingTheFolder(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("history").resolve("loss.png");

        assertThat(Pictures.lossCurve(quartering(20, null), file)).isEqualTo(file);

        PngFiles.assertPictures(List.of(file), file.getParent(), 3, "loss");
    }
}
