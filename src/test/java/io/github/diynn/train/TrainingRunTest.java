package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Initializer;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.core.Parallelism;
import io.github.diynn.data.CsvLoader;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loop of one training run: early stopping's tie rule and flags, and the divergence guard on the
 * losses measured after an epoch (every fixture is a one-weight identity network {@code yhat = w x}
 * with scripted gradients, so each loss is a hand computation), and the fused full-batch path
 * against the plain one.
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
    void aStartingLossThatIsNotFiniteNamesTheFirstEpochsLearningRate() throws IOException {
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

    // ------------------------------------------------------- the fused full-batch path

    /**
     * The same backpropagation, but as a lambda: the run cannot see that it is {@code GradientSource.backpropagation()},
     * so it takes every step the plain way (a gradient call, then a separate loss pass).
     */
    private static final GradientSource PLAIN_BACKPROPAGATION = GradientSource.backpropagation()::gradient;

    private static final Dataset IRIS = irisSpecies();

    private static Dataset irisSpecies() {
        Dataset iris;
        try {
            iris = CsvLoader.builder().oneHotTarget("species").build().loadResource(TrainingRunTest.class, "/iris.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return iris.withInputs(Scaler.fitZScore(iris.inputs()).transform(iris.inputs()));
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    /** Trains with the given source and records every epoch report's loss bits through the listener. */
    private static TrainingResult train(Trainer.Builder builder, GradientSource source, Network start,
            List<Long> reported, Dataset validation) {
        Trainer trainer = builder.gradientSource(source).listener(new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report) {
                reported.add(Double.doubleToRawLongBits(report.loss()));
                reported.add(Double.doubleToRawLongBits(report.validationLoss()));
            }
        }).build();
        return validation == null ? trainer.train(start, IRIS) : trainer.train(start, IRIS, validation);
    }

    private static void assertFusedRunHasThePlainRunsBits(Trainer.Builder fusedBuilder, Trainer.Builder plainBuilder,
            Network start, Dataset validation) {
        List<Long> fusedReports = new ArrayList<>();
        List<Long> plainReports = new ArrayList<>();
        TrainingResult fused = train(fusedBuilder, GradientSource.backpropagation(), start, fusedReports, validation);
        TrainingResult plain = train(plainBuilder, PLAIN_BACKPROPAGATION, start, plainReports, validation);

        assertThat(Double.doubleToRawLongBits(fused.initialLoss()))
                .isEqualTo(Double.doubleToRawLongBits(plain.initialLoss()));
        assertThat(bits(fused.losses())).containsExactly(bits(plain.losses()));
        assertThat(bits(fused.validationLosses())).containsExactly(bits(plain.validationLosses()));
        assertThat(bits(fused.network().parameters())).containsExactly(bits(plain.network().parameters()));
        assertThat(fused.selectedEpoch()).isEqualTo(plain.selectedEpoch());
        assertThat(fused.epochs()).isEqualTo(plain.epochs());
        assertThat(fusedReports).containsExactlyElementsOf(plainReports);
        // The oracle is not trivial: training moved the network.
        assertThat(plain.network()).isNotEqualTo(start);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gradientDescent", "momentum", "nesterov", "adam", "rmsProp"})
    void aFullBatchBackpropagationRunHasTheBitsOfThePlainPathWithEveryOptimizer(String name) {
        Optimizer optimizer = switch (name) {
            case "momentum" -> Optimizer.momentum(0.9);
            case "nesterov" -> Optimizer.nesterov(0.9);
            case "adam" -> Optimizer.adam();
            case "rmsProp" -> Optimizer.rmsProp();
            default -> Optimizer.gradientDescent();
        };
        Network start = Network.builder(4).dense(8, Activation.TANH).dense(3, Activation.SOFTMAX)
                .initializer(Initializer.XAVIER_NORMAL).build(3);
        assertFusedRunHasThePlainRunsBits(
                Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(optimizer).learningRate(0.05).epochs(25),
                Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(optimizer).learningRate(0.05).epochs(25),
                start, null);
    }

    @Test
    void aFullBatchRunWithWeightDecayScheduleValidationAndEarlyStoppingHasTheBitsOfThePlainPath() {
        Network start = Network.builder(4).dense(6, Activation.SIGMOID).dense(3, Activation.SOFTMAX).build(5);
        Dataset validation = IRIS.split(0.3, 9).second();
        assertFusedRunHasThePlainRunsBits(configured(), configured(), start, validation);
    }

    private static Trainer.Builder configured() {
        return Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam())
                .learningRate(LearningRateSchedule.exponentialDecay(0.2, 0.9)).weightDecay(1e-3).epochs(60)
                .earlyStopping(3);
    }

    @Test
    void aFullBatchRegressionWithSquaredErrorHasTheBitsOfThePlainPath() {
        Network start = Network.builder(4).dense(5, Activation.RELU).dense(3, Activation.IDENTITY).build(8);
        assertFusedRunHasThePlainRunsBits(
                Trainer.builder().loss(Loss.MEAN_SQUARED_ERROR).learningRate(0.1).epochs(30),
                Trainer.builder().loss(Loss.MEAN_SQUARED_ERROR).learningRate(0.1).epochs(30), start, null);
    }

    @Test
    void aFullBatchRunThatDivergesReportsTheSameStepLossAndMessageAsThePlainPath() {
        Network start = Network.builder(4).dense(3, Activation.IDENTITY).build(2);
        Trainer.Builder builder = Trainer.builder().loss(Loss.SUM_SQUARED_ERROR).learningRate(1.0).epochs(200);
        DivergenceException fused = catchThrowableOfType(DivergenceException.class,
                () -> builder.gradientSource(GradientSource.backpropagation()).build().train(start, IRIS));
        DivergenceException plain = catchThrowableOfType(DivergenceException.class,
                () -> builder.gradientSource(PLAIN_BACKPROPAGATION).build().train(start, IRIS));

        assertThat(plain).isNotNull();
        assertThat(fused).isNotNull().hasMessage(plain.getMessage());
        assertThat(fused.epoch()).isEqualTo(plain.epoch()).isGreaterThan(1);
        assertThat(fused.step()).isEqualTo(plain.step());
        assertThat(Double.doubleToRawLongBits(fused.lastFiniteLoss()))
                .isEqualTo(Double.doubleToRawLongBits(plain.lastFiniteLoss()));
    }

    // ------------------------------------------------------------------ threads of a run

    /** 600 seeded rows through 20-32-10: every full-batch step is worth a helper thread. */
    private static Dataset wideData() {
        Random random = new Random(21);
        double[] x = new double[600 * 20];
        double[] y = new double[600 * 10];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian();
        }
        for (int i = 0; i < 600; i++) {
            y[i * 10 + random.nextInt(10)] = 1.0;
        }
        return new Dataset(Matrix.of(600, 20, x), Matrix.of(600, 10, y));
    }

    private static Network wide() {
        return Network.builder(20).dense(32, Activation.TANH).dense(10, Activation.SOFTMAX).build(22);
    }

    private static Set<String> diynnThreads() {
        Set<String> names = new TreeSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && thread.getName().startsWith("diynn-")) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    @Test
    void aParallelRunUsesItsThreadsWhileItRunsAndLeavesNoneWhenItReturns() {
        Set<String> before = diynnThreads();
        List<Set<String>> during = new ArrayList<>();
        Trainer trainer = Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.1).epochs(3)
                .parallelism(Parallelism.threads(3)).listener(report -> during.add(diynnThreads())).build();
        trainer.train(wide(), wideData());
        assertThat(during.get(0)).contains("diynn-ParallelEvaluator-worker-1", "diynn-ParallelEvaluator-worker-2");
        assertThat(diynnThreads()).isEqualTo(before);
    }

    @Test
    void aChunkThatOverflowsOnAWorkerEndsTheRunNamingItsRowsAndLeavesNoThread() {
        Set<String> before = diynnThreads();
        Network start = Network.builder(20).dense(32, Activation.IDENTITY).dense(10, Activation.IDENTITY).build(22);
        double[] x = wideData().inputs().toRowMajorArray();
        x[350 * 20] = 1e300; // row 350: 1,002 parameters make chunks of 128 rows, so chunk 2, rows 256 to 383
        Dataset data = new Dataset(Matrix.of(600, 20, x), wideData().targets());
        Trainer trainer = Trainer.builder().loss(Loss.MEAN_SQUARED_ERROR).learningRate(0.1).epochs(5)
                .parallelism(Parallelism.threads(4)).build();
        DivergenceException e = catchThrowableOfType(() -> trainer.train(start, data), DivergenceException.class);
        assertThat(e).hasMessageContaining("rows 256 to 383 of a batch of 600");
        assertThat(diynnThreads()).isEqualTo(before);
    }

    @Test
    void anInterruptedTrainingThreadEndsTheRunWithACancellationException() {
        Set<String> before = diynnThreads();
        Trainer trainer = Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.1).epochs(50)
                .parallelism(Parallelism.threads(2)).listener(report -> {
                    if (report.epoch() == 2) {
                        Thread.currentThread().interrupt();
                    }
                }).build();
        try {
            assertThatThrownBy(() -> trainer.train(wide(), wideData())).isInstanceOf(CancellationException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(diynnThreads()).isEqualTo(before);
    }

    @Test
    void anInterruptedWorkerThreadEndsTheRunNamingIt() {
        Set<String> before = diynnThreads();
        Trainer trainer = Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.1).epochs(50)
                .parallelism(Parallelism.threads(2)).listener(report -> {
                    if (report.epoch() == 2) {
                        for (Thread thread : Thread.getAllStackTraces().keySet()) {
                            if (thread.getName().equals("diynn-ParallelEvaluator-worker-1")) {
                                thread.interrupt();
                                try {
                                    thread.join();
                                } catch (InterruptedException e) {
                                    throw new AssertionError(e);
                                }
                            }
                        }
                    }
                }).build();
        assertThatThrownBy(() -> trainer.train(wide(), wideData())).isInstanceOf(CancellationException.class)
                .hasMessageContaining("diynn-ParallelEvaluator-worker-1 was interrupted");
        assertThat(diynnThreads()).isEqualTo(before);
    }
}
