package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DivergenceExceptionTest {

    @Test
    void messageNamesEpochStepLearningRateLastLossAndWhatHappened() {
        DivergenceException e = new DivergenceException(12, 1, 0.5, 3.25, "the loss became Infinity");
        assertThat(e).hasMessageStartingWith("training diverged at epoch 12, step 1: the loss became Infinity"
                + " (learning rate 0.5, last finite loss 3.25).")
                .hasMessageContaining("lower learning rate");
    }

    @Test
    void accessorsReturnTheFactsOfTheMessage() {
        DivergenceException e = new DivergenceException(3, 2, 1e3, Double.NaN, "weight became NaN");
        assertThat(e.epoch()).isEqualTo(3);
        assertThat(e.step()).isEqualTo(2);
        assertThat(e.learningRate()).isEqualTo(1e3);
        assertThat(e.lastFiniteLoss()).isNaN();
        assertThat(e).hasMessageContaining("(learning rate 1000.0, no finite loss yet)");
    }

    @Test
    void isAnArithmeticException() {
        assertThat(new DivergenceException(1, 1, 0.1, 1.0, "x")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void thePublicConstructorIsTheNotFiniteKindAndAStallSaysStalled() {
        assertThat(new DivergenceException(1, 1, 0.1, 1.0, "x").kind()).isEqualTo(DivergenceException.Kind.NOT_FINITE);
        DivergenceException stalled = new DivergenceException(DivergenceException.Kind.STALLED, 2, 1, 0.1, 1.0,
                "the gradient is exactly 0");
        assertThat(stalled.kind()).isEqualTo(DivergenceException.Kind.STALLED);
        assertThat(stalled).hasMessageStartingWith("training stalled at epoch 2, step 1: the gradient is exactly 0")
                .hasMessageContaining("Initializer.XAVIER_NORMAL");
    }
}
