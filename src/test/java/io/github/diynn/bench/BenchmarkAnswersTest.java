package io.github.diynn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.train.TrainingResult;
import java.io.IOException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Every contender of the benchmark suite gives the same answer as diynn on the same workload, so no
 * benchmark times a wrong answer. The plain-Java loops share no code with diynn: they take only the
 * data and the starting parameters from it. Tolerances are loose only where forward differences
 * amplify rounding ({@code 1e-8} steps), and the exponentials differ in the last bit (diynn's own
 * {@code Exp} against {@link Math#exp}). Where a figure is pinned, it is the one printed by the
 * independent numpy version of the workload, {@code src/test/python/benchmarks.py}, from the same
 * start (it re-implements {@code java.util.Random}) in the same order.
 */
class BenchmarkAnswersTest {

    @Test
    void w1ForwardDifferenceLoopEndsAtDiynnsCostAndWeights() throws IOException {
        Dataset iris = Workloads.tutorialIris(true);
        Network start = Workloads.w1Network();
        TrainingResult diynn = Workloads.w1Trainer().train(start, iris);
        ReferenceNet reference = new ReferenceNet(2, 3, 1, false, false, start.parameters(), iris.size());
        double[] history = reference.trainForwardDifferences(iris.inputs().toRowMajorArray(),
                iris.targets().toRowMajorArray(), iris.size(), 0.01, Workloads.TUTORIAL_EPOCHS, 1e-8);

        assertThat(history[history.length - 1]).isCloseTo(diynn.finalLoss(), within(1e-6));
        assertThat(reference.parameters()).containsExactly(diynn.network().parameters(), within(1e-5));
        // numpy's figure for the same run; the tutorial reached 0.562 from its own random start.
        assertThat(diynn.finalLoss()).isCloseTo(0.571701, within(5e-7));
    }

    @Test
    void w1LoopWrittenFor231EndsAtDiynnsCostAndWeights() throws IOException {
        Dataset iris = Workloads.tutorialIris(true);
        Network start = Workloads.w1Network();
        TrainingResult diynn = Workloads.w1Trainer().train(start, iris);
        double[] parameters = start.parameters();
        double[] history = ReferenceTutorialNet.trainForwardDifferences(iris.inputs().toRowMajorArray(),
                iris.targets().toRowMajorArray(), parameters, 0.01, Workloads.TUTORIAL_EPOCHS, 1e-8);

        assertThat(history[history.length - 1]).isCloseTo(diynn.finalLoss(), within(1e-6));
        assertThat(parameters).containsExactly(diynn.network().parameters(), within(1e-5));
    }

    @Test
    void w2LinearRegressionLoopEndsAtDiynnsParameters() throws IOException {
        Dataset iris = Workloads.tutorialIris(true);
        Network start = Workloads.w2Network();
        TrainingResult diynn = Workloads.w2Trainer().train(start, iris);
        double[] parameters = start.parameters();
        double[] history = ReferenceLinearRegression.simultaneous(iris.inputs().toRowMajorArray(),
                iris.targets().toRowMajorArray(), parameters, 0.001, Workloads.TUTORIAL_EPOCHS);

        assertThat(parameters).containsExactly(diynn.network().parameters(), within(1e-12));
        assertThat(history[history.length - 1]).isCloseTo(diynn.finalLoss(), within(1e-12));
        assertThat(history[0]).isCloseTo(diynn.losses()[0], within(1e-12));
    }

    @Test
    void w2TutorialOrderLoopEndsCloseToOrdinaryGradientDescent() throws IOException {
        Dataset iris = Workloads.tutorialIris(true);
        double[] x = iris.inputs().toRowMajorArray();
        double[] y = iris.targets().toRowMajorArray();
        double[] inTurn = Workloads.w2Network().parameters();
        double[] together = inTurn.clone();
        double[] inTurnHistory = ReferenceLinearRegression.tutorialOrder(x, y, inTurn, 0.001, Workloads.TUTORIAL_EPOCHS);
        double[] togetherHistory = ReferenceLinearRegression.simultaneous(x, y, together, 0.001,
                Workloads.TUTORIAL_EPOCHS);

        // A different path (each update sees the newest values), close at this small alpha, not equal.
        assertThat(inTurnHistory[inTurnHistory.length - 1])
                .isCloseTo(togetherHistory[togetherHistory.length - 1], within(1e-2))
                .isNotEqualTo(togetherHistory[togetherHistory.length - 1]);
        // The cost it prints is the cost of the parameters it returns.
        double cost = 0.0;
        for (int i = 0; i < y.length; i++) {
            double residual = y[i] - (inTurn[0] * x[2 * i] + inTurn[1] * x[2 * i + 1] + inTurn[2]);
            cost += residual * residual;
        }
        assertThat(inTurnHistory[inTurnHistory.length - 1]).isCloseTo(0.5 * cost, within(1e-15));
        // numpy's figure for the tutorial's loop from the same start.
        assertThat(inTurnHistory[inTurnHistory.length - 1]).isCloseTo(0.653654, within(5e-7));
    }

    @Test
    void w3BackpropagationLoopMatchesDiynnAtEpoch1000AndAtTheEnd() throws IOException {
        Dataset iris = Workloads.tutorialIris(false);
        Network start = Workloads.w3Network();
        TrainingResult diynn = Workloads.w3Trainer(Workloads.TUTORIAL_EPOCHS).train(start, iris);
        ReferenceNet reference = new ReferenceNet(2, 3, 1, true, false, start.parameters(), iris.size());
        double[] history = reference.trainFullBatch(iris.inputs().toRowMajorArray(),
                iris.targets().toRowMajorArray(), iris.size(), 0.01, Workloads.TUTORIAL_EPOCHS);

        int checked = Workloads.W3_CHECKED_EPOCH - 1;
        assertThat(history[checked]).isCloseTo(diynn.losses()[checked], within(1e-9));
        assertThat(history[history.length - 1]).isCloseTo(diynn.finalLoss(), within(1e-9));
        assertThat(reference.parameters()).containsExactly(diynn.network().parameters(), within(1e-9));
        // numpy's figure: this start saturates the sigmoids and settles at the cost of the mean.
        assertThat(diynn.losses()[checked]).isCloseTo(231.931480, within(5e-7));
    }

    @Test
    void w3LoopWrittenFor231MatchesDiynnAtEpoch1000AndAtTheEnd() throws IOException {
        Dataset iris = Workloads.tutorialIris(false);
        Network start = Workloads.w3Network();
        TrainingResult diynn = Workloads.w3Trainer(Workloads.TUTORIAL_EPOCHS).train(start, iris);
        double[] parameters = start.parameters();
        double[] history = ReferenceTutorialNet.trainBackpropagation(iris.inputs().toRowMajorArray(),
                iris.targets().toRowMajorArray(), parameters, 0.01, Workloads.TUTORIAL_EPOCHS);

        int checked = Workloads.W3_CHECKED_EPOCH - 1;
        assertThat(history[checked]).isCloseTo(diynn.losses()[checked], within(1e-9));
        assertThat(parameters).containsExactly(diynn.network().parameters(), within(1e-9));
    }

    @Test
    void w4MinibatchLoopVisitsTheSameBatchesAndEndsAtDiynnsWeights() throws IOException {
        Dataset digits = Workloads.digits();
        Network start = Workloads.digitsNetwork(Workloads.DIGITS_HIDDEN);
        TrainingResult diynn = Workloads.digitsTrainer(Workloads.DIGITS_EPOCHS).train(start, digits);
        ReferenceNet reference = new ReferenceNet(64, Workloads.DIGITS_HIDDEN, 10, true, true, start.parameters(),
                digits.size());
        double[] history = reference.trainMinibatch(digits.inputs().toRowMajorArray(),
                digits.targets().toRowMajorArray(), digits.size(), Workloads.DIGITS_RATE, Workloads.DIGITS_EPOCHS,
                Workloads.DIGITS_BATCH, Workloads.SEED);

        assertThat(history).containsExactly(diynn.losses(), within(1e-10));
        assertThat(reference.parameters()).containsExactly(diynn.network().parameters(), within(1e-10));
        // Ten epochs do learn: the mean cross-entropy falls well below log(10) = 2.30 of a blind guess.
        assertThat(diynn.finalLoss()).isLessThan(1.0).isCloseTo(0.799094074, within(5e-10));
    }

    @Test
    void w5PredictionLoopGivesDiynnsOutputsForOneSampleAndForAll() throws IOException {
        Dataset digits = Workloads.digits();
        Network network = Workloads.digitsNetwork(Workloads.DIGITS_HIDDEN);
        ReferenceNet reference = new ReferenceNet(64, Workloads.DIGITS_HIDDEN, 10, true, true, network.parameters(),
                digits.size());
        double[] all = new double[digits.size() * 10];
        reference.predict(digits.inputs().toRowMajorArray(), digits.size(), all);
        double[] one = new double[10];
        reference.predict(digits.inputs().row(5), 1, one);

        assertThat(all).containsExactly(network.predict(digits.inputs()).toRowMajorArray(), within(1e-14));
        assertThat(one).containsExactly(network.predict(digits.inputs().row(5)), within(1e-14));
    }

    @Test
    void w6PlainLoopAndEjmlGiveDiynnsProductForEveryOrder() {
        for (int order : new int[] {4, 16, 64, 256}) {
            Matrix a = Workloads.squareMatrix(order, 1);
            Matrix b = Workloads.squareMatrix(order, 2);
            double[] expected = a.times(b).toRowMajorArray();
            double[] plain = new double[order * order];
            MatrixProductBenchmark.multiply(a.toRowMajorArray(), b.toRowMajorArray(), plain, order);
            DMatrixRMaj ejml = new DMatrixRMaj(order, order);
            CommonOps_DDRM.mult(new DMatrixRMaj(order, order, true, a.toRowMajorArray()),
                    new DMatrixRMaj(order, order, true, b.toRowMajorArray()), ejml);

            assertThat(plain).as("plain loop, n = %d", order).containsExactly(expected, within(1e-12));
            assertThat(ejml.getData()).as("EJML, n = %d", order).containsExactly(expected, within(1e-12));
            // An independent spot check of one entry by its definition.
            double entry = 0.0;
            for (int k = 0; k < order; k++) {
                entry += a.get(order - 1, k) * b.get(k, 0);
            }
            assertThat(expected[(order - 1) * order]).isCloseTo(entry, within(1e-12));
        }
    }

    @Test
    void scalingLoopMatchesDiynnForEveryWidth() throws IOException {
        Dataset rows = Workloads.digits().slice(0, Workloads.SCALING_ROWS);
        for (int hidden : ScalingBenchmark.WIDTHS) {
            Network start = Workloads.digitsNetwork(hidden);
            TrainingResult diynn = Workloads.digitsTrainer(1).train(start, rows);
            ReferenceNet reference = new ReferenceNet(64, hidden, 10, true, true, start.parameters(), rows.size());
            double[] history = reference.trainMinibatch(rows.inputs().toRowMajorArray(),
                    rows.targets().toRowMajorArray(), rows.size(), Workloads.DIGITS_RATE, 1, Workloads.DIGITS_BATCH,
                    Workloads.SEED);

            assertThat(history[0]).as("hidden = %d", hidden).isCloseTo(diynn.finalLoss(), within(1e-10));
        }
    }
}
