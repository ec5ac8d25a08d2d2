package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import org.junit.jupiter.api.Test;

class LossHistoryTest {

    private static final Network START = Network.builder(4).dense(5, Activation.TANH).dense(3, Activation.SOFTMAX)
            .build(8);

    private static Trainer trainer(Loss loss, LossHistory history) {
        return Trainer.builder().loss(loss).learningRate(0.05).epochs(3).batchSize(40)
                .batchOrder(BatchOrder.sequential()).lossHistory(history).build();
    }

    /** Replays the run with a session, collecting each batch's loss at the parameters its step started from. */
    private static double[] estimates(Trainer trainer, Dataset data, boolean summed) {
        TrainingSession session = trainer.session(START);
        double[] out = new double[3];
        for (int epoch = 0; epoch < 3; epoch++) {
            double total = 0;
            for (Dataset batch : data.batches(40)) {
                double loss = session.step(batch);
                total += summed ? loss : loss * batch.size();
            }
            out[epoch] = summed ? total : total / data.size();
            session.nextEpoch();
        }
        return out;
    }

    @Test
    void theBatchEstimateIsTheRowWeightedMeanOfTheBatchLossesForAnAveragedLoss() {
        Dataset data = Iris.species();
        Trainer trainer = trainer(Loss.CROSS_ENTROPY, LossHistory.BATCH_ESTIMATE);
        assertThat(trainer.train(START, data).losses()).containsExactly(estimates(trainer, data, false));
    }

    @Test
    void theBatchEstimateIsTheSumOfTheBatchLossesForTheSummedSquaredError() {
        Dataset data = Iris.species();
        Trainer trainer = trainer(Loss.SUM_SQUARED_ERROR, LossHistory.BATCH_ESTIMATE);
        assertThat(trainer.train(START, data).losses()).containsExactly(estimates(trainer, data, true));
    }

    @Test
    void afterEpochIsTheDefaultAndIsTheLossOfTheNetworkTheEpochEndedWith() {
        Dataset data = Iris.species();
        Trainer trainer = trainer(Loss.CROSS_ENTROPY, LossHistory.AFTER_EPOCH);
        assertThat(Trainer.builder().learningRate(1).epochs(1).build().lossHistory()).isEqualTo(LossHistory.AFTER_EPOCH);
        TrainingResult result = trainer.train(START, data);
        assertThat(result.finalLoss()).isEqualTo(result.network().loss(Loss.CROSS_ENTROPY, data.inputs(),
                data.targets()));
        double[] estimate = trainer(Loss.CROSS_ENTROPY, LossHistory.BATCH_ESTIMATE).train(START, data).losses();
        // The estimate lags the parameters: close to the exact loss, but not equal to it.
        assertThat(estimate[2]).isNotEqualTo(result.finalLoss()).isCloseTo(result.finalLoss(), within(0.2));
    }
}
