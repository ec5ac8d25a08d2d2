package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GradientSourceTest {

    @Test
    void aNamedSourceDelegatesAndIsDescribedByItsName() {
        Network network = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(1)
                .withParameters(new double[] {2.0});
        Matrix inputs = Matrix.columnVector(3.0);
        Matrix targets = Matrix.columnVector(1.0);
        GradientSource named = GradientSource.named("exact", Backpropagation.instance());

        // J = 1/2 (w x - y)^2, dJ/dw = (w x - y) x = (6 - 1) * 3 = 15.
        assertThat(named.gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets)).containsExactly(15.0);
        assertThat(named).hasToString("exact");
    }

    @Test
    void rejectsABlankNameOrAMissingSource() {
        assertThatThrownBy(() -> GradientSource.named(" ", Backpropagation.instance()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank, got \" \"");
        assertThatThrownBy(() -> GradientSource.named("mine", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gradient source named \"mine\" is null");
    }
}
