package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One network shared by many threads gives, bit for bit, the single-thread results. The harness is
 * proven able to see a race by running it on a model with a shared scratch buffer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NetworkThreadSafetyTest {

    private static final int THREADS = 8;
    private static final int SAMPLES = 500;

    /** What the harness saw: how many predictions were made and how many differed from the reference. */
    private record Outcome(long predictions, long mismatches) {
    }

    private static double[][] samples(int count, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] out = new double[count][width];
        for (double[] row : out) {
            for (int i = 0; i < width; i++) {
                row[i] = random.nextDouble(-3.0, 3.0);
            }
        }
        return out;
    }

    /**
     * Computes every sample's output on this thread, then has {@code THREADS} threads, released
     * together by a barrier, predict {@code rounds} passes over the samples each (each thread
     * starting at a different sample) and compare every output bit for bit with the reference.
     * All threads stop early once {@code enough} mismatches have been seen.
     */
    private static Outcome hammer(Function<double[], double[]> model, double[][] inputs, int rounds, long enough)
            throws Exception {
        double[][] reference = new double[inputs.length][];
        for (int s = 0; s < inputs.length; s++) {
            reference[s] = model.apply(inputs[s]);
        }
        AtomicLong predictions = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * inputs.length / THREADS;
                futures.add(pool.submit(() -> {
                    start.await();
                    long made = 0;
                    for (int round = 0; round < rounds && mismatches.get() < enough; round++) {
                        for (int k = 0; k < inputs.length; k++) {
                            int s = (offset + k) % inputs.length;
                            if (!Arrays.equals(model.apply(inputs[s]), reference[s])) {
                                mismatches.incrementAndGet();
                            }
                            made++;
                        }
                    }
                    predictions.addAndGet(made);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(predictions.get(), mismatches.get());
    }

    private static Network network() {
        return Network.builder(4)
                .dense(16, Activation.SIGMOID)
                .dense(8, Activation.TANH)
                .dense(3, Activation.IDENTITY)
                .build(2026);
    }

    @Test
    void eightThreadsMakeAMillionPredictionsBitIdenticalToOneThread() throws Exception {
        Network net = network();
        double[] before = net.parameters();

        Outcome outcome = hammer(net::predict, samples(SAMPLES, 4, 1), 250, Long.MAX_VALUE);

        assertThat(outcome.predictions()).isGreaterThanOrEqualTo(1_000_000L);
        assertThat(outcome.mismatches()).isZero();
        assertThat(net.parameters()).isEqualTo(before);
    }

    @Test
    void batchPredictionsFromEightThreadsAreBitIdenticalToOneThread() throws Exception {
        Network net = network();
        double[][] batches = samples(SAMPLES, 40, 2);  // each row: a batch of 10 samples of 4 inputs
        Function<double[], double[]> batchPredict = row -> net.predict(Matrix.of(10, 4, row)).toRowMajorArray();

        Outcome outcome = hammer(batchPredict, batches, 25, Long.MAX_VALUE);

        assertThat(outcome.predictions()).isEqualTo(8L * SAMPLES * 25);
        assertThat(outcome.mismatches()).isZero();
    }

    /**
     * The anti-pattern the library avoids: a model whose forward pass keeps its hidden activations
     * in one array shared by all callers.
     */
    private static final class SharedScratchModel implements Function<double[], double[]> {

        private final double[][] weights;
        private final double[] scratch;

        SharedScratchModel(int inputs, int hidden, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            weights = new double[inputs][hidden];
            for (double[] row : weights) {
                for (int j = 0; j < hidden; j++) {
                    row[j] = random.nextDouble(-1.0, 1.0);
                }
            }
            scratch = new double[hidden];
        }

        @Override
        public double[] apply(double[] x) {
            Arrays.fill(scratch, 0.0);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < scratch.length; j++) {
                    scratch[j] += x[i] * weights[i][j];
                }
            }
            double sum = 0.0;
            for (double h : scratch) {
                sum += Math.tanh(h);
            }
            return new double[] {sum};
        }
    }

    @Test
    void harnessDetectsTheRaceInAModelWithASharedScratchBuffer() throws Exception {
        SharedScratchModel unsafe = new SharedScratchModel(4, 64, 3);

        Outcome outcome = hammer(unsafe, samples(SAMPLES, 4, 1), 250, 100);

        assertThat(outcome.mismatches()).as("races seen by the harness").isPositive();
    }

    @Test
    void trainingOnOneThreadLeavesTheOldNetworkServingOthersUnchanged() throws Exception {
        Network old = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(42);
        double[] before = old.parameters();
        Matrix inputs = Matrix.of(6, 2, 0.646, 0.795, 0.620, 0.682, 0.595, 0.727, 0.886, 0.727, 0.810, 0.727,
                0.797, 0.614);
        Matrix targets = Matrix.columnVector(0.203, 0.203, 0.188, 0.681, 0.652, 0.725);
        Trainer trainer = Trainer.builder().learningRate(0.05).epochs(3000).build();
        TrainingResult alone = trainer.train(old, inputs, targets);

        ExecutorService trainerThread = Executors.newSingleThreadExecutor();
        try {
            Future<TrainingResult> during = trainerThread.submit(() -> trainer.train(old, inputs, targets));
            long mismatches = 0;
            int passes = 0;
            do {  // keep predicting for as long as training runs (bounded by the test's timeout)
                mismatches += hammer(old::predict, samples(SAMPLES, 2, 4), 20, Long.MAX_VALUE).mismatches();
                passes++;
            } while (!during.isDone());
            TrainingResult concurrent = during.get();

            assertThat(passes).isPositive();
            assertThat(mismatches).isZero();
            assertThat(concurrent).isEqualTo(alone);
            assertThat(concurrent.network()).isNotEqualTo(old);
            assertThat(old.parameters()).isEqualTo(before);
        } finally {
            trainerThread.shutdownNow();
        }
    }

    @Test
    void concurrentTrainingRunsWithTheSameSeedAreBitIdentical() throws Exception {
        Matrix inputs = Matrix.of(4, 2, 0, 0, 0, 1, 1, 0, 1, 1);
        Matrix targets = Matrix.columnVector(0, 1, 1, 0);
        Trainer trainer = Trainer.builder().learningRate(0.5).epochs(400).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TrainingResult>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> trainer.train(Network.builder(2).dense(4, Activation.TANH)
                        .dense(1, Activation.SIGMOID).build(7), inputs, targets)));
            }
            TrainingResult first = runs.get(0).get();
            for (Future<TrainingResult> run : runs) {
                TrainingResult result = run.get();
                assertThat(result.network().parameters()).isEqualTo(first.network().parameters());
                assertThat(result.losses()).isEqualTo(first.losses());
            }
            assertThat(first.finalLoss()).isLessThan(first.initialLoss());
        } finally {
            pool.shutdownNow();
        }
    }
}
