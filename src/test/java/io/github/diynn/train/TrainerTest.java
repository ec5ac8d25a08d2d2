package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.diynn.core.Activation;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainerTest {

    // A small smooth problem on [0, 1]^2: y = 0.5 x1 + 0.3 x2^2, eight samples.
    private static final Matrix INPUTS = Matrix.of(new double[][] {
        {0.1, 0.2}, {0.4, 0.9}, {0.8, 0.3}, {0.5, 0.5}, {0.9, 0.9}, {0.2, 0.7}, {0.6, 0.1}, {0.3, 0.4}});
    private static final Matrix TARGETS = Matrix.columnVector(
            0.062, 0.443, 0.427, 0.325, 0.693, 0.247, 0.303, 0.198);
    private static final Dataset DATA = new Dataset(INPUTS, TARGETS);

    private static Network network(long seed) {
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(seed);
    }

    /** The tutorial's trainer: full-batch gradient descent on forward differences. */
    private static Trainer trainer(double learningRate, int epochs) {
        return Trainer.builder().learningRate(learningRate).epochs(epochs)
                .gradientSource(FiniteDifferences.forward()).build();
    }

    // ----------------------------------------------------------------- training

    @Test
    void trainingLowersTheLoss() {
        Network start = network(1);
        TrainingResult result = trainer(0.05, 300).train(start, DATA);
        assertThat(result.initialLoss()).isEqualTo(start.loss(Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS));
        assertThat(result.finalLoss()).isLessThan(result.initialLoss() / 10);
        double[] losses = result.losses();
        for (int epoch = 1; epoch < losses.length; epoch++) {
            assertThat(losses[epoch]).as("loss after epoch %d", epoch + 1).isLessThanOrEqualTo(losses[epoch - 1]);
        }
    }

    @Test
    void eachEpochSubtractsTheLearningRateTimesTheGradient() {
        // The tutorial's loop written out: theta := theta - alpha * dJ/dtheta, with forward differences.
        Network expected = network(2);
        double[] expectedLosses = new double[5];
        for (int epoch = 0; epoch < 5; epoch++) {
            double[] theta = expected.parameters();
            double[] gradient = FiniteDifferences.forward().gradient(expected, Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS);
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= 0.1 * gradient[i];
            }
            expected = expected.withParameters(theta);
            expectedLosses[epoch] = expected.loss(Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS);
        }
        TrainingResult result = trainer(0.1, 5).train(network(2), DATA);
        assertThat(result.network()).isEqualTo(expected);
        assertThat(result.losses()).containsExactly(expectedLosses);
    }

    @Test
    void anyGradientSourcePlugsIn() {
        List<Network> seen = new ArrayList<>();
        GradientSource constant = (network, loss, inputs, targets) -> {
            seen.add(network);
            double[] gradient = new double[network.parameterCount()];
            Arrays.fill(gradient, 2.0);
            return gradient;
        };
        Network start = network(3);
        TrainingResult result = Trainer.builder().learningRate(0.25).epochs(2).gradientSource(constant).build()
                .train(start, DATA);
        double[] afterOne = start.parameters();
        double[] afterTwo = start.parameters();
        for (int i = 0; i < afterOne.length; i++) {
            afterOne[i] -= 0.25 * 2.0;
            afterTwo[i] = afterOne[i] - 0.25 * 2.0;
        }
        assertThat(result.network().parameters()).containsExactly(afterTwo);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo(start);
        assertThat(seen.get(1).parameters()).containsExactly(afterOne);
    }

    @Test
    void trainingMinimisesTheConfiguredLoss() {
        Trainer trainer = Trainer.builder().learningRate(0.5).epochs(20).loss(Loss.MEAN_SQUARED_ERROR)
                .gradientSource(FiniteDifferences.central()).build();
        TrainingResult result = trainer.train(network(4), INPUTS, TARGETS);
        assertThat(result.initialLoss()).isEqualTo(network(4).loss(Loss.MEAN_SQUARED_ERROR, INPUTS, TARGETS));
        assertThat(result.finalLoss())
                .isEqualTo(result.network().loss(Loss.MEAN_SQUARED_ERROR, INPUTS, TARGETS))
                .isLessThan(result.initialLoss());
    }

    @Test
    void theSameSeedGivesABitIdenticalResult() {
        TrainingResult first = trainer(0.05, 50).train(network(9), DATA);
        TrainingResult second = trainer(0.05, 50).train(network(9), DATA);
        assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(Arrays.stream(second.losses()).mapToLong(Double::doubleToRawLongBits).toArray())
                .containsExactly(Arrays.stream(first.losses()).mapToLong(Double::doubleToRawLongBits).toArray());
        assertThat(second.network().parameters()).containsExactly(first.network().parameters());
    }

    @Test
    void oneTrainerSharedByTwoThreadsGivesEachTheSequentialResult() throws Exception {
        Trainer trainer = trainer(0.05, 40);
        TrainingResult sequential = trainer.train(network(10), DATA);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TrainingResult> first = pool.submit(() -> trainer.train(network(10), DATA));
            Future<TrainingResult> second = pool.submit(() -> trainer.train(network(10), DATA));
            assertThat(first.get()).isEqualTo(sequential);
            assertThat(second.get()).isEqualTo(sequential);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trainingLeavesTheStartingNetworkAndTheDataUnchanged() {
        Network start = network(5);
        double[] before = start.parameters();
        TrainingResult result = trainer(0.1, 10).train(start, DATA);
        assertThat(start.parameters()).containsExactly(before);
        assertThat(start).isEqualTo(network(5)).isNotEqualTo(result.network());
        assertThat(DATA.inputs()).isEqualTo(INPUTS);
        assertThat(DATA.targets()).isEqualTo(TARGETS);
    }

    @Test
    void resultHoldsOneLossPerEpochAndTheFinalNetworksLoss() {
        TrainingResult result = trainer(0.1, 7).train(network(6), DATA);
        assertThat(result.epochs()).isEqualTo(7);
        assertThat(result.losses()).hasSize(7);
        assertThat(result.finalLoss()).isEqualTo(result.losses()[6])
                .isEqualTo(result.network().loss(Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS));
    }

    @Test
    void resultLossesAreACopy() {
        TrainingResult result = trainer(0.1, 3).train(network(6), DATA);
        double[] losses = result.losses();
        double first = losses[0];
        losses[0] = -1;
        assertThat(result.losses()[0]).isEqualTo(first);
        assertThat(result.losses()).isNotSameAs(result.losses());
    }

    // ----------------------------------------------------------------- divergence

    @Test
    void aHugeLearningRateStopsWithADivergenceExceptionNamingEpochRateAndLastLoss() {
        Network start = network(7);
        double initial = start.loss(Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS);
        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> trainer(1e300, 10).train(start, DATA));
        assertThat(e).isNotNull();
        assertThat(e.epoch()).isEqualTo(1);
        assertThat(e.learningRate()).isEqualTo(1e300);
        assertThat(e.lastFiniteLoss()).isEqualTo(initial);
        assertThat(e).hasMessageContaining("epoch 1").hasMessageContaining("learning rate 1.0E300")
                .hasMessageContaining("last finite loss " + initial);
        assertThat(start).isEqualTo(network(7));
    }

    @Test
    void aTooLargeLearningRateOnUnscaledDataStopsWithADivergenceException() {
        // Unscaled Iris-sized values: the weights grow by a large factor every epoch. They pass
        // 1e8, where the forward-difference step no longer changes them, long before the loss overflows.
        Matrix inputs = Matrix.of(new double[][] {{5.1, 3.5}, {4.9, 3.0}, {6.3, 3.3}, {5.8, 2.7}});
        Matrix targets = Matrix.columnVector(1.4, 1.4, 6.0, 5.1);
        Network linear = Network.builder(2).dense(1, Activation.IDENTITY).build(8);
        // With the explosion check of the default guard this run stops at epoch 2 (see
        // TrainingGuardTest); with it off, the finite-difference rejection is what stops it.
        Trainer unguarded = Trainer.builder().learningRate(0.5).epochs(2000).gradientSource(FiniteDifferences.forward())
                .divergenceGuard(DivergenceGuard.off()).build();
        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> unguarded.train(linear, inputs, targets));
        assertThat(e).isNotNull();
        assertThat(e.epoch()).isGreaterThan(1);
        assertThat(e.lastFiniteLoss()).isFinite();
        assertThat(e).hasMessageContaining("epoch " + e.epoch()).hasMessageContaining("learning rate 0.5")
                .hasMessageContaining("last finite loss " + e.lastFiniteLoss())
                .hasMessageContaining("the gradient source rejected the parameters: step 1.0E-8 vanishes")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStartingNetworkWhoseLossOverflowsIsReportedAsDivergenceBeforeTheFirstEpoch() {
        // Output weights of 1e200 give predictions near 1e200, whose squares overflow to infinity.
        double[] theta = network(1).parameters();
        Arrays.fill(theta, 9, 13, 1e200);
        Network overflowing = network(1).withParameters(theta);
        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> trainer(0.1, 5).train(overflowing, DATA));
        assertThat(e).isNotNull();
        assertThat(e.epoch()).isZero();
        assertThat(e.lastFiniteLoss()).isNaN();
        assertThat(e).hasMessageContaining("epoch 0").hasMessageContaining("the initial loss is Infinity");
    }

    @Test
    void aGradientSourceThatReturnsNaNStopsTrainingBeforeAnyWeightIsNaN() {
        GradientSource broken = (network, loss, inputs, targets) -> {
            double[] gradient = new double[network.parameterCount()];
            gradient[4] = Double.NaN;
            return gradient;
        };
        DivergenceException e = catchThrowableOfType(DivergenceException.class,
                () -> Trainer.builder().learningRate(0.1).epochs(3).gradientSource(broken).build()
                        .train(network(1), DATA));
        assertThat(e).isNotNull();
        assertThat(e.epoch()).isEqualTo(1);
        assertThat(e).hasMessageContaining("parameter 4 (layer 0 weight[1][1]) became NaN");
    }

    @Test
    void aStartingNetworkTheGradientSourceRejectsIsAnArgumentErrorNotADivergence() {
        // Weights of 1e9 are too large for the forward-difference step before any training happened.
        Network huge = network(1).withParameters(filled(13, 1e9));
        assertThatThrownBy(() -> trainer(0.1, 5).train(huge, DATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vanishes against coordinate 0");
    }

    private static double[] filled(int length, double value) {
        double[] values = new double[length];
        Arrays.fill(values, value);
        return values;
    }

    @Test
    void aGradientOfTheWrongLengthIsReported() {
        GradientSource shortGradient = (network, loss, inputs, targets) -> new double[3];
        assertThatThrownBy(() -> Trainer.builder().learningRate(0.1).epochs(1).gradientSource(shortGradient).build()
                .train(network(1), DATA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned 3 values for 13 parameters");
        GradientSource nullGradient = (network, loss, inputs, targets) -> null;
        assertThatThrownBy(() -> Trainer.builder().learningRate(0.1).epochs(1).gradientSource(nullGradient).build()
                .train(network(1), DATA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned null for 13 parameters");
    }

    // ----------------------------------------------------------------- rejections

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -0.1, -1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void learningRatesThatAreNotFinitePositiveNumbersAreRejected(double learningRate) {
        assertThatThrownBy(() -> Trainer.builder().learningRate(learningRate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning rate must be a finite number > 0, got " + learningRate);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void fewerThanOneEpochIsRejected(int epochs) {
        assertThatThrownBy(() -> Trainer.builder().epochs(epochs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochs must be at least 1, got " + epochs);
    }

    @Test
    void buildingWithoutALearningRateOrEpochsIsRejected() {
        assertThatThrownBy(() -> Trainer.builder().epochs(10).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("set the learning rate with learningRate(...)");
        assertThatThrownBy(() -> Trainer.builder().learningRate(0.1).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("set the number of epochs with epochs(...)");
        assertThatThrownBy(() -> Trainer.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nullLossOrGradientSourceIsRejected() {
        assertThatThrownBy(() -> Trainer.builder().loss(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loss is null");
        assertThatThrownBy(() -> Trainer.builder().gradientSource(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gradient source is null");
    }

    @Test
    void dataWhoseWidthDoesNotFitTheNetworkIsRejectedNamingTheShapes() {
        Trainer trainer = trainer(0.1, 1);
        Network network = network(1);
        assertThatThrownBy(() -> trainer.train(network, new Dataset(Matrix.zeros(4, 3), Matrix.zeros(4, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 2-input, 1-output network needs inputs Nx2 and targets Nx1 with N >= 1,"
                        + " got inputs 4x3 and targets 4x1");
        assertThatThrownBy(() -> trainer.train(network, new Dataset(Matrix.zeros(4, 2), Matrix.zeros(4, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("targets Nx1").hasMessageContaining("targets 4x2");
        assertThatThrownBy(() -> trainer.train(network, Matrix.zeros(4, 2), Matrix.zeros(3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputs 4x2 and targets 3x1");
        assertThatThrownBy(() -> trainer.train(network, new Dataset(Matrix.zeros(0, 2), Matrix.zeros(0, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("N >= 1").hasMessageContaining("0x2");
    }

    @Test
    void explicitDataThatDoesNotFitTheNetworkIsRejectedNamingWhichSetAndTheShapes() {
        Trainer trainer = trainer(0.1, 1);
        Dataset tooWide = new Dataset(Matrix.zeros(3, 3), Matrix.zeros(3, 1));
        assertThatThrownBy(() -> trainer.train(network(1), DATA, tooWide))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("validation data: a 2-input, 1-output network needs")
                .hasMessageContaining("got inputs 3x3");
        assertThatThrownBy(() -> trainer.train(network(1), tooWide, DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("training data: a 2-input, 1-output network needs")
                .hasMessageContaining("got inputs 3x3");
    }

    @Test
    void nullNetworkOrDataIsRejected() {
        Trainer trainer = trainer(0.1, 1);
        assertThatThrownBy(() -> trainer.train(null, DATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("network is null");
        assertThatThrownBy(() -> trainer.train(network(1), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset is null");
        assertThatThrownBy(() -> trainer.train(network(1), null, TARGETS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    // ----------------------------------------------------------------- configuration

    @Test
    void defaultsAreTheTutorialsLossAndBackpropagation() {
        Trainer defaults = Trainer.builder().learningRate(0.01).epochs(2000).build();
        assertThat(defaults.loss()).isEqualTo(Loss.SUM_SQUARED_ERROR);
        assertThat(defaults.gradientSource()).isSameAs(GradientSource.backpropagation());
    }

    @Test
    void theTutorialsForwardDifferencesAreOneOptionAway() {
        Trainer trainer = trainer(0.01, 2000);
        assertThat(trainer.learningRate()).isEqualTo(0.01);
        assertThat(trainer.epochs()).isEqualTo(2000);
        assertThat(trainer.loss()).isEqualTo(Loss.SUM_SQUARED_ERROR);
        assertThat(trainer.gradientSource()).isInstanceOf(FiniteDifferences.class);
        assertThat(((FiniteDifferences) trainer.gradientSource()).scheme()).isEqualTo(FiniteDifferences.Scheme.FORWARD);
        assertThat(((FiniteDifferences) trainer.gradientSource()).step()).isEqualTo(1e-8);
        assertThat(trainer).hasToString("Trainer[learningRate=0.01, epochs=2000, loss=SUM_SQUARED_ERROR,"
                + " gradient=FiniteDifferences[FORWARD, step 1.0E-8], optimizer=GradientDescent[], batchSize=full,"
                + " seed=0, weightDecay=0.0, validationFraction=0.0, earlyStopping=off]");
    }

    @Test
    void aBuiltTrainerIgnoresLaterChangesToItsBuilder() {
        Trainer.Builder builder = Trainer.builder().learningRate(0.1).epochs(5);
        Trainer trainer = builder.build();
        builder.learningRate(0.9).epochs(50).loss(Loss.MEAN_SQUARED_ERROR);
        assertThat(trainer.learningRate()).isEqualTo(0.1);
        assertThat(trainer.epochs()).isEqualTo(5);
        assertThat(trainer.loss()).isEqualTo(Loss.SUM_SQUARED_ERROR);
    }

    @Test
    void aLambdaGradientSourceIsDescribedWithoutItsSyntheticClassName() {
        GradientSource lambda = (network, loss, inputs, targets) -> new double[network.parameterCount()];
        Trainer trainer = Trainer.builder().learningRate(0.1).epochs(1).gradientSource(lambda).build();

        assertThat(trainer.toString()).contains("gradient=a custom GradientSource (lambda)").doesNotContain("$$Lambda");
        GradientSource shortGradient = (network, loss, inputs, targets) -> new double[3];
        assertThatThrownBy(() -> Trainer.builder().learningRate(0.1).epochs(1).gradientSource(shortGradient).build()
                .train(network(1), DATA)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("a custom GradientSource (lambda) returned 3 values");
    }

    @Test
    void aNamedGradientSourceIsDescribedByItsName() {
        GradientSource named = GradientSource.named("tutorial partials",
                (network, loss, inputs, targets) -> new double[network.parameterCount()]);
        assertThat(Trainer.builder().learningRate(0.1).epochs(1).gradientSource(named).build().toString())
                .contains("gradient=tutorial partials,");
    }

    /** A class of its own without toString(). */
    private static final class Zeros implements GradientSource {
        @Override
        public double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
            return new double[network.parameterCount()];
        }
    }

    @Test
    void aClassWithoutToStringIsDescribedByItsSimpleNameAndOneWithItsOwnByThat() {
        assertThat(Trainer.describe(new Zeros())).isEqualTo("a custom GradientSource (Zeros)");
        assertThat(Trainer.describe(GradientSource.backpropagation())).isEqualTo(GradientSource.backpropagation().toString());
    }
}
