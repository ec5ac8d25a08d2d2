package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

    private static final Network START = Network.builder(4).dense(5, Activation.SIGMOID).dense(3, Activation.SOFTMAX)
            .build(2);

    private static Trainer.Builder minibatch(BatchOrder order) {
        return Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.1).epochs(3).batchSize(32).seed(9)
                .batchOrder(order);
    }

    @Test
    void aFixedOrderIsVisitedBatchByBatchInThatOrder() {
        Dataset data = Iris.species();
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = order.length - 1 - i;
        }
        Network trained = minibatch(BatchOrder.fixed(order)).build().train(START, data).network();
        // The oracle: a session over the reversed data in batches of 32, epoch after epoch.
        Dataset backwards = data.selectRows(order);
        TrainingSession session = minibatch(BatchOrder.sequential()).build().session(START);
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (Dataset batch : backwards.batches(32)) {
                session.step(batch);
            }
            session.nextEpoch();
        }
        assertThat(Arrays.equals(trained.parameters(), session.network().parameters())).isTrue();
    }

    @Test
    void byEpochAsksForEachEpochsOrderAndAFixedOrderEqualsItRepeated() {
        Dataset data = Iris.species();
        int[] order = new int[data.size()];
        io.github.diynn.internal.Permutations.shuffle(order, new java.util.Random(4));
        int[] asked = new int[4];
        Network byEpoch = minibatch(BatchOrder.byEpoch(epoch -> {
            asked[epoch]++;
            return order;
        })).build().train(START, data).network();
        Network fixed = minibatch(BatchOrder.fixed(order)).build().train(START, data).network();
        assertThat(byEpoch).isEqualTo(fixed);
        assertThat(asked).containsExactly(0, 1, 1, 1);
    }

    @Test
    void shuffledAndSequentialDifferAndTheDefaultIsShuffled() {
        Dataset data = Iris.species();
        Network shuffled = minibatch(BatchOrder.shuffled()).build().train(START, data).network();
        Network sequential = minibatch(BatchOrder.sequential()).build().train(START, data).network();
        Network byDefault = Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.1).epochs(3).batchSize(32)
                .seed(9).build().train(START, data).network();
        assertThat(byDefault).isEqualTo(shuffled).isNotEqualTo(sequential);
    }

    @Test
    void aFullBatchRunDoesNotDependOnTheOrder() {
        Dataset data = Iris.species();
        Trainer.Builder full = Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.1).epochs(3);
        Network a = full.batchOrder(BatchOrder.sequential()).build().train(START, data).network();
        Network b = full.batchOrder(BatchOrder.shuffled()).build().train(START, data).network();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void ordersThatAreNotPermutationsAreRefusedNamingTheIndex() {
        assertThatThrownBy(() -> BatchOrder.fixed(0, 2, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("index 2 at position 2", "twice");
        assertThatThrownBy(() -> BatchOrder.fixed(0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("index 3 at position 1", "outside [0, 2)");
        assertThatThrownBy(() -> BatchOrder.fixed((int[]) null)).isInstanceOf(IllegalArgumentException.class);
        Dataset data = Iris.species();
        assertThatThrownBy(() -> minibatch(BatchOrder.fixed(0, 1, 2)).build().train(START, data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 indices for 150 samples");
        assertThatThrownBy(() -> minibatch(BatchOrder.byEpoch(epoch -> new int[150])).build().train(START, data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll("batch order of epoch 1", "index 0 at position 1", "twice");
    }
}
