package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.metrics.ClassificationMetrics;
import io.github.diynn.metrics.RegressionMetrics;
import io.github.diynn.train.EarlyStopping.Monitor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    @Test
    void lowerIsBetterForTheLossAndHigherForAccuracyAndRSquared() {
        assertThat(Monitor.VALIDATION_LOSS.higherIsBetter()).isFalse();
        assertThat(Monitor.VALIDATION_ACCURACY.higherIsBetter()).isTrue();
        assertThat(Monitor.VALIDATION_R_SQUARED.higherIsBetter()).isTrue();
        EarlyStopping loss = EarlyStopping.of(Monitor.VALIDATION_LOSS, 5);
        assertThat(loss.improves(0.9, 1.0)).isTrue();
        assertThat(loss.improves(1.0, 1.0)).isFalse();
        EarlyStopping accuracy = EarlyStopping.of(Monitor.VALIDATION_ACCURACY, 5);
        assertThat(accuracy.improves(0.9, 0.8)).isTrue();
        assertThat(accuracy.improves(0.8, 0.8)).isFalse();
        assertThat(accuracy.improves(0.7, 0.8)).isFalse();
    }

    @Test
    void anImprovementMustExceedTheMinimumDelta() {
        EarlyStopping loss = EarlyStopping.of(Monitor.VALIDATION_LOSS, 5).withMinDelta(0.25);
        assertThat(loss.improves(0.8, 1.0)).isFalse();
        assertThat(loss.improves(0.75, 1.0)).isFalse();
        assertThat(loss.improves(0.5, 1.0)).isTrue();
        EarlyStopping r2 = EarlyStopping.of(Monitor.VALIDATION_R_SQUARED, 5).withMinDelta(0.25);
        assertThat(r2.improves(0.7, 0.5)).isFalse();
        assertThat(r2.improves(0.875, 0.5)).isTrue();
    }

    @Test
    void rejectsBadValuesByName() {
        assertThatThrownBy(() -> EarlyStopping.of(null, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("monitor is null");
        assertThatThrownBy(() -> EarlyStopping.of(Monitor.VALIDATION_LOSS, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("patience must be at least 1, got 0");
        assertThatThrownBy(() -> EarlyStopping.of(Monitor.VALIDATION_LOSS, 3).withMinDelta(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minDelta").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> Trainer.builder().earlyStopping(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("early-stopping rule is null");
    }

    @Test
    void earlyStoppingByPatienceIsTheValidationLossRuleBitForBit() {
        Dataset data = new Dataset(Iris.regressionInputs(), Iris.regressionTargets());
        Network start = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);
        Trainer.Builder base = Trainer.builder().learningRate(0.01).epochs(600).validationFraction(0.2).seed(3);

        TrainingResult byPatience = base.earlyStopping(30).build().train(start, data);
        TrainingResult byRule = base.earlyStopping(EarlyStopping.of(Monitor.VALIDATION_LOSS, 30)).build()
                .train(start, data);

        assertThat(byRule).isEqualTo(byPatience);
        assertThat(base.build().earlyStopping()).contains(EarlyStopping.of(Monitor.VALIDATION_LOSS, 30));
    }

    /** The Iris species, split 80/20, on a small softmax network that reaches its best accuracy early. */
    private static final DatasetSplit SPECIES = Iris.species().split(0.8, 1);

    private static Network classifier() {
        return Network.builder(4).dense(4, Activation.TANH).dense(3, Activation.SOFTMAX)
                .initializer(Initializer.XAVIER_NORMAL).build(5);
    }

    @Test
    void watchingValidationAccuracyKeepsTheEpochWithTheBestAccuracy() {
        List<Double> accuracies = new ArrayList<>();
        TrainingListener recorder = report -> accuracies.add(ClassificationMetrics.accuracy(
                report.network().predict(SPECIES.second().inputs()), SPECIES.second().targets()));
        TrainingResult result = Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam())
                .learningRate(0.01).epochs(500).batchSize(16)
                .earlyStopping(EarlyStopping.of(Monitor.VALIDATION_ACCURACY, 20)).listener(recorder).build()
                .train(classifier(), SPECIES.first(), SPECIES.second());

        // Oracle: the first epoch of the highest accuracy recorded by the listener, from the starting one.
        double best = ClassificationMetrics.accuracy(classifier().predict(SPECIES.second().inputs()),
                SPECIES.second().targets());
        int bestEpoch = 0;
        for (int e = 1; e <= accuracies.size(); e++) {
            if (accuracies.get(e - 1) > best) {
                best = accuracies.get(e - 1);
                bestEpoch = e;
            }
        }
        assertThat(result.keptEpoch()).isEqualTo(bestEpoch).isPositive();
        assertThat(result.epochs()).isEqualTo(bestEpoch + 20).isLessThan(500);
        assertThat(ClassificationMetrics.accuracy(result.network().predict(SPECIES.second().inputs()),
                SPECIES.second().targets())).isEqualTo(best);
        assertThat(result.stopReason()).hasToString("early stopping: no VALIDATION_ACCURACY improvement in 20 epochs");
    }

    @Test
    void watchingRSquaredKeepsTheEpochWithTheHighestRSquared() {
        DatasetSplit split = new Dataset(Iris.regressionInputs(), Iris.regressionTargets()).split(0.8, 0);
        Network start = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);
        List<Double> rSquared = new ArrayList<>();
        TrainingResult result = Trainer.builder().learningRate(0.01).epochs(2000)
                .earlyStopping(EarlyStopping.of(Monitor.VALIDATION_R_SQUARED, 30))
                .listener(report -> rSquared.add(RegressionMetrics.rSquared(
                        report.network().predict(split.second().inputs()), split.second().targets())))
                .build().train(start, split.first(), split.second());

        int bestEpoch = 1;
        for (int e = 2; e <= rSquared.size(); e++) {
            if (rSquared.get(e - 1) > rSquared.get(bestEpoch - 1)) {
                bestEpoch = e;
            }
        }
        assertThat(result.keptEpoch()).isEqualTo(bestEpoch);
        assertThat(result.epochs()).isEqualTo(bestEpoch + 30);
    }

    @Test
    void aMinimumDeltaNoRunCanReachKeepsTheStartingNetwork() {
        DatasetSplit split = new Dataset(Iris.regressionInputs(), Iris.regressionTargets()).split(0.8, 0);
        Network start = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);
        TrainingResult result = Trainer.builder().learningRate(0.01).epochs(100)
                .earlyStopping(EarlyStopping.of(Monitor.VALIDATION_LOSS, 5).withMinDelta(1e3)).build()
                .train(start, split.first(), split.second());

        assertThat(result.epochs()).isEqualTo(5);
        assertThat(result.keptEpoch()).isZero();
        assertThat(result.network()).isEqualTo(start);
        assertThat(result.stopReason()).hasToString(
                "early stopping: no VALIDATION_LOSS improvement of more than 1000.0 in 5 epochs");
    }

    @Test
    void rSquaredOnConstantValidationTargetsIsRefusedNamingTheMonitor() {
        Dataset constant = new Dataset(Iris.regressionInputs().selectRows(0, 1),
                io.github.diynn.core.Matrix.columnVector(0.5, 0.5));
        Network start = Network.builder(2).dense(1, Activation.IDENTITY).build(1);
        assertThatThrownBy(() -> Trainer.builder().learningRate(0.01).epochs(3)
                .earlyStopping(EarlyStopping.of(Monitor.VALIDATION_R_SQUARED, 2)).build()
                .train(start, constant, constant))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("early stopping on VALIDATION_R_SQUARED: R^2 is undefined");
    }

    @Test
    void theTrainerDescribesAMonitorOtherThanTheLoss() {
        assertThat(Trainer.builder().learningRate(0.1).epochs(1)
                .earlyStopping(EarlyStopping.of(Monitor.VALIDATION_ACCURACY, 4).withMinDelta(0.01)).build().toString())
                .contains("earlyStopping=patience 4 on VALIDATION_ACCURACY, minDelta 0.01");
    }
}
