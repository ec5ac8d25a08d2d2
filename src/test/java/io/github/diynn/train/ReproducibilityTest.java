package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
            "85edb8d9451911d2daffee25688131426ed44705cd6a4a5e64ae1f78d7f9232c";
    private static final String GOLDEN_LOSSES =
            "1bbcec8f51b855346e9a494b36f76ff8ddfd159a72b78fef95dc857172e66131";

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

    /** The fixed run: 2 -> 4 sigmoid -> 3 tanh -> 1 identity, seed 42, 300 epochs of full-batch descent on the mean squared error,
     * central-difference gradients. */
    private static TrainingResult fixedRun() {
        Network start = Network.builder(2)
                .dense(4, Activation.SIGMOID)
                .dense(3, Activation.TANH)
                .dense(1, Activation.IDENTITY)
                .build(42);
        return trainer().train(start, inputs(), targets());
    }

    private static Trainer trainer() {
        return Trainer.builder().learningRate(0.1).epochs(300).loss(Loss.MEAN_SQUARED_ERROR)
                .gradientSource(FiniteDifferences.central()).build();
    }

    private static String sha256(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES);  // big-endian
        for (double v : values) {
            bytes.putDouble(v);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
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
    void hashIsOfBigEndianIeeeBits() {
        // SHA-256 of the 8 bytes 3f f0 00 00 00 00 00 00 (1.0), computed with sha256sum.
        assertThat(sha256(new double[] {1.0}))
                .isEqualTo("54ade53a579f5389ecae3af42df9e96aa30fcf3fc02a7475afc18c3e4835f6f7");
    }
}
