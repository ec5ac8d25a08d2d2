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
}
