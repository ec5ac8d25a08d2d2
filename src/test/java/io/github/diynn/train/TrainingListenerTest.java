package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingListenerTest {

    private static final Matrix INPUTS = Iris.regressionInputs();
    private static final Matrix TARGETS = Iris.regressionTargets();

    private static Network tutorialNetwork() {
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).withoutBiases().build(42);
    }

    private static Trainer.Builder descent(int epochs) {
        return Trainer.builder().learningRate(0.01).epochs(epochs);
    }

    @Test
    void severalListenersAreAllCalledInTheOrderAdded() {
        List<String> calls = new ArrayList<>();
        TrainingListener first = report -> calls.add("a" + report.epoch());
        TrainingListener second = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
                calls.add("b" + report.epoch());
            }

            @Override
            public void trainingFinished(TrainingResult result) {
                calls.add("b done");
            }
        };

        Trainer trainer = descent(2).listener(first).listener(second).build();
        trainer.train(tutorialNetwork(), INPUTS, TARGETS);

        assertThat(calls).containsExactly("a1", "b1", "a2", "b2", "b done");
        assertThat(trainer.listeners()).containsExactly(first, second);
    }

    @Test
    void theReportGivesTheNetworkOfItsEpoch() {
        List<Network> networks = new ArrayList<>();
        TrainingResult result = descent(3).listener(report -> networks.add(report.network())).build()
                .train(tutorialNetwork(), INPUTS, TARGETS);

        // Oracle: a one-epoch run from the same start is the first epoch's network.
        Network afterOne = descent(1).build().train(tutorialNetwork(), INPUTS, TARGETS).network();
        assertThat(networks).hasSize(3);
        assertThat(networks.get(0)).isEqualTo(afterOne);
        assertThat(networks.get(2)).isEqualTo(result.network());
        assertThat(networks.get(1).loss(Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS)).isEqualTo(result.losses()[1]);
    }

    @Test
    void aListenerCanStopTrainingWithAReasonAndWithoutThrowing() {
        TrainingListener stopAtThree = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
            }

            @Override
            public Decision afterEpoch(EpochReport report) {
                return report.epoch() == 3 ? Decision.stop("enough at 3") : Decision.CONTINUE;
            }
        };
        List<TrainingResult> finished = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
            }

            @Override
            public void trainingFinished(TrainingResult result) {
                finished.add(result);
            }
        };

        TrainingResult result = descent(100).listener(stopAtThree).listener(recorder).build()
                .train(tutorialNetwork(), INPUTS, TARGETS);

        assertThat(result.epochs()).isEqualTo(3);
        assertThat(result.keptEpoch()).isEqualTo(3);
        assertThat(result.stoppedEarly()).isFalse();
        assertThat(result.stopReason()).isEqualTo(new StopReason.ListenerRequest("enough at 3"));
        assertThat(result.network()).isEqualTo(descent(3).build().train(tutorialNetwork(), INPUTS, TARGETS).network());
        assertThat(finished).containsExactly(result);
    }

    @Test
    void stopWhenStopsAtTheFirstEpochMeetingTheCondition() {
        TrainingResult full = descent(50).build().train(tutorialNetwork(), INPUTS, TARGETS);
        double threshold = full.losses()[19];

        TrainingResult result = descent(50).listener(TrainingListener.stopWhen(r -> r.loss() <= threshold,
                "loss reached " + threshold)).build().train(tutorialNetwork(), INPUTS, TARGETS);

        assertThat(result.epochs()).isEqualTo(20);
        assertThat(result.stopReason()).hasToString("stopped by a listener: loss reached " + threshold);
    }

    @Test
    void whenSeveralListenersAskToStopTheirReasonsAreJoined() {
        TrainingResult result = descent(10).listener(TrainingListener.stopWhen(r -> r.epoch() == 2, "first"))
                .listener(TrainingListener.stopWhen(r -> r.epoch() >= 2, "second")).build()
                .train(tutorialNetwork(), INPUTS, TARGETS);

        assertThat(result.epochs()).isEqualTo(2);
        assertThat(result.stopReason()).isEqualTo(new StopReason.ListenerRequest("first; second"));
    }

    @Test
    void aListenerStopUnderEarlyStoppingReturnsTheBestEpochSoFar() {
        Dataset data = new Dataset(INPUTS, TARGETS);
        TrainingResult result = descent(2000).validationFraction(0.2).earlyStopping(1000)
                .listener(TrainingListener.stopWhen(r -> r.epoch() == 50, "checkpoint")).build()
                .train(tutorialNetwork(), data);

        assertThat(result.epochs()).isEqualTo(50);
        assertThat(result.stopReason()).isEqualTo(new StopReason.ListenerRequest("checkpoint"));
        double[] validation = result.validationLosses();
        int best = 0;
        for (int e = 1; e <= validation.length; e++) {
            if (validation[e - 1] < (best == 0 ? result.initialValidationLoss() : validation[best - 1])) {
                best = e;
            }
        }
        assertThat(result.keptEpoch()).isEqualTo(best);
    }

    @Test
    void aNullDecisionIsReportedNamingTheListener() {
        TrainingListener broken = new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
            }

            @Override
            public Decision afterEpoch(EpochReport report) {
                return null;
            }

            @Override
            public String toString() {
                return "BrokenListener";
            }
        };
        assertThatThrownBy(() -> descent(3).listener(broken).build().train(tutorialNetwork(), INPUTS, TARGETS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BrokenListener returned a null decision after epoch 1");
    }

    @Test
    void decisionsCheckTheirReason() {
        assertThat(TrainingListener.Decision.CONTINUE.stop()).isFalse();
        assertThat(TrainingListener.Decision.stop("done").reason()).isEqualTo("done");
        assertThatThrownBy(() -> TrainingListener.Decision.stop(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a stop needs a reason, got \" \"");
        assertThatThrownBy(() -> new TrainingListener.Decision(false, "why")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a continue has no reason");
        assertThatThrownBy(() -> TrainingListener.stopWhen(null, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stop condition is null");
    }

    @Test
    void aPlainLambdaListenerNeverStopsTraining() {
        TrainingListener quiet = report -> { };
        assertThat(quiet.afterEpoch(new EpochReport(1, 2, 1.0, Double.NaN, 0.1, java.time.Duration.ZERO)))
                .isEqualTo(TrainingListener.Decision.CONTINUE);
    }
}
