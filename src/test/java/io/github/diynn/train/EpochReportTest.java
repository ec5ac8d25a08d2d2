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
}
