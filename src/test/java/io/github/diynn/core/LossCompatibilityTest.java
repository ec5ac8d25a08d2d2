package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Loss#requireCompatible(Network, Matrix)}: which loss belongs with which output. */
class LossCompatibilityTest {

    private static Network endingIn(int outputs, Activation output) {
        return Network.builder(2).dense(4, Activation.TANH).dense(outputs, output).build(1);
    }

    private static final Matrix BINARY = Matrix.columnVector(0.0, 1.0, 1.0);
    private static final Matrix ONE_HOT = Matrix.of(3, 2, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0);

    @Test
    void categoricalCrossEntropyOnASigmoidOutputIsRefusedPointingToBinaryCrossEntropy() {
        assertThatThrownBy(() -> Loss.CROSS_ENTROPY.requireCompatible(endingIn(1, Activation.SIGMOID), BINARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("CROSS_ENTROPY", "SOFTMAX", "last layer is SIGMOID", "BINARY_CROSS_ENTROPY");
    }

    @Test
    void categoricalCrossEntropyOnAnIdentityOutputIsRefused() {
        assertThatThrownBy(() -> Loss.CROSS_ENTROPY.requireCompatible(endingIn(2, Activation.IDENTITY), ONE_HOT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("CROSS_ENTROPY", "last layer is IDENTITY", "Activation.SOFTMAX");
    }

    @Test
    void aSoftmaxOfOneUnitIsRefusedBecauseItIsAlwaysOne() {
        assertThatThrownBy(() -> Loss.CROSS_ENTROPY.requireCompatible(endingIn(1, Activation.SOFTMAX), BINARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("1 unit", "always 1", "SIGMOID", "BINARY_CROSS_ENTROPY");
    }

    @Test
    void binaryCrossEntropyOnANonSigmoidOutputIsRefused() {
        for (Activation output : new Activation[] {Activation.IDENTITY, Activation.SOFTMAX, Activation.TANH,
            Activation.leakyRelu()}) {
            assertThatThrownBy(() -> Loss.BINARY_CROSS_ENTROPY.requireCompatible(endingIn(2, output), ONE_HOT))
                    .as("%s", output)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("BINARY_CROSS_ENTROPY", "SIGMOID", "last layer is " + output);
        }
    }

    @Test
    void targetsOutsideZeroToOneAreRefusedNamingRowColumnAndValue() {
        Matrix labels = Matrix.columnVector(0.0, 1.0, 2.0);
        assertThatThrownBy(() -> Loss.BINARY_CROSS_ENTROPY.requireCompatible(endingIn(1, Activation.SIGMOID), labels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("targets in [0, 1]", "row 2, column 0", "2.0");
        Matrix signed = Matrix.of(2, 2, 1.0, 0.0, -1.0, 2.0);
        assertThatThrownBy(() -> Loss.CROSS_ENTROPY.requireCompatible(endingIn(2, Activation.SOFTMAX), signed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("targets in [0, 1]", "row 1, column 0", "-1.0");
    }

    @Test
    void categoricalTargetRowsMustSumToOne() {
        Matrix twoLabels = Matrix.of(2, 3, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0);
        assertThatThrownBy(() -> Loss.CROSS_ENTROPY.requireCompatible(endingIn(3, Activation.SOFTMAX), twoLabels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("row 1 sums to 2.0", "BINARY_CROSS_ENTROPY");
    }

    @Test
    void theRightPairsAndEveryRegressionLossAreAccepted() {
        assertThatCode(() -> Loss.CROSS_ENTROPY.requireCompatible(endingIn(2, Activation.SOFTMAX), ONE_HOT))
                .doesNotThrowAnyException();
        assertThatCode(() -> Loss.CROSS_ENTROPY.requireCompatible(endingIn(2, Activation.SOFTMAX),
                Matrix.of(1, 2, 0.3, 0.7))).doesNotThrowAnyException();
        assertThatCode(() -> Loss.BINARY_CROSS_ENTROPY.requireCompatible(endingIn(1, Activation.SIGMOID), BINARY))
                .doesNotThrowAnyException();
        Matrix anything = Matrix.columnVector(-3.0, 7.5, 1e6);
        for (Loss loss : new Loss[] {Loss.SUM_SQUARED_ERROR, Loss.MEAN_SQUARED_ERROR, Loss.MEAN_ABSOLUTE_ERROR}) {
            for (Activation output : Activations.all().toList()) {
                assertThatCode(() -> loss.requireCompatible(endingIn(1, output), anything)).as("%s %s", loss, output)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void rejectsNullNamingTheOther() {
        assertThatThrownBy(() -> Loss.CROSS_ENTROPY.requireCompatible(null, ONE_HOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("null", "3x2");
    }
}
