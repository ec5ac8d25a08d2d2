package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainingSessionTest {

    private static final Network START = Network.builder(4).dense(6, Activation.TANH).dense(3, Activation.SOFTMAX)
            .build(5);

    private static Trainer adam() {
        return Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam()).learningRate(0.05).epochs(4)
                .batchSize(16).weightDecay(1e-3).batchOrder(BatchOrder.sequential()).build();
    }

    @Test
    void stepsOverTheBatchesInOrderGiveTheBitsOfTheTrainersRun() {
        // If the session reset Adam's moments between calls (the 0.1 trap of calling train once per
        // batch), the parameters would differ from the trainer's own loop.
        Dataset data = Iris.species();
        Trainer trainer = adam();
        Network trained = trainer.train(START, data).network();

        TrainingSession session = trainer.session(START);
        for (int epoch = 1; epoch <= 4; epoch++) {
            for (Dataset batch : data.batches(16)) {
                session.step(batch);
            }
            session.nextEpoch();
        }
        assertThat(Arrays.equals(session.network().parameters(), trained.parameters())).isTrue();
        assertThat(session.steps()).isEqualTo(4 * 10);
        assertThat(session.epoch()).isEqualTo(5);
    }

    @Test
    void aStepReturnsTheBatchLossAtTheParametersItStartedFrom() {
        Dataset batch = Iris.species().slice(0, 20);
        TrainingSession session = adam().session(START);
        double first = session.step(batch);
        assertThat(first).isEqualTo(START.loss(Loss.CROSS_ENTROPY, batch.inputs(), batch.targets()));
        Network after = session.network();
        assertThat(session.step(batch)).isEqualTo(after.loss(Loss.CROSS_ENTROPY, batch.inputs(), batch.targets()));
        assertThat(after).isNotEqualTo(START);
    }

    @Test
    void aLargerBatchLaterKeepsTheOptimizerState() {
        // Momentum written out: v1 = g1, theta1 = theta0 - r v1; v2 = 0.9 v1 + g2, theta2 = theta1 - r v2,
        // with each g by backpropagation at the parameters of its step. The second batch is larger
        // than the first, so the session must grow its buffers without losing v.
        Dataset data = Iris.species();
        Dataset small = data.slice(0, 10);
        Dataset large = data.slice(10, 150);
        double rate = 0.05;
        TrainingSession session = Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.momentum(0.9))
                .learningRate(rate).epochs(1).build().session(START);
        session.step(small);
        session.step(large);

        double[] theta = START.parameters();
        double[] g1 = GradientSource.backpropagation().gradient(START, Loss.CROSS_ENTROPY, small.inputs(), small.targets());
        double[] v = g1.clone();
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= rate * v[i];
        }
        Network middle = START.withParameters(theta);
        double[] g2 = GradientSource.backpropagation().gradient(middle, Loss.CROSS_ENTROPY, large.inputs(), large.targets());
        for (int i = 0; i < theta.length; i++) {
            v[i] = 0.9 * v[i] + g2[i];
            theta[i] -= rate * v[i];
        }
        assertThat(Arrays.equals(session.network().parameters(), theta)).isTrue();
    }

    @Test
    void rejectsABatchThatDoesNotFitOrDoesNotSuitTheLoss() {
        TrainingSession session = adam().session(START);
        assertThatThrownBy(() -> session.step(Matrix.zeros(2, 3), Matrix.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContainingAll("2x3", "Nx4");
        assertThatThrownBy(() -> session.step(Matrix.zeros(1, 4), Matrix.of(1, 3, 0.5, 0.5, 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sums to 1.5");
        assertThatThrownBy(() -> session.step(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThat(session.steps()).isZero();
    }

    @Test
    void aDivergedSessionRefusesFurtherSteps() {
        Network linear = Network.builder(1).dense(1, Activation.IDENTITY).build(1);
        TrainingSession session = Trainer.builder().learningRate(1e300).epochs(1).build().session(linear);
        Matrix x = Matrix.columnVector(1e10);
        Matrix y = Matrix.columnVector(0.0);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 5; i++) {
                session.step(x, y);
            }
        }).isInstanceOf(DivergenceException.class);
        assertThatThrownBy(() -> session.step(x, y)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("diverged");
        assertThat(session.toString()).contains("diverged");
    }
}
