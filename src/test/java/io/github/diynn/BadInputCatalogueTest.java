package io.github.diynn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.DenseLayer;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientCheck;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import io.github.diynn.train.Trainer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The non-CSV rows of the bad-input catalogue: shape mismatches at every public entry point that
 * takes a matrix, vector or size; NaN and infinity in user matrices and predict inputs; zero-row,
 * zero-column and jagged arrays. Each rejection is an {@link IllegalArgumentException} whose
 * message names the culprit: both shapes, or the row and column, or the index. (The CSV rows are in
 * {@code io.github.diynn.data.CsvBadInputTest}.)
 */
class BadInputCatalogueTest {

    /** 2 inputs -> 3 sigmoid -> 1 identity, with biases: 13 parameters. */
    private static final Network NET =
            Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(1);
    private static final Matrix X = Matrix.of(4, 2, 1, 2, 3, 4, 5, 6, 7, 8);
    private static final Matrix Y = Matrix.columnVector(1, 2, 3, 4);
    private static final Trainer TRAINER = Trainer.builder().learningRate(0.1).epochs(1).build();

    private static Arguments row(String entryPoint, ThrowingCallable call, String... fragments) {
        return Arguments.of(entryPoint, call, fragments);
    }

    static Stream<Arguments> shapeMismatches() {
        Matrix a23 = Matrix.zeros(2, 3);
        Matrix a32 = Matrix.zeros(3, 2);
        Matrix wide = Matrix.zeros(4, 3);
        Matrix y41x2 = Matrix.zeros(4, 2);
        Scaler scaler = Scaler.fitMax(Matrix.of(2, 2, 1, 2, 3, 4));
        DenseLayer layer = DenseLayer.of(Matrix.zeros(2, 3), Activation.TANH);
        return Stream.of(
                row("Matrix.of(rows, columns, values)", () -> Matrix.of(2, 3, 1, 2, 3, 4, 5), "2x3", "6", "5"),
                row("Matrix.times", () -> a23.times(a23), "2x3", "inner"),
                row("Matrix.plus", () -> a23.plus(a32), "2x3", "3x2"),
                row("Matrix.minus", () -> a23.minus(a32), "2x3", "3x2"),
                row("Matrix.multiplyElements", () -> a23.multiplyElements(a32), "2x3", "3x2"),
                row("Matrix.divideElements", () -> a23.divideElements(a32), "2x3", "3x2"),
                row("Matrix.plusRow", () -> a23.plusRow(Matrix.zeros(1, 2)), "2x3", "1x2", "1x3"),
                row("Matrix.divideRows", () -> a23.divideRows(Matrix.zeros(2, 3)), "2x3", "1x3"),
                row("Matrix.multiplyRows", () -> a23.multiplyRows(Matrix.zeros(1, 4)), "2x3", "1x4"),
                row("DenseLayer.of(weights, bias, activation)",
                        () -> DenseLayer.of(a23, Matrix.zeros(1, 2), Activation.TANH), "1x3", "1x2", "2x3"),
                row("DenseLayer.preActivation", () -> layer.preActivation(a23), "2x3", "2 columns"),
                row("DenseLayer.forward", () -> layer.forward(a23), "2x3", "2 columns"),
                row("Network.of(layers)", () -> Network.of(layer, DenseLayer.of(Matrix.zeros(4, 1),
                        Activation.IDENTITY)), "layer 1 takes 4", "layer 0 gives 3"),
                row("Network.predict(Matrix)", () -> NET.predict(wide), "2 inputs", "4x3"),
                row("Network.predict(double...)", () -> NET.predict(1, 2, 3), "2 inputs", "got 3"),
                row("Network.loss", () -> NET.loss(Loss.SUM_SQUARED_ERROR, X, Matrix.zeros(3, 1)), "4x2", "3x1"),
                row("TrainingSession.step", () -> TRAINER.session(NET).step(wide, Y), "4x3", "4x1", "Nx2"),
                row("Network.withParameters", () -> NET.withParameters(new double[12]), "13", "12"),
                row("Loss.value (SUM_SQUARED_ERROR)", () -> Loss.SUM_SQUARED_ERROR.value(Y, y41x2), "4x1", "4x2"),
                row("Loss.value (MEAN_SQUARED_ERROR)", () -> Loss.MEAN_SQUARED_ERROR.value(Y, y41x2), "4x1", "4x2"),
                row("Loss.value (CROSS_ENTROPY)", () -> Loss.CROSS_ENTROPY.value(Y, y41x2), "4x1", "4x2"),
                row("Loss.gradient", () -> Loss.MEAN_SQUARED_ERROR.gradient(y41x2, Y), "4x2", "4x1"),
                row("Activation.backward", () -> Activation.SIGMOID.backward(a23, a32), "2x3", "3x2"),
                row("GradientSource.backpropagation().gradient",
                        () -> GradientSource.backpropagation().gradient(NET, Loss.SUM_SQUARED_ERROR, X, y41x2), "4x2"),
                row("FiniteDifferences.gradient",
                        () -> FiniteDifferences.central().gradient(NET, Loss.SUM_SQUARED_ERROR, wide, Y), "4x3"),
                row("GradientCheck.check", () -> GradientCheck.of(GradientSource.backpropagation())
                        .check(NET, Loss.SUM_SQUARED_ERROR, X, Matrix.zeros(3, 1)), "4x2", "3x1"),
                row("Trainer.train(network, inputs, targets)", () -> TRAINER.train(NET, X, y41x2), "4x2", "Nx1"),
                row("Trainer.train(network, dataset)", () -> TRAINER.train(NET, new Dataset(wide, Y)), "4x3"),
                row("Dataset(inputs, targets)", () -> new Dataset(a23, Y), "2x3", "4x1"),
                row("Dataset.withInputs", () -> new Dataset(X, Y).withInputs(a23), "2x3"),
                row("Dataset.withTargets", () -> new Dataset(X, Y).withTargets(Matrix.zeros(3, 1)), "3x1"),
                row("Scaler.transform", () -> scaler.transform(a23), "2x3"),
                row("Scaler.inverseTransform", () -> scaler.inverseTransform(a23), "2x3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapeMismatches")
    void everyEntryPointRejectsAShapeMismatchNamingTheShapes(String entryPoint, ThrowingCallable call,
            String[] fragments) {
        assertThatThrownBy(call).as(entryPoint).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(fragments);
    }

    static Stream<Arguments> nonFiniteValues() {
        Matrix overflowed = Matrix.of(1, 2, 1.0, Double.MAX_VALUE).plus(Matrix.of(1, 2, 1.0, Double.MAX_VALUE));
        Matrix nanTargets = Matrix.columnVector(0, 0, 0, 0).minus(Matrix.columnVector(0, 0, 0, 1))
                .multiplyElements(Matrix.columnVector(0, 0, 0, Double.MAX_VALUE)).scale(2.0);
        return Stream.of(
                row("Matrix.of(double[][])", () -> Matrix.of(new double[][] {{1, 2, 3}, {4, 5, Double.NaN}}),
                        "row 1, column 2", "NaN"),
                row("Matrix.of(rows, columns, values)", () -> Matrix.of(2, 2, 1, 2, Double.POSITIVE_INFINITY, 4),
                        "row 1, column 0", "Infinity"),
                row("Matrix.rowVector", () -> Matrix.rowVector(1, Double.NEGATIVE_INFINITY),
                        "row 0, column 1", "-Infinity"),
                row("Matrix.columnVector", () -> Matrix.columnVector(1, 2, Double.NaN), "row 2, column 0", "NaN"),
                row("Matrix.filled", () -> Matrix.filled(2, 2, Double.NaN), "NaN"),
                row("Matrix.scale", () -> X.scale(Double.POSITIVE_INFINITY), "Infinity"),
                row("Network.predict(double...)", () -> NET.predict(1, Double.NaN), "column 1", "NaN"),
                row("Network.predict(Matrix) of an overflowed matrix", () -> NET.predict(overflowed),
                        "inputs at row 0, column 1", "Infinity"),
                row("Network.loss with infinite targets", () -> NET.loss(Loss.SUM_SQUARED_ERROR, X, nanTargets),
                        "targets at row 3, column 0", "Infinity"),
                row("Trainer.train with infinite inputs",
                        () -> TRAINER.train(NET, overflowed, Matrix.columnVector(1)), "inputs at row 0, column 1"),
                row("Network.withParameters", () -> NET.withParameters(withNaNAt(4)), "NaN", "layer 0"));
    }

    private static double[] withNaNAt(int index) {
        double[] parameters = NET.parameters();
        parameters[index] = Double.NaN;
        return parameters;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonFiniteValues")
    void nanAndInfinityAreRejectedNamingWhere(String entryPoint, ThrowingCallable call, String[] fragments) {
        assertThatThrownBy(call).as(entryPoint).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void jaggedAndNullRowsAreRejectedNamingTheRow() {
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, {3, 4}, {5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("jagged", "row 2", "1", "2");
        assertThatThrownBy(() -> Matrix.of(new double[][] {{1, 2}, null}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 is null");
        assertThatThrownBy(() -> Matrix.of(new double[][] {{}, {1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("row 1", "row 0 has 0");
        assertThatThrownBy(() -> Matrix.of((double[][]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @Test
    void zeroRowAndZeroColumnMatricesAreValuesButNotLayersOrTrainingBatches() {
        assertThat(Matrix.of(new double[0][]).shape()).isEqualTo("0x0");
        assertThat(Matrix.of(new double[][] {{}, {}}).shape()).isEqualTo("2x0");
        assertThat(Matrix.of(0, 3).shape()).isEqualTo("0x3");
        assertThatThrownBy(() -> Matrix.zeros(-1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1x2");
        assertThatThrownBy(() -> DenseLayer.of(Matrix.zeros(0, 3), Activation.TANH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("1x1", "0x3");
        assertThatThrownBy(() -> DenseLayer.of(Matrix.zeros(2, 0), Activation.TANH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("1x1", "2x0");
        assertThatThrownBy(() -> Network.builder(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> Network.builder(2).dense(0, Activation.TANH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("layer 0", "got 0");
        // an empty batch predicts an empty batch, but a sample needs every input and training a sample
        assertThat(NET.predict(Matrix.zeros(0, 2)).shape()).isEqualTo("0x1");
        assertThatThrownBy(() -> NET.predict(Matrix.zeros(3, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("2 inputs", "3x0");
        assertThatThrownBy(() -> NET.predict(new double[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> TRAINER.train(NET, Matrix.zeros(0, 2), Matrix.zeros(0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("N >= 1", "0x2", "0x1");
        assertThatThrownBy(() -> Scaler.fitMax(Matrix.zeros(0, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x2");
        assertThatThrownBy(() -> Matrix.zeros(0, 2).columnMax()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0x2");
    }

    @Test
    void isCloseToAnswersFalseForOtherShapesInsteadOfThrowing() {
        assertThat(Matrix.zeros(2, 3).isCloseTo(Matrix.zeros(3, 2), 1.0)).isFalse();
    }
}
