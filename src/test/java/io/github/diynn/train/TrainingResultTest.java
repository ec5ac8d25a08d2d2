package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
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

    @Test
    void theKeptLossIsTheReturnedNetworksLossNotTheLastEpochs() {
        // The tutorial's 2-3-1 with biases on max-scaled Iris, gradient descent at 0.01, early
        // stopping: the validation loss stops improving at epoch 404 and training ends at 434 (the
        // 120 training rows are one chunk of this small network, so summed in one pass).
        DatasetSplit split = new Dataset(Iris.regressionInputs(), Iris.regressionTargets()).split(0.8, 0);
        Network start = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);
        TrainingResult result = Trainer.builder().learningRate(0.01).epochs(2000)
                .earlyStopping(30).build().train(start, split.first(), split.second());

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.keptEpoch()).isEqualTo(result.selectedEpoch()).isEqualTo(404);
        assertThat(result.epochs()).isEqualTo(434);
        double trained = result.network().loss(Loss.SUM_SQUARED_ERROR, split.first().inputs(), split.first().targets());
        double validated = result.network().loss(Loss.SUM_SQUARED_ERROR, split.second().inputs(),
                split.second().targets());
        assertThat(result.keptLoss()).isEqualTo(trained).isNotEqualTo(result.finalLoss());
        assertThat(result.keptValidationLoss()).isEqualTo(validated)
                .isEqualTo(result.validationLosses()[result.keptEpoch() - 1]);
        assertThat(result.stopReason()).isEqualTo(new StopReason.NoImprovement(
                EarlyStopping.of(EarlyStopping.Monitor.VALIDATION_LOSS, 30)));
    }

    @Test
    void keptEpochZeroKeepsTheInitialLosses() {
        TrainingResult result = new TrainingResult(network(1), 4.0, new double[] {5.0, 6.0}, 3.0,
                new double[] {3.5, 3.25}, 0, true);
        assertThat(result.keptLoss()).isEqualTo(4.0);
        assertThat(result.keptValidationLoss()).isEqualTo(3.0);
    }

    @Test
    void withoutValidationTheKeptLossIsTheLastAndTheKeptValidationLossIsNaN() {
        TrainingResult result = new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0});
        assertThat(result.keptEpoch()).isEqualTo(2);
        assertThat(result.keptLoss()).isEqualTo(2.0).isEqualTo(result.finalLoss());
        assertThat(result.keptValidationLoss()).isNaN();
        assertThat(result.stopReason()).isEqualTo(new StopReason.Completed());
    }

    @Test
    void equalityAndDescriptionCoverTheStopReason() {
        TrainingResult completed = new TrainingResult(network(1), 4.0, new double[] {3.0}, Double.NaN, new double[0],
                1, false, new StopReason.Completed());
        TrainingResult stopped = new TrainingResult(network(1), 4.0, new double[] {3.0}, Double.NaN, new double[0],
                1, false, new StopReason.ListenerRequest("target reached"));
        assertThat(completed).isNotEqualTo(stopped);
        assertThat(stopped).hasToString("TrainingResult[1 epochs, loss 4.0 -> 3.0, stopped by a listener:"
                + " target reached]");
    }

    @Test
    void theTrainerRecordsEachEpochsRateAndWhenItEnded() {
        Dataset data = new Dataset(io.github.diynn.core.Matrix.of(new double[][] {{1, 2}, {2, 1}, {0, 1}}),
                io.github.diynn.core.Matrix.columnVector(1, 2, 0.5));
        Trainer trainer = Trainer.builder().learningRate(LearningRateSchedule.stepDecay(0.04, 0.5, 2)).epochs(5)
                .build();

        TrainingResult first = trainer.train(network(3), data);
        TrainingResult second = trainer.train(network(3), data);

        assertThat(first.learningRates()).containsExactly(0.04, 0.04, 0.02, 0.02, 0.01);
        long[] elapsed = first.elapsedNanos();
        assertThat(elapsed).hasSize(5);
        assertThat(elapsed[0]).isPositive();
        for (int e = 1; e < elapsed.length; e++) {
            assertThat(elapsed[e]).isGreaterThanOrEqualTo(elapsed[e - 1]);
        }
        assertThat(first).as("the clock is not part of the result's value").isEqualTo(second)
                .hasSameHashCodeAs(second);
    }

    @Test
    void resultsMadeWithoutRatesOrTimesSayNotRecorded() {
        TrainingResult result = new TrainingResult(network(1), 4.0, new double[] {3.0, 2.0});
        assertThat(result.learningRates()).containsExactly(Double.NaN, Double.NaN);
        assertThat(result.elapsedNanos()).containsExactly(-1, -1);
    }

    @Test
    void withoutValidationDataTheValidationHistoryIsEmptyHoweverTheRunEnds() {
        Network start = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);
        Dataset data = new Dataset(Iris.regressionInputs(), Iris.regressionTargets());
        TrainingResult completed = Trainer.builder().learningRate(0.001).epochs(5).build().train(start, data);
        TrainingResult stopped = Trainer.builder().learningRate(0.001).epochs(50)
                .listener(TrainingListener.stopWhen(report -> report.epoch() == 3, "three"))
                .build().train(start, data);

        assertThat(completed.losses()).hasSize(5);
        assertThat(completed.validationLosses()).isEmpty();
        assertThat(stopped.losses()).hasSize(3);
        assertThat(stopped.validationLosses()).isEmpty();
    }
}
