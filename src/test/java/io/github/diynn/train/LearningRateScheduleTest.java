package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void constantGivesTheSameRateEveryEpoch() {
        LearningRateSchedule schedule = LearningRateSchedule.constant(0.01);

        assertThat(schedule.rate(1)).isEqualTo(0.01);
        assertThat(schedule.rate(1000)).isEqualTo(0.01);
    }

    @Test
    void stepDecayMultipliesByTheFactorEveryStep() {
        LearningRateSchedule schedule = LearningRateSchedule.stepDecay(0.8, 0.5, 10);

        assertThat(schedule.rate(1)).isEqualTo(0.8);
        assertThat(schedule.rate(10)).isEqualTo(0.8);
        assertThat(schedule.rate(11)).isEqualTo(0.4);
        assertThat(schedule.rate(25)).isEqualTo(0.2);
    }

    @Test
    void exponentialDecayMultipliesByTheDecayEveryEpoch() {
        LearningRateSchedule schedule = LearningRateSchedule.exponentialDecay(1.0, 0.9);

        assertThat(schedule.rate(1)).isEqualTo(1.0);
        assertThat(schedule.rate(2)).isCloseTo(0.9, within(1e-15));
        assertThat(schedule.rate(4)).isCloseTo(0.729, within(1e-15));
    }

    @Test
    void cosineFallsFromTheInitialToTheFinalRate() {
        LearningRateSchedule schedule = LearningRateSchedule.cosine(1.0, 0.2, 4);

        // rate(e) = 0.2 + 0.8 * (1 + cos(pi (e - 1) / 4)) / 2
        assertThat(schedule.rate(1)).isEqualTo(1.0);
        assertThat(schedule.rate(2)).isCloseTo(0.2 + 0.4 * (1 + Math.sqrt(0.5)), within(1e-15));
        assertThat(schedule.rate(3)).isCloseTo(0.6, within(1e-15));
        assertThat(schedule.rate(5)).isCloseTo(0.2, within(1e-15));
        assertThat(schedule.rate(50)).isEqualTo(0.2);
    }

    @Test
    void decayedRatesStayPositiveWhenThePowerUnderflows() {
        assertThat(LearningRateSchedule.exponentialDecay(1.0, 0.5).rate(5000)).isPositive();
    }

    @Test
    void invalidArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> LearningRateSchedule.constant(0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate").hasMessageContaining("0.0");
        assertThatThrownBy(() -> LearningRateSchedule.stepDecay(0.1, 1.5, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step decay factor");
        assertThatThrownBy(() -> LearningRateSchedule.stepDecay(0.1, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stepEpochs");
        assertThatThrownBy(() -> LearningRateSchedule.exponentialDecay(Double.POSITIVE_INFINITY, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> LearningRateSchedule.cosine(0.1, 0.2, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> LearningRateSchedule.constant(0.1).rate(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 1");
    }
}
