package io.github.diynn.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.diynn.core.Activation;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.util.List;

/**
 * {@code predict} on arbitrary doubles: it returns finite outputs, or throws
 * {@link IllegalArgumentException} (bad input) or {@link ArithmeticException} (an output overflowed).
 * One sample predicted alone and inside a batch must give the same bits.
 */
class NetworkFuzzTest {

    private static final List<Network> NETWORKS = List.of(
            Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).withoutBiases().build(42),
            Network.builder(3).dense(4, Activation.TANH).dense(2, Activation.SIGMOID).build(1),
            Network.builder(2).dense(5, Activation.RELU).dense(3, Activation.RELU).dense(1, Activation.IDENTITY)
                    .build(2),
            Network.builder(4).dense(2, Activation.IDENTITY).build(3));

    @FuzzTest(maxDuration = "60s")
    void predictGivesFiniteOutputsOrRejectsWithTheDocumentedException(byte[] data) {
        FuzzBytes in = new FuzzBytes(data);
        Network network = NETWORKS.get(in.nextUnsignedByte() % NETWORKS.size());
        int width = in.nextUnsignedByte() % 8;
        int samples = 1 + in.nextUnsignedByte() % 4;
        double[][] batch = new double[samples][];
        for (int s = 0; s < samples; s++) {
            batch[s] = in.nextDoubles(width);
        }
        double[] single;
        try {
            single = network.predict(batch[0]);
        } catch (IllegalArgumentException | ArithmeticException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }
        assertThat(single).hasSize(network.outputSize());
        for (double value : single) {
            assertThat(value).isFinite();
        }
        Matrix outputs;
        try {
            outputs = network.predict(Matrix.of(batch));
        } catch (IllegalArgumentException | ArithmeticException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        }
        assertThat(outputs.rows()).isEqualTo(samples);
        assertThat(outputs.isFinite()).isTrue();
        assertThat(outputs.row(0)).isEqualTo(single);
    }
}
