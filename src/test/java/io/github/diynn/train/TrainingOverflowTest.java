package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.diynn.core.Activation;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import org.junit.jupiter.api.Test;

/**
 * An overflow inside training, which the loss and predict report with an
 * {@link ArithmeticException}, stops the run as a {@link DivergenceException} that keeps it as the cause.
 */
class TrainingOverflowTest {

    private static final Network LINEAR = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(3);

    @Test
    void lossOverflowAtTheStartIsDivergenceAtEpochZeroWithTheLossAsCause() {
        Trainer trainer = Trainer.builder().learningRate(0.1).epochs(3).build();

        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> trainer.train(LINEAR, Matrix.columnVector(1.0), Matrix.columnVector(1e200)));

        assertThat(e.epoch()).isZero();
        assertThat(e).hasMessageContaining("the initial loss is Infinity")
                .hasMessageContaining("SUM_SQUARED_ERROR overflowed");
        assertThat(e.getCause()).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("row 0, column 0");
    }

    @Test
    void predictionOverflowDuringTrainingIsDivergenceNamingTheEpoch() {
        // Each step multiplies the weight by about -1e150: the predictions overflow in a few epochs.
        // The default guard's explosion check stops it one epoch earlier, so it is off here.
        Trainer trainer = Trainer.builder().learningRate(1e150).epochs(10).divergenceGuard(DivergenceGuard.off())
                .build();

        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> trainer.train(LINEAR, Matrix.columnVector(1.0), Matrix.columnVector(0.0)));

        assertThat(e.epoch()).isPositive();
        assertThat(e.lastFiniteLoss()).isFinite();
        assertThat(e.getCause()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void overflowWhileFiniteDifferencesEvaluateTheLossIsDivergenceToo() {
        Trainer trainer = Trainer.builder().learningRate(1e150).epochs(10)
                .gradientSource(FiniteDifferences.central(1e-3)).divergenceGuard(DivergenceGuard.off()).build();

        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> trainer.train(LINEAR, Matrix.columnVector(1.0), Matrix.columnVector(0.0)));

        assertThat(e.epoch()).isPositive();
    }
}
