package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The loop of one training run: early stopping's tie rule and flags, and the divergence guard on the
 * losses measured after an epoch (every fixture is a one-weight identity network {@code yhat = w x}
 * with scripted gradients, so each loss is a hand computation).
 */
class TrainingRunTest {

    private static Network oneWeight(double weight) {
        return Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(1)
                .withParameters(new double[] {weight});
    }

    /** A gradient source that returns {@code gradients[call]} on each call, then 0. */
    private static GradientSource scripted(double... gradients) {
        AtomicInteger calls = new AtomicInteger();
        return (network, loss, inputs, targets) -> {
            int call = calls.getAndIncrement();
            return new double[] {call < gradients.length ? gradients[call] : 0.0};
        };
    }

    private static Dataset column(double... inputs) {
        return new Dataset(Matrix.columnVector(inputs), Matrix.zeros(inputs.length, 1));
    }

    @Test
    void earlyStoppingCountsOnlyStrictImprovementsSoTiesKeepTheEarlierEpoch() {
        // A zero gradient never moves w: every validation loss equals the starting one, so no epoch
        // improves, training stops after `patience` epochs and returns the starting network (epoch 0).
        // Each loss is 1/2 (0.5^2 * 1 + 0.5^2 * 4) = 0.625.
        Dataset data = column(1.0, 2.0);
        TrainingResult result = Trainer.builder().learningRate(0.1).epochs(50).earlyStopping(3)
                .gradientSource(scripted()).build().train(oneWeight(0.5), data, data);

        assertThat(result.validationLosses()).containsExactly(0.625, 0.625, 0.625);
        assertThat(result.initialValidationLoss()).isEqualTo(0.625);
        assertThat(result.selectedEpoch()).isZero();
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.epochs()).isEqualTo(3);
    }

    @Test
    void earlyStoppingThatNeverRunsOutOfPatienceRunsEveryEpochAndIsNotAnEarlyStop() {
        // Gradient 1 at lr 0.1 takes w from 0.5 down by 0.1 per epoch: the loss 2.5 w^2 falls every epoch.
        Dataset data = column(1.0, 2.0);
        TrainingResult result = Trainer.builder().learningRate(0.1).epochs(4).earlyStopping(10)
                .gradientSource(scripted(1, 1, 1, 1)).build().train(oneWeight(0.5), data, data);

        assertThat(result.epochs()).isEqualTo(4);
        assertThat(result.selectedEpoch()).isEqualTo(4);
        assertThat(result.stoppedEarly()).isFalse();
        assertThat(result.network().parameters()[0]).isEqualTo(0.5 - 0.1 - 0.1 - 0.1 - 0.1);
    }

    @Test
    void aValidationLossThatOverflowsIsADivergenceNamingTheValidationLoss() {
        // Training on x = 1 stays tiny; the same w on x = 1e200 gives (1e200 w)^2 = infinity.
        Dataset training = column(1.0);
        Dataset validation = column(1e200);
        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> Trainer.builder().learningRate(0.1).epochs(3).gradientSource(scripted(-1)).build()
                        .train(oneWeight(0.0), training, validation));

        assertThat(e).isNotNull();
        assertThat(e.epoch()).isEqualTo(1);
        assertThat(e.step()).isEqualTo(1);
        assertThat(e).hasMessageContaining("the validation loss became Infinity");
        // The last finite loss is the training loss after the step: 1/2 (0.1 * 1)^2.
        assertThat(e.lastFiniteLoss()).isEqualTo(0.5 * 0.1 * 0.1);
    }

    @Test
    void aTrainingLossThatOverflowsOnlyOverTheWholeSetIsADivergenceAtTheEndOfTheEpoch() {
        // Batches of one: after the first step w = 1, each sample alone has loss 1/2 * 1.21e308 (finite),
        // but the sum of squares over both samples, 2.42e308, overflows.
        Dataset data = column(1.1e154, 1.1e154);
        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> Trainer.builder().learningRate(1.0).epochs(2).batchSize(1).gradientSource(scripted(-1))
                        .build().train(oneWeight(0.0), data));

        assertThat(e).isNotNull();
        assertThat(e.epoch()).isEqualTo(1);
        assertThat(e.step()).isEqualTo(2);
        assertThat(e).hasMessageContaining("the training loss became Infinity");
        assertThat(e.lastFiniteLoss()).isEqualTo(0.5 * (1.1e154 * 1.1e154));
    }

    @Test
    void aStartingLossThatIsNotFiniteNamesTheFirstEpochsLearningRate() {
        // (1e300 * 1e10)^2 overflows before any step; the rate in force would have been epoch 1's.
        Dataset data = column(1e10);
        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> Trainer.builder().learningRate(LearningRateSchedule.exponentialDecay(0.3, 0.5)).epochs(2)
                        .build().train(oneWeight(1e300), data));

        assertThat(e).isNotNull();
        assertThat(e.epoch()).isZero();
        assertThat(e.learningRate()).isEqualTo(0.3);
        assertThat(e).hasMessageContaining("learning rate 0.3,")
                .hasMessageContaining("for example 0.03")
                .hasMessageNotContaining("NaN");
    }
}
