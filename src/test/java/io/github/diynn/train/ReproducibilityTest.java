package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.io.ModelFile;
import io.github.diynn.io.ModelMetadata;
import io.github.diynn.io.SavedModel;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Same seed, data and configuration give the same bits: within one JVM, and (the golden hashes)
 * on every JVM. {@code .ci/jdk25} runs this on a second JDK; see {@code docs/reproducibility.md}.
 */
class ReproducibilityTest {

    /**
     * The golden hashes: SHA-256 of the trained parameters, then of the loss history, each value
     * written as its 8 big-endian IEEE 754 bytes. If a deliberate change to the arithmetic moves
     * them, update them in the same commit and say why.
     */
    private static final String GOLDEN_PARAMETERS =
            "44890a4bab8cae634cd7c861d24449a9453ab38a214575f6bb7e2037a5cdb84f";
    private static final String GOLDEN_LOSSES =
            "1e59c4ffe40a0f06b758777a2e1c170eb61fe27e07f403e64fd1f82126501b02";
    private static final String GOLDEN_CLASSIFIER_PARAMETERS =
            "d4696be65213f866130a35ce5fcd12c1b402e9e4d1beb31e2f17f4213706e2ba";
    /**
     * SHA-256 of the saved model file of the regression run (created at the epoch, summary
     * "golden"). It also moves when the file format or {@code ModelFile.LIBRARY_VERSION} changes.
     */
    private static final String GOLDEN_FILE =
            "31c371eec2563e5cd4219075562ae6412e3570382de350772a3044a2f33b28b4";
    private static final String GOLDEN_CLASSIFIER_LOSSES =
            "7961b2812caac62303d7217927bf880da0e329c80bc83a1804c96910e29ee3a5";

    /** 40 samples of {@code y = sin(3 x0) * cos(2 x1) / 2 + 1/2} on a fixed grid in [-1, 1]^2. */
    private static Matrix inputs() {
        double[] values = new double[80];
        for (int s = 0; s < 40; s++) {
            values[2 * s] = -1.0 + (s % 8) * (2.0 / 7.0);
            values[2 * s + 1] = -1.0 + (s / 8) * (2.0 / 4.0);
        }
        return Matrix.of(40, 2, values);
    }

    private static Matrix targets() {
        Matrix x = inputs();
        double[] y = new double[40];
        for (int s = 0; s < 40; s++) {
            y[s] = StrictMath.sin(3 * x.get(s, 0)) * StrictMath.cos(2 * x.get(s, 1)) / 2 + 0.5;
        }
        return Matrix.columnVector(y);
    }

    /**
     * The fixed regression run: 2 -> 4 sigmoid -> 3 tanh -> 1 identity, seed 42, 300 epochs of
     * full-batch descent on the mean squared error, gradients by backpropagation.
     */
    private static TrainingResult fixedRun() {
        Network start = Network.builder(2)
                .dense(4, Activation.SIGMOID)
                .dense(3, Activation.TANH)
                .dense(1, Activation.IDENTITY)
                .build(42);
        return trainer().train(start, inputs(), targets());
    }

    /** Which third of the target's range each sample falls in, one-hot: three classes. */
    private static Matrix classes() {
        Matrix y = targets();
        double[] oneHot = new double[40 * 3];
        for (int s = 0; s < 40; s++) {
            oneHot[3 * s + Math.min(2, (int) (y.get(s, 0) * 3))] = 1.0;
        }
        return Matrix.of(40, 3, oneHot);
    }

    /** The fixed classification run: 2 -> 6 tanh -> 3 softmax, seed 7, 200 epochs on the cross-entropy. */
    private static TrainingResult fixedClassifierRun() {
        Network start = Network.builder(2).dense(6, Activation.TANH).dense(3, Activation.SOFTMAX).build(7);
        return Trainer.builder().learningRate(0.5).epochs(200).loss(Loss.CROSS_ENTROPY)
                .gradientSource(GradientSource.backpropagation()).build().train(start, inputs(), classes());
    }

    private static Trainer trainer() {
        return Trainer.builder().learningRate(0.1).epochs(300).loss(Loss.MEAN_SQUARED_ERROR)
                .gradientSource(GradientSource.backpropagation()).build();
    }

    private static String sha256(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES);  // big-endian
        for (double v : values) {
            bytes.putDouble(v);
        }
        return sha256(bytes.array());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    private static byte[] savedFile(TrainingResult result) {
        return ModelFile.toBytes(SavedModel.of(result.network(), ModelMetadata.of(Instant.EPOCH, "golden")));
    }

    @Test
    void sameSeedDataAndConfigurationGiveBitIdenticalWeightsAndLosses() {
        TrainingResult first = fixedRun();
        TrainingResult second = fixedRun();

        assertThat(second.network().parameters()).isEqualTo(first.network().parameters());
        assertThat(second.losses()).isEqualTo(first.losses());
        assertThat(second).isEqualTo(first);
        assertThat(first.finalLoss()).isLessThan(first.initialLoss());
    }

    @Test
    void anotherSeedGivesOtherWeights() {
        Network other = Network.builder(2).dense(4, Activation.SIGMOID).dense(3, Activation.TANH)
                .dense(1, Activation.IDENTITY).build(43);
        TrainingResult result = trainer()
                .train(other, inputs(), targets());

        assertThat(result.network().parameters()).isNotEqualTo(fixedRun().network().parameters());
    }

    @Test
    void fixedRunMatchesTheGoldenHashesOnEveryJvm() {
        TrainingResult result = fixedRun();

        assertThat(sha256(result.network().parameters())).as("parameters").isEqualTo(GOLDEN_PARAMETERS);
        assertThat(sha256(result.losses())).as("loss history").isEqualTo(GOLDEN_LOSSES);
    }

    @Test
    void sameRunSavesIdenticalFileBytesMatchingTheGoldenHashUnderAnyDefaultLocale() {
        byte[] first = savedFile(fixedRun());
        byte[] second;
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);  // decimal comma
            second = savedFile(fixedRun());
        } finally {
            Locale.setDefault(before);
        }

        assertThat(second).isEqualTo(first);
        assertThat(sha256(first)).as("saved file").isEqualTo(GOLDEN_FILE);
    }

    @Test
    void fixedClassifierRunMatchesTheGoldenHashesOnEveryJvm() {
        TrainingResult result = fixedClassifierRun();

        assertThat(result.finalLoss()).isLessThan(result.initialLoss() / 2);
        assertThat(sha256(result.network().parameters())).as("parameters").isEqualTo(GOLDEN_CLASSIFIER_PARAMETERS);
        assertThat(sha256(result.losses())).as("loss history").isEqualTo(GOLDEN_CLASSIFIER_LOSSES);
    }

    @Test
    void hashIsOfBigEndianIeeeBits() {
        // SHA-256 of the 8 bytes 3f f0 00 00 00 00 00 00 (1.0), computed with sha256sum.
        assertThat(sha256(new double[] {1.0}))
                .isEqualTo("54ade53a579f5389ecae3af42df9e96aa30fcf3fc02a7475afc18c3e4835f6f7");
    }
}
