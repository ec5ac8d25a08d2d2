package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import io.github.diynn.core.BatchEvaluator;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.core.Parallelism;
import io.github.diynn.data.Dataset;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The thread-count promise: the same seed, data and configuration give bit-identical weights, loss
 * histories and saved model files with 1, 2, 3 and 8 threads (and on a caller's executor), for full
 * batch, minibatches of 256 and 32, backpropagation and finite differences, and prediction. One check
 * ({@link #requireSameBitsForEveryThreadCount}) is used for all of them and for a negative control, a
 * training loop whose gradient sum follows the order in which threads finish, which the check must
 * catch.
 */
class ThreadCountReproducibilityTest {

    private static final int[] THREAD_COUNTS = {1, 2, 3, 8};

    /** What a run leaves: the weights, every loss it recorded and the saved file's text. */
    record Outcome(long[] weightBits, long[] lossBits, String modelFile) {
        static Outcome of(Network network, double[] losses) {
            long[] weights = Arrays.stream(network.parameters()).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] history = Arrays.stream(losses).mapToLong(Double::doubleToRawLongBits).toArray();
            String file = new String(ModelFile.toBytes(SavedModel.of(network, ModelMetadata.of(Instant.EPOCH, "mc"))),
                    StandardCharsets.UTF_8);
            return new Outcome(weights, history, file);
        }
    }

    /** The check: the run with each thread count leaves the bits of the one-thread run. */
    private static void requireSameBitsForEveryThreadCount(IntFunction<Outcome> run) {
        Outcome one = run.apply(1);
        for (int threads : THREAD_COUNTS) {
            Outcome other = run.apply(threads);
            assertThat(other.weightBits()).as("weights with %d threads", threads).isEqualTo(one.weightBits());
            assertThat(other.lossBits()).as("loss history with %d threads", threads).isEqualTo(one.lossBits());
            assertThat(other.modelFile()).as("model file with %d threads", threads).isEqualTo(one.modelFile());
        }
    }

    /** Seeded data: {@code rows} samples of {@code inputs} features, one-hot targets of {@code classes}. */
    private static Dataset data(int rows, int inputs, int classes, long seed) {
        Random random = new Random(seed);
        double[] x = new double[rows * inputs];
        double[] y = new double[rows * classes];
        for (int i = 0; i < rows; i++) {
            double sum = 0.0;
            for (int j = 0; j < inputs; j++) {
                x[i * inputs + j] = random.nextGaussian();
                sum += x[i * inputs + j] * (j + 1);
            }
            y[i * classes + Math.floorMod((int) Math.floor(sum), classes)] = 1.0;
        }
        return new Dataset(Matrix.of(rows, inputs, x), Matrix.of(rows, classes, y));
    }

    private static Outcome train(Network start, Dataset data, Trainer.Builder builder, int threads) {
        return train(start, data, builder, Parallelism.threads(threads));
    }

    private static Outcome train(Network start, Dataset data, Trainer.Builder builder, Parallelism parallelism) {
        TrainingResult result = builder.parallelism(parallelism).build().train(start, data);
        double[] losses = new double[1 + result.losses().length + result.validationLosses().length];
        losses[0] = result.initialLoss();
        System.arraycopy(result.losses(), 0, losses, 1, result.losses().length);
        System.arraycopy(result.validationLosses(), 0, losses, 1 + result.losses().length,
                result.validationLosses().length);
        return Outcome.of(result.network(), losses);
    }

    private static Network classifier(int inputs, int hidden, int classes, long seed) {
        return Network.builder(inputs).dense(hidden, Activation.TANH).dense(classes, Activation.SOFTMAX).build(seed);
    }

    @Test
    void fullBatchBackpropagationHasTheSameBitsOnEveryThreadCount() {
        Dataset data = data(600, 20, 10, 1); // 1,002 parameters: 5 chunks of 128 rows, the last of 88
        Network start = classifier(20, 32, 10, 2);
        requireSameBitsForEveryThreadCount(threads -> train(start, data, Trainer.builder().loss(Loss.CROSS_ENTROPY)
                .optimizer(Optimizer.adam()).learningRate(0.01).epochs(15), threads));
    }

    @Test
    void aManyChunkRunHasTheSameBitsOnEveryJvm() {
        // Pinned on OpenJDK 17.0.15 and checked on Temurin 25 (.ci/jdk25): the chunked sums, like the
        // one-pass ones of ReproducibilityTest, are the same on every JVM. 5 chunks, 4 threads.
        Dataset data = data(600, 20, 10, 1);
        Network start = classifier(20, 32, 10, 2);
        Outcome outcome = train(start, data, Trainer.builder().loss(Loss.CROSS_ENTROPY).optimizer(Optimizer.adam())
                .learningRate(0.01).epochs(15), 4);
        assertThat(sha256(outcome.weightBits()))
                .isEqualTo("ab1432e7b1ac11f1304a76a7f83b01ba6ce78d8004116c82bf98501d76340672");
        assertThat(sha256(outcome.lossBits()))
                .isEqualTo("35073b1e049a66cbd1e8b404755f8fd66e061660f299b042f17c598c240b268a");
    }

    private static String sha256(long[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES);
        for (long value : values) {
            bytes.putLong(value);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void minibatchesOf256And32HaveTheSameBitsOnEveryThreadCountWithValidation() {
        Dataset data = data(900, 20, 10, 3);
        Network start = classifier(20, 32, 10, 4);
        for (int batch : new int[] {256, 32}) {
            requireSameBitsForEveryThreadCount(threads -> train(start, data, Trainer.builder()
                    .loss(Loss.CROSS_ENTROPY).learningRate(0.05).epochs(3).batchSize(batch).validationFraction(0.3)
                    .seed(5), threads));
        }
    }

    @Test
    void meanSquaredErrorOfALargeBatchHasTheSameBitsOnEveryThreadCount() {
        // 2,500 rows, 1,539 parameters (chunks of 64 rows): 40 chunks, so each task is a subtree of 2
        // chunks (at most 32 tasks).
        Dataset data = data(2500, 8, 3, 6);
        Network start = Network.builder(8).dense(128, Activation.SIGMOID).dense(3, Activation.IDENTITY).build(7);
        requireSameBitsForEveryThreadCount(threads -> train(start, data, Trainer.builder()
                .loss(Loss.MEAN_SQUARED_ERROR).learningRate(0.1).epochs(5), threads));
    }

    @Test
    void fullBatchFiniteDifferencesHaveTheSameBitsOnEveryThreadCount() {
        Dataset data = data(600, 8, 3, 8);
        Network start = classifier(8, 10, 3, 9); // 123 parameters: 600 x 123^2 is worth splitting
        requireSameBitsForEveryThreadCount(threads -> train(start, data, Trainer.builder().loss(Loss.CROSS_ENTROPY)
                .gradientSource(FiniteDifferences.central()).learningRate(0.1).epochs(3), threads));
    }

    @Test
    void aCallersExecutorGivesTheBitsOfOwnThreads() {
        Dataset data = data(600, 20, 10, 1);
        Network start = classifier(20, 32, 10, 2);
        Trainer.Builder builder = Trainer.builder().loss(Loss.CROSS_ENTROPY).learningRate(0.05).epochs(4)
                .batchSize(256).seed(3);
        Outcome own = train(start, data, builder, 3);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Outcome pooled = train(start, data, builder, Parallelism.executor(pool, 3));
            assertThat(pooled.weightBits()).isEqualTo(own.weightBits());
            assertThat(pooled.lossBits()).isEqualTo(own.lossBits());
            assertThat(pooled.modelFile()).isEqualTo(own.modelFile());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predictionHasTheSameBitsOnEveryThreadCount() {
        Dataset data = data(3000, 20, 10, 10);
        Network network = classifier(20, 32, 10, 11);
        requireSameBitsForEveryThreadCount(threads -> {
            Matrix outputs = network.predict(data.inputs(), Parallelism.threads(threads));
            return Outcome.of(network, outputs.toRowMajorArray());
        });
        assertThat(network.predict(data.inputs(), Parallelism.threads(3))).isEqualTo(network.predict(data.inputs()));
    }

    // ------------------------------------------------------------------ the negative control

    @Test
    void theCheckCatchesASumInTheOrderThreadsFinish() {
        Dataset data = data(1024, 20, 10, 12);
        Network start = classifier(20, 32, 10, 13);
        assertThatThrownBy(() -> requireSameBitsForEveryThreadCount(threads -> completionOrderDescent(start, data,
                threads))).isInstanceOf(AssertionError.class);
    }

    @Test
    void theControlIsItselfRepeatableOnOneThread() {
        // So the control fails because of the threads, not because it is random on its own.
        Dataset data = data(1024, 20, 10, 12);
        Network start = classifier(20, 32, 10, 13);
        Outcome first = completionOrderDescent(start, data, 1);
        Outcome second = completionOrderDescent(start, data, 1);
        assertThat(second.weightBits()).isEqualTo(first.weightBits());
        assertThat(second.lossBits()).isEqualTo(first.lossBits());
    }

    /**
     * Gradient descent on the summed squared error whose gradient is the sum of 16 chunk gradients
     * added in the order their threads finish them: a reduction whose order follows the threads.
     */
    private static Outcome completionOrderDescent(Network start, Dataset data, int threads) {
        int rows = data.size();
        int chunk = 64;
        int inputs = start.inputSize();
        int outputs = start.outputSize();
        double[] x = data.inputs().toRowMajorArray();
        double[] y = data.targets().toRowMajorArray();
        double[] theta = start.parameters();
        List<Double> losses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int step = 0; step < 8; step++) {
                double[] parameters = theta.clone();
                ExecutorCompletionService<double[]> done = new ExecutorCompletionService<>(pool);
                for (int from = 0; from < rows; from += chunk) {
                    int at = from;
                    done.submit(() -> {
                        BatchEvaluator evaluator = BatchEvaluator.of(start, Loss.SUM_SQUARED_ERROR, chunk);
                        double[] gradient = new double[parameters.length + 1];
                        gradient[parameters.length] = evaluator.lossAndGradient(parameters,
                                Arrays.copyOfRange(x, at * inputs, (at + chunk) * inputs),
                                Arrays.copyOfRange(y, at * outputs, (at + chunk) * outputs), chunk, gradient);
                        return gradient;
                    });
                }
                double[] sum = new double[parameters.length + 1];
                for (int c = 0; c < rows / chunk; c++) {
                    Future<double[]> next = done.take();
                    double[] part = next.get();
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += part[k];
                    }
                }
                losses.add(sum[parameters.length]);
                for (int k = 0; k < theta.length; k++) {
                    theta[k] -= 1e-3 * sum[k];
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        return Outcome.of(start.withParameters(theta), losses.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
