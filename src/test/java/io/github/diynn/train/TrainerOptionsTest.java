package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.core.Parallelism;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The trainer's options: minibatches, seeds, weight decay, validation, early stopping, divergence, listener. */
class TrainerOptionsTest {

    private static final Matrix INPUTS = Iris.regressionInputs();
    private static final Matrix TARGETS = Iris.regressionTargets();

    private static Network tutorialNetwork() {
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).withoutBiases().build(42);
    }

    /** A gradient source that records the first input column of every batch and returns zeros. */
    private static final class Recorder implements GradientSource {
        final List<double[]> batches = new ArrayList<>();

        @Override
        public synchronized double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
            batches.add(inputs.column(0));
            return new double[network.parameterCount()];
        }
    }

    private static Matrix indexColumn(int rows) {
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = i;
        }
        return Matrix.columnVector(values);
    }

    @Test
    void fullBatchGradientDescentIsTheTutorialsLoopBitForBit() {
        Network start = tutorialNetwork();
        double learningRate = 0.01;
        int epochs = 30;

        TrainingResult result = Trainer.builder().learningRate(learningRate).epochs(epochs)
                .gradientSource(FiniteDifferences.forward()).build()
                .train(start, INPUTS, TARGETS);

        // The trainer of the first release, written out: theta -= lr * g with forward differences.
        FiniteDifferences differences = FiniteDifferences.forward();
        double[] theta = start.parameters();
        Network current = start;
        double[] losses = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[] gradient = differences.gradient(current, Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS);
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= learningRate * gradient[i];
            }
            current = current.withParameters(theta);
            losses[epoch] = current.loss(Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS);
        }
        assertThat(result.network()).isEqualTo(current);
        assertThat(result.losses()).isEqualTo(losses);
        assertThat(result.initialLoss()).isEqualTo(start.loss(Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS));
    }

    @Test
    void batchSizeOfTheWholeSetIsFullBatch() {
        Trainer.Builder builder = Trainer.builder().optimizer(Optimizer.adam()).learningRate(0.01).epochs(5).seed(3);
        TrainingResult fullBatch = builder.build().train(tutorialNetwork(), INPUTS, TARGETS);
        TrainingResult sized = builder.batchSize(INPUTS.rows()).build().train(tutorialNetwork(), INPUTS, TARGETS);
        TrainingResult larger = builder.batchSize(1000).build().train(tutorialNetwork(), INPUTS, TARGETS);

        assertThat(sized).isEqualTo(fullBatch);
        assertThat(larger).isEqualTo(fullBatch);
    }

    @Test
    void batchSizeOneVisitsEverySampleOnceInAShuffledOrderEachEpoch() {
        Recorder recorder = new Recorder();
        Network start = Network.builder(1).dense(1, Activation.IDENTITY).build(1);
        Trainer.builder().learningRate(0.1).epochs(2).batchSize(1).seed(11).gradientSource(recorder).build()
                .train(start, indexColumn(10), Matrix.zeros(10, 1));

        assertThat(recorder.batches).hasSize(20).allSatisfy(batch -> assertThat(batch).hasSize(1));
        double[] first = new double[10];
        double[] second = new double[10];
        for (int i = 0; i < 10; i++) {
            first[i] = recorder.batches.get(i)[0];
            second[i] = recorder.batches.get(10 + i)[0];
        }
        double[] sorted = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThat(first).containsExactlyInAnyOrder(sorted).isNotEqualTo(sorted);
        assertThat(second).containsExactlyInAnyOrder(sorted).isNotEqualTo(first);
    }

    @Test
    void lastBatchOfAnEpochHoldsTheRemainder() {
        Recorder recorder = new Recorder();
        Network start = Network.builder(1).dense(1, Activation.IDENTITY).build(1);
        Trainer.builder().learningRate(0.1).epochs(1).batchSize(4).gradientSource(recorder).build()
                .train(start, indexColumn(10), Matrix.zeros(10, 1));

        assertThat(recorder.batches).extracting(batch -> batch.length).containsExactly(4, 4, 2);
        Set<Double> seen = new HashSet<>();
        recorder.batches.forEach(batch -> Arrays.stream(batch).forEach(seen::add));
        assertThat(seen).hasSize(10);
    }

    private static Trainer.Builder minibatchAdam(long seed) {
        return Trainer.builder().optimizer(Optimizer.adam()).learningRate(0.01).epochs(20).batchSize(16)
                .validationFraction(0.2).seed(seed).gradientSource(FiniteDifferences.central());
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndHistory() {
        TrainingResult first = minibatchAdam(5).build().train(tutorialNetwork(), INPUTS, TARGETS);
        TrainingResult second = minibatchAdam(5).build().train(tutorialNetwork(), INPUTS, TARGETS);
        TrainingResult otherSeed = minibatchAdam(6).build().train(tutorialNetwork(), INPUTS, TARGETS);

        assertThat(second.network().parameters()).isEqualTo(first.network().parameters());
        assertThat(second.losses()).isEqualTo(first.losses());
        assertThat(second.validationLosses()).isEqualTo(first.validationLosses());
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed.losses()).isNotEqualTo(first.losses());
    }

    @Test
    void oneTrainerServesSeveralThreadsWithIndependentOptimizerState() throws Exception {
        Trainer trainer = minibatchAdam(9).build();
        TrainingResult sequential = trainer.train(tutorialNetwork(), INPUTS, TARGETS);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<TrainingResult> a = pool.submit(() -> trainer.train(tutorialNetwork(), INPUTS, TARGETS));
            Future<TrainingResult> b = pool.submit(() -> trainer.train(tutorialNetwork(), INPUTS, TARGETS));
            assertThat(a.get()).isEqualTo(sequential);
            assertThat(b.get()).isEqualTo(sequential);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void trainingNeverChangesTheStartingNetwork() {
        Network start = tutorialNetwork();
        double[] before = start.parameters();
        minibatchAdam(1).build().train(start, INPUTS, TARGETS);

        assertThat(start.parameters()).isEqualTo(before);
    }

    @Test
    void weightDecayShrinksWeightsButNotBiases() {
        Network start = Network.builder(1).dense(2, Activation.IDENTITY).build(1)
                .withParameters(new double[] {0.8, -0.4, 0.7, -0.3});
        GradientSource zero = (network, loss, inputs, targets) -> new double[network.parameterCount()];

        double[] theta = Trainer.builder().learningRate(0.1).epochs(3).weightDecay(0.5).gradientSource(zero)
                .build().train(start, Matrix.of(1, 1, 1.0), Matrix.of(1, 2, 0.0, 0.0)).network().parameters();

        // Each step: w := w - 0.1 * 0.5 * w = 0.95 w; biases get no penalty and no gradient.
        assertThat(theta[0]).isCloseTo(0.8 * 0.95 * 0.95 * 0.95, within(1e-15));
        assertThat(theta[1]).isCloseTo(-0.4 * 0.95 * 0.95 * 0.95, within(1e-15));
        assertThat(theta[2]).isEqualTo(0.7);
        assertThat(theta[3]).isEqualTo(-0.3);
    }

    @Test
    void validationFractionMeasuresTheHeldOutRows() {
        Network start = tutorialNetwork();
        TrainingResult result = Trainer.builder().learningRate(0.01).epochs(3).validationFraction(0.2).seed(4)
                .build().train(start, INPUTS, TARGETS);

        DatasetSplit split = new Dataset(INPUTS, TARGETS).split(0.8, 4);
        Dataset held = split.second();
        assertThat(held.size()).isEqualTo(30);
        assertThat(result.validationLosses()).hasSize(3);
        assertThat(result.initialValidationLoss())
                .isEqualTo(start.loss(Loss.SUM_SQUARED_ERROR, held.inputs(), held.targets()));
        assertThat(result.initialLoss())
                .isEqualTo(start.loss(Loss.SUM_SQUARED_ERROR, split.first().inputs(), split.first().targets()));
        assertThat(result.validationLosses()[2])
                .isEqualTo(result.network().loss(Loss.SUM_SQUARED_ERROR, held.inputs(), held.targets()));
    }

    @Test
    void validationFractionThatLeavesAPartEmptyIsRejected() {
        Trainer trainer = Trainer.builder().learningRate(0.1).epochs(1).validationFraction(0.1).build();

        assertThatThrownBy(() -> trainer.train(Network.builder(1).dense(1, Activation.IDENTITY).build(1),
                indexColumn(3), Matrix.zeros(3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation fraction 0.1 of 3 samples leaves 0 for validation");
    }

    /** Fits y = 2x while validating against y = x, from w = 0: the validation loss falls, then rises. */
    private static TrainingResult overfit(int epochs, int patience, double startWeight) {
        Network start = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(1)
                .withParameters(new double[] {startWeight});
        Dataset training = new Dataset(Matrix.columnVector(1, 2, 3), Matrix.columnVector(2, 4, 6));
        Dataset validation = new Dataset(Matrix.columnVector(1, 2, 3), Matrix.columnVector(1, 2, 3));
        Trainer.Builder builder = Trainer.builder().learningRate(0.01).epochs(epochs)
                .gradientSource(FiniteDifferences.central());
        if (patience > 0) {
            builder.earlyStopping(patience);
        }
        return builder.build().train(start, training, validation);
    }

    @Test
    void earlyStoppingReturnsTheWeightsOfTheBestValidationEpoch() {
        TrainingResult result = overfit(100, 3, 0.0);

        // w_t = 2 (1 - 0.86^t): w_4 = 0.906, w_5 = 1.059, w_6 = 1.191; the best validation is epoch 5.
        double[] validation = result.validationLosses();
        assertThat(result.selectedEpoch()).isEqualTo(5);
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.epochs()).isEqualTo(5 + 3);
        assertThat(Arrays.stream(validation).min().getAsDouble()).isEqualTo(validation[4]);
        assertThat(result.network().parameters()[0]).isCloseTo(2 * (1 - Math.pow(0.86, 5)), within(1e-7));
        assertThat(result.network()).isEqualTo(overfit(5, 0, 0.0).network());
        assertThat(result.network().loss(Loss.SUM_SQUARED_ERROR, Matrix.columnVector(1, 2, 3),
                Matrix.columnVector(1, 2, 3))).isEqualTo(validation[4]);
    }

    @Test
    void earlyStoppingReturnsTheStartingNetworkWhenNoEpochImproves() {
        TrainingResult result = overfit(100, 2, 1.0);

        assertThat(result.selectedEpoch()).isZero();
        assertThat(result.epochs()).isEqualTo(2);
        assertThat(result.network().parameters()).containsExactly(1.0);
    }

    @Test
    void earlyStoppingNeedsValidationData() {
        Trainer trainer = Trainer.builder().learningRate(0.1).epochs(5).earlyStopping(2).build();

        assertThatThrownBy(() -> trainer.train(tutorialNetwork(), INPUTS, TARGETS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("early stopping needs validation data");
    }

    @Test
    void explicitValidationDataAndAFractionAreExclusive() {
        Trainer trainer = Trainer.builder().learningRate(0.1).epochs(5).validationFraction(0.2).build();
        Dataset data = new Dataset(INPUTS, TARGETS);

        assertThatThrownBy(() -> trainer.train(tutorialNetwork(), data, data))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("validationFraction is 0.2");
    }

    @Test
    void hugeLearningRateOnIrisEndsInDivergenceNamingWhereAndWhatToTry() {
        // The tutorial's linear regression on Iris: each step multiplies the error by about 1e6 * 300.
        Trainer trainer = Trainer.builder().learningRate(1e6).epochs(100).gradientSource(GradientSource.backpropagation())
                .build();
        Network start = Network.builder(2).dense(1, Activation.IDENTITY).build(42);

        assertThatThrownBy(() -> trainer.train(start, INPUTS, TARGETS))
                .isInstanceOfSatisfying(DivergenceException.class, e -> {
                    assertThat(e.epoch()).isBetween(1, 100);
                    assertThat(e.step()).isEqualTo(1);
                    assertThat(e.learningRate()).isEqualTo(1e6);
                    assertThat(e.lastFiniteLoss()).isFinite();
                    assertThat(e.getMessage())
                            .startsWith("training diverged at epoch " + e.epoch() + ", step 1: ")
                            .contains("learning rate 1000000.0, last finite loss " + e.lastFiniteLoss())
                            .contains("Try a lower learning rate (for example 100000.0)")
                            .contains("scale the inputs and targets");
                });
    }

    @Test
    void divergenceInAMinibatchNamesTheStep() {
        Network start = Network.builder(2).dense(1, Activation.IDENTITY).build(42);
        Trainer trainer = Trainer.builder().learningRate(1e6).epochs(100).batchSize(50)
                .gradientSource(GradientSource.backpropagation()).build();

        assertThatThrownBy(() -> trainer.train(start, INPUTS, TARGETS))
                .isInstanceOfSatisfying(DivergenceException.class, e -> {
                    assertThat(e.step()).isBetween(1, 3);
                    assertThat(e.getMessage()).contains("epoch " + e.epoch() + ", step " + e.step());
                });
    }

    @Test
    void nonFiniteInitialLossIsReportedBeforeTheFirstEpoch() {
        Network start = Network.builder(1).dense(1, Activation.IDENTITY).withoutBiases().build(1)
                .withParameters(new double[] {1e300});
        Trainer trainer = Trainer.builder().learningRate(0.1).epochs(1).build();

        assertThatThrownBy(() -> trainer.train(start, Matrix.of(1, 1, 1e10), Matrix.of(1, 1, 0.0)))
                .isInstanceOfSatisfying(DivergenceException.class, e -> assertThat(e.epoch()).isZero())
                .hasMessageContaining("the initial loss is Infinity");
    }

    @Test
    void listenerHearsEveryEpochWithTheHistorysValues() {
        List<EpochReport> reports = new ArrayList<>();
        List<TrainingResult> finished = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
                reports.add(report);
            }

            @Override
            public void trainingFinished(TrainingResult result) {
                finished.add(result);
            }
        };
        LearningRateSchedule schedule = LearningRateSchedule.stepDecay(0.02, 0.5, 2);
        TrainingResult result = Trainer.builder().learningRate(schedule).epochs(5).validationFraction(0.2)
                .listener(listener).build().train(tutorialNetwork(), INPUTS, TARGETS);

        assertThat(reports).extracting(EpochReport::epoch).containsExactly(1, 2, 3, 4, 5);
        assertThat(reports).extracting(EpochReport::epochs).containsOnly(5);
        assertThat(reports.stream().mapToDouble(EpochReport::loss).toArray()).isEqualTo(result.losses());
        assertThat(reports.stream().mapToDouble(EpochReport::validationLoss).toArray())
                .isEqualTo(result.validationLosses());
        assertThat(reports).extracting(EpochReport::learningRate).containsExactly(0.02, 0.02, 0.01, 0.01, 0.005);
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).elapsed()).isGreaterThanOrEqualTo(reports.get(i - 1).elapsed());
        }
        assertThat(finished).containsExactly(result);
    }

    @Test
    void historyIsAnImmutableValue() {
        TrainingResult result = Trainer.builder().learningRate(0.01).epochs(3).build()
                .train(tutorialNetwork(), INPUTS, TARGETS);
        double[] losses = result.losses();
        losses[0] = -1.0;

        assertThat(result.losses()[0]).isNotEqualTo(-1.0);
    }

    @Test
    void builderRejectsInvalidSettingsByName() {
        assertThatThrownBy(() -> Trainer.builder().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch size must be at least 1, got 0");
        assertThatThrownBy(() -> Trainer.builder().weightDecay(-1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight decay").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> Trainer.builder().validationFraction(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validation fraction");
        assertThatThrownBy(() -> Trainer.builder().earlyStopping(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patience");
        assertThatThrownBy(() -> Trainer.builder().learningRate(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Trainer.builder().optimizer(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("optimizer is null");
        assertThatThrownBy(() -> Trainer.builder().epochs(3).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("learning rate");
    }

    @Test
    void aStratifiedValidationFractionHoldsOutTheRowsOfTheStratifiedSplit() {
        Dataset species = Iris.species();
        Network start = Network.builder(4).dense(3, Activation.SOFTMAX).build(2);
        Trainer.Builder base = Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.01)
                .epochs(5).seed(9);

        TrainingResult stratified = base.validationFraction(0.2, ValidationSplit.STRATIFIED).build()
                .train(start, species);
        DatasetSplit split = species.stratifiedSplit(0.8, 9);
        TrainingResult explicit = Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.01)
                .epochs(5).seed(9).build().train(start, split.first(), split.second());

        assertThat(stratified).isEqualTo(explicit);
        assertThat(split.second().targets().columnSums().toRowMajorArray()).containsExactly(10.0, 10.0, 10.0);
        assertThat(base.build().validationSplit()).isEqualTo(ValidationSplit.STRATIFIED);
        assertThat(base.build().toString()).contains("validationFraction=0.2 stratified");
    }

    @Test
    void aPlainValidationFractionIsARandomSplit() {
        assertThat(Trainer.builder().learningRate(0.1).epochs(1).validationFraction(0.2).build().validationSplit())
                .isEqualTo(ValidationSplit.RANDOM);
        assertThatThrownBy(() -> Trainer.builder().validationFraction(0.2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validation split is null");
    }

    @Test
    void aStratifiedSplitOfRegressionTargetsIsRefusedWithTheTargetNamed() {
        Network start = Network.builder(2).dense(1, Activation.IDENTITY).build(2);
        assertThatThrownBy(() -> Trainer.builder().learningRate(0.1).epochs(1)
                .validationFraction(0.2, ValidationSplit.STRATIFIED).build().train(start, INPUTS, TARGETS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a stratified split needs class targets")
                .hasMessageContaining("target row 0, column 0");
    }

    @Test
    void parallelismDefaultsToTheCallingThreadIsDescribedWhenSetAndRejectsNull() {
        Trainer.Builder builder = Trainer.builder().learningRate(0.1).epochs(1);
        assertThat(builder.build().parallelism()).isEqualTo(Parallelism.sequential());
        assertThat(builder.build().toString()).doesNotContain("parallelism");
        assertThat(builder.parallelism(Parallelism.threads(4)).build().parallelism()).isEqualTo(Parallelism.threads(4));
        assertThat(builder.build().toString()).endsWith(", parallelism=threads(4)]");
        assertThatThrownBy(() -> builder.parallelism(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism is null");
    }
}
