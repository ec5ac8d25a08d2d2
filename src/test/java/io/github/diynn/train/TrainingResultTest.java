package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Network;
import org.junit.jupiter.api.Test;

class TrainingResultTest {

    private static Network network(long seed) {
        return Network.builder(2).dense(1, Activation.IDENTITY).build(seed);
    }

    @Test
    void holdsTheNetworkAndTheLosses() {
        TrainingResult result = new TrainingResult(network(1), 85.6, new double[] {3.0, 1.5, 0.56});
        assertThat(result.network()).isEqualTo(network(1));
        assertThat(result.initialLoss()).isEqualTo(85.6);
        assertThat(result.losses()).containsExactly(3.0, 1.5, 0.56);
        assertThat(result.epochs()).isEqualTo(3);
        assertThat(result.finalLoss()).isEqualTo(0.56);
    }

    @Test
    void finalLossWithoutEpochsIsTheInitialLoss() {
        TrainingResult result = new TrainingResult(network(1), 2.5, new double[0]);
        assertThat(result.finalLoss()).isEqualTo(2.5);
        assertThat(result.epochs()).isZero();
    }

    @Test
    void copiesTheLossesItIsGivenAndThoseItReturns() {
        double[] losses = {3.0, 2.0};
        TrainingResult result = new TrainingResult(network(1), 4.0, losses);
        losses[1] = -1;
        result.losses()[0] = -1;
        assertThat(result.losses()).containsExactly(3.0, 2.0);
        assertThat(result.finalLoss()).isEqualTo(2.0);
    }

    @Test
    void equalityIsExactOverNetworkInitialLossAndLosses() {
        TrainingResult base = new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0});
        assertThat(base).isEqualTo(new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0}))
                .hasSameHashCodeAs(new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0}));
        assertThat(base).isNotEqualTo(new TrainingResult(network(2), 4.0, new double[] {3.0, 2.0}));
        assertThat(base).isNotEqualTo(new TrainingResult(network(1), Math.nextUp(4.0), new double[] {3.0, 2.0}));
        assertThat(base).isNotEqualTo(new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0, 1.0}));
        assertThat(base).isNotEqualTo(null).isNotEqualTo("TrainingResult");
    }

    @Test
    void toStringShowsEpochsAndTheLossBeforeAndAfter() {
        assertThat(new TrainingResult(network(1), 85.5, new double[] {3.0, 0.5}))
                .hasToString("TrainingResult[2 epochs, loss 85.5 -> 0.5]");
    }

    @Test
    void withoutValidationTheLastEpochIsSelectedAndTheValidationHistoryIsEmpty() {
        TrainingResult result = new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0});
        assertThat(result.hasValidation()).isFalse();
        assertThat(result.initialValidationLoss()).isNaN();
        assertThat(result.validationLosses()).isEmpty();
        assertThat(result.selectedEpoch()).isEqualTo(2);
        assertThat(result.stoppedEarly()).isFalse();
    }

    @Test
    void holdsTheValidationHistoryAndTheSelectedEpochAsCopies() {
        double[] validation = {2.5, 2.75};
        TrainingResult result = new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0}, 3.0, validation, 1, true);
        validation[0] = -1.0;
        result.validationLosses()[1] = -1.0;

        assertThat(result.hasValidation()).isTrue();
        assertThat(result.initialValidationLoss()).isEqualTo(3.0);
        assertThat(result.validationLosses()).containsExactly(2.5, 2.75);
        assertThat(result.selectedEpoch()).isEqualTo(1);
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result).hasToString("TrainingResult[2 epochs, loss 4.0 -> 2.0, validation loss 3.0 -> 2.5 at"
                + " epoch 1, stopped early]");
    }

    @Test
    void equalityCoversTheValidationHistoryAndTheSelection() {
        TrainingResult base = new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0}, 3.0,
                new double[] {2.5, 2.75}, 1, true);
        assertThat(base).isEqualTo(new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0}, 3.0,
                new double[] {2.5, 2.75}, 1, true))
                .hasSameHashCodeAs(new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0}, 3.0,
                        new double[] {2.5, 2.75}, 1, true));
        assertThat(base).isNotEqualTo(new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0}, 3.0,
                new double[] {2.5, 2.5}, 1, true));
        assertThat(base).isNotEqualTo(new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0}, 3.0,
                new double[] {2.5, 2.75}, 2, true));
        assertThat(base).isNotEqualTo(new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0}, 3.0,
                new double[] {2.5, 2.75}, 1, false));
    }
}
