package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EpochReportTest {

    @Test
    void remainingTimeAssumesTheMeanEpochTime() {
        assertThat(new EpochReport(25, 100, 1.0, Double.NaN, 0.1, Duration.ofSeconds(10)).remaining())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(new EpochReport(100, 100, 1.0, Double.NaN, 0.1, Duration.ofSeconds(10)).remaining())
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void progressIsTheShareOfPlannedEpochsDone() {
        assertThat(new EpochReport(25, 100, 1.0, Double.NaN, 0.1, Duration.ZERO).progress()).isEqualTo(0.25);
    }

    @Test
    void aNaNValidationLossMeansNoValidation() {
        assertThat(new EpochReport(1, 2, 1.0, Double.NaN, 0.1, Duration.ZERO).hasValidation()).isFalse();
        assertThat(new EpochReport(1, 2, 1.0, 0.5, 0.1, Duration.ZERO).hasValidation()).isTrue();
    }

    @Test
    void rejectsValuesOutOfRangeByName() {
        assertThatThrownBy(() -> new EpochReport(5, 4, 1.0, Double.NaN, 0.1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epoch 5 is outside [1, 4]");
        assertThatThrownBy(() -> new EpochReport(1, 4, Double.NaN, Double.NaN, 0.1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loss NaN is not finite");
        assertThatThrownBy(() -> new EpochReport(1, 4, 1.0, Double.POSITIVE_INFINITY, 0.1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validation loss Infinity");
        assertThatThrownBy(() -> new EpochReport(1, 4, 1.0, Double.NaN, 0.0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate 0.0");
        assertThatThrownBy(() -> new EpochReport(1, 4, 1.0, Double.NaN, 0.1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("elapsed time");
    }

    @Test
    void theNetworkComesFromTheSupplierOnlyWhenAsked() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        io.github.diynn.core.Network network = io.github.diynn.core.Network.builder(1)
                .dense(1, io.github.diynn.core.Activation.IDENTITY).build(1);
        EpochReport report = new EpochReport(1, 2, 1.0, Double.NaN, 0.1, Duration.ZERO, () -> {
            asked.incrementAndGet();
            return network;
        });
        assertThat(asked).hasValue(0);
        assertThat(report.network()).isSameAs(network);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aReportMadeWithoutANetworkSaysSoWhenAskedForOne() {
        assertThatThrownBy(() -> new EpochReport(3, 4, 1.0, Double.NaN, 0.1, Duration.ZERO).network())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("epoch 3 was made without a network");
        assertThatThrownBy(() -> new EpochReport(3, 4, 1.0, Double.NaN, 0.1, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("network supplier is null");
    }

    @Test
    void equalityComparesTheNumbersAsTheRecordDid() {
        EpochReport report = new EpochReport(1, 2, 1.0, 0.5, 0.1, Duration.ofMillis(3));
        assertThat(report).isEqualTo(new EpochReport(1, 2, 1.0, 0.5, 0.1, Duration.ofMillis(3)))
                .hasSameHashCodeAs(new EpochReport(1, 2, 1.0, 0.5, 0.1, Duration.ofMillis(3)))
                .isNotEqualTo(new EpochReport(1, 2, 1.0, 0.25, 0.1, Duration.ofMillis(3)))
                .hasToString("EpochReport[epoch=1, epochs=2, loss=1.0, validationLoss=0.5, learningRate=0.1,"
                        + " elapsed=PT0.003S]");
    }
}
