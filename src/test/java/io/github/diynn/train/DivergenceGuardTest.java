package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The explosion and stall checks of the default guard, on the runs the issue reported. */
class DivergenceGuardTest {

    /** The README's six max-scaled rows. */
    private static final Matrix README_INPUTS = Matrix.of(new double[][] {
        {0.646, 0.795}, {0.620, 0.682}, {0.595, 0.727}, {0.886, 0.727}, {0.810, 0.727}, {0.797, 0.614}});
    private static final Matrix README_TARGETS = Matrix.columnVector(0.203, 0.203, 0.188, 0.681, 0.652, 0.725);

    /** The tutorial's 2-3-1 with biases, as a new user builds it for the unscaled data. */
    private static Network withBiases(long seed) {
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(seed);
    }

    private static Network readmeNetwork() {
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).withoutBiases().build(42);
    }

    private static Trainer.Builder plainDescent(double learningRate, int epochs) {
        return Trainer.builder().loss(Loss.SUM_SQUARED_ERROR).learningRate(learningRate).epochs(epochs);
    }

    @Test
    void aRunOnUnscaledIrisThatRisesFiveFoldAndThenRecoversIsNotStopped() {
        Dataset raw = Iris.raw();

        TrainingResult result = plainDescent(0.01, 1000).build().train(withBiases(42), raw);

        // The shape with seed 42: 2879 at the start, 14328 at epoch 2 (about 5 times), then down to
        // 231.93 (the loss of predicting the mean petal length is 231.9) by epoch 1000.
        double[] losses = result.losses();
        assertThat(result.initialLoss()).isCloseTo(2878.80, within(0.01));
        assertThat(losses[1]).isCloseTo(14328.11, within(0.01)).isGreaterThan(4 * result.initialLoss());
        assertThat(Arrays.stream(losses).max().getAsDouble()).isEqualTo(losses[1]);
        assertThat(result.finalLoss()).isCloseTo(231.93, within(0.01));
        assertThat(result.epochs()).isEqualTo(1000);
        assertThat(result.stopReason()).isEqualTo(new StopReason.Completed());
    }

    @Test
    void aRunOnUnscaledIrisThatKeepsGrowingStopsWhenTheLossPassesAMillionTimesTheStart() {
        // Seed 20 grows about 4 times per epoch; unguarded it returns a loss of 3.8e63 after 100 epochs.
        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> plainDescent(0.01, 100).build().train(withBiases(20), Iris.raw()));

        assertThat(e.kind()).isEqualTo(DivergenceException.Kind.LOSS_EXPLODED);
        assertThat(e.epoch()).isEqualTo(10);
        assertThat(e.step()).isEqualTo(1);
        assertThat(e.lastFiniteLoss()).isGreaterThan(1e6 * 2198.3);
        assertThat(e).hasMessageStartingWith("training diverged at epoch " + e.epoch() + ", step 1: the loss "
                + e.lastFiniteLoss() + " exceeds 1000000.0 times the initial loss 2198.30046328885")
                .hasMessageContaining("(learning rate 0.01, last finite loss " + e.lastFiniteLoss() + ")")
                .hasMessageContaining("Try a lower learning rate (for example 0.001)")
                .hasMessageContaining("scale the inputs and targets");
    }

    @Test
    void withTheGuardOffTheExplodingRunReturnsItsHugeLossAsBefore() {
        TrainingResult result = plainDescent(0.01, 100).divergenceGuard(DivergenceGuard.off()).build()
                .train(withBiases(20), Iris.raw());

        assertThat(result.finalLoss()).isGreaterThan(1e60).isFinite();
    }

    @Test
    void aRaisedLimitLetsTheExplodingRunGoFurther() {
        DivergenceException standard = catchThrowableOfType(DivergenceException.class,
                () -> plainDescent(0.01, 100).build().train(withBiases(20), Iris.raw()));
        DivergenceException raised = catchThrowableOfType(DivergenceException.class,
                () -> plainDescent(0.01, 100).divergenceGuard(DivergenceGuard.standard().withLossGrowthLimit(1e12))
                        .build().train(withBiases(20), Iris.raw()));

        assertThat(raised.epoch()).isGreaterThan(standard.epoch());
        assertThat(raised).hasMessageContaining("exceeds 1.0E12 times the initial loss");
    }

    @Test
    void theReadmeNetworkAtAMillionSaturatesAndIsReportedAsStalled() {
        // One step multiplies the weights by about 1e6: every sigmoid is exactly 0 or 1 afterwards.
        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> plainDescent(1e6, 50).build().train(readmeNetwork(), README_INPUTS, README_TARGETS));

        assertThat(e.kind()).isEqualTo(DivergenceException.Kind.STALLED);
        assertThat(e.epoch()).isEqualTo(2);
        assertThat(e.lastFiniteLoss()).isCloseTo(0.766126, within(1e-6));
        double startLargest = Arrays.stream(readmeNetwork().parameters()).map(Math::abs).max().getAsDouble();
        assertThat(e).hasMessageStartingWith("training stalled at epoch 2, step 1: the gradient is exactly 0 in"
                + " every step while the loss is " + e.lastFiniteLoss())
                .hasMessageContaining("every unit is saturated")
                .hasMessageContaining("the largest |parameter| grew from " + startLargest + " to 8172821.58")
                .hasMessageContaining("Try a lower learning rate (for example 100000.0)")
                .hasMessageContaining("Initializer.XAVIER_NORMAL");
    }

    @Test
    void withTheStallCheckOffTheReadmeRunReturnsItsFrozenLossAsBefore() {
        TrainingResult result = plainDescent(1e6, 50).divergenceGuard(DivergenceGuard.standard().withStopWhenStalled(false))
                .build().train(readmeNetwork(), README_INPUTS, README_TARGETS);

        assertThat(result.epochs()).isEqualTo(50);
        assertThat(result.losses()).containsOnly(result.losses()[0]);
        assertThat(Arrays.stream(result.network().parameters()).map(Math::abs).max().getAsDouble()).isGreaterThan(1e6);
    }

    @Test
    void aZeroGradientWithoutBlownUpWeightsIsNotAStall() {
        Network start = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(3);
        TrainingResult result = plainDescent(0.1, 5)
                .gradientSource((network, loss, inputs, targets) -> new double[network.parameterCount()]).build()
                .train(start, Matrix.columnVector(1.0), Matrix.columnVector(5.0));

        assertThat(result.epochs()).isEqualTo(5);
        assertThat(result.network()).isEqualTo(start);
    }

    @Test
    void aZeroInitialLossGivesNoScaleSoTheExplosionCheckIsOff() {
        // w = 0 fits target 0 exactly; a scripted gradient of -1 then moves w to 0.1, 0.2, ...
        Network start = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(3)
                .withParameters(new double[] {0.0});
        TrainingResult result = plainDescent(0.1, 3).gradientSource((network, loss, inputs, targets) -> new double[] {-1})
                .build().train(start, Matrix.columnVector(1.0), Matrix.columnVector(0.0));

        assertThat(result.initialLoss()).isZero();
        assertThat(result.finalLoss()).isPositive();
    }

    @Test
    void theDefaultIsAMillionAndStallsOn() {
        assertThat(DivergenceGuard.standard()).isEqualTo(new DivergenceGuard(1e6, true));
        assertThat(Trainer.builder().learningRate(0.1).epochs(1).build().divergenceGuard())
                .isEqualTo(DivergenceGuard.standard());
        assertThat(DivergenceGuard.off()).isEqualTo(new DivergenceGuard(Double.POSITIVE_INFINITY, false));
    }

    @Test
    void rejectsALimitThatIsNotAboveOne() {
        assertThatThrownBy(() -> new DivergenceGuard(1.0, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than 1").hasMessageContaining("got 1.0");
        assertThatThrownBy(() -> DivergenceGuard.standard().withLossGrowthLimit(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> Trainer.builder().divergenceGuard(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("divergence guard is null");
    }

    @Test
    void aTrainerWithAnotherGuardSaysSoInItsDescription() {
        assertThat(Trainer.builder().learningRate(0.1).epochs(1).divergenceGuard(DivergenceGuard.off()).build())
                .hasToString("Trainer[learningRate=0.1, epochs=1, loss=SUM_SQUARED_ERROR, gradient=Backpropagation,"
                        + " optimizer=GradientDescent[], batchSize=full, seed=0, weightDecay=0.0,"
                        + " validationFraction=0.0, earlyStopping=off,"
                        + " DivergenceGuard[lossGrowthLimit=Infinity, stopWhenStalled=false]]");
    }
}
