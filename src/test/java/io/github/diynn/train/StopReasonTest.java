package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StopReasonTest {

    @Test
    void eachReasonDescribesItself() {
        assertThat(new StopReason.Completed()).hasToString("completed every planned epoch");
        assertThat(new StopReason.NoImprovement(EarlyStopping.of(EarlyStopping.Monitor.VALIDATION_LOSS, 20)))
                .hasToString("early stopping: no VALIDATION_LOSS improvement in 20 epochs");
        assertThat(new StopReason.ListenerRequest("accuracy 0.99")).hasToString("stopped by a listener: accuracy 0.99");
    }

    @Test
    void reasonsAreValues() {
        assertThat(new StopReason.Completed()).isEqualTo(new StopReason.Completed());
        assertThat(new StopReason.ListenerRequest("a")).isEqualTo(new StopReason.ListenerRequest("a"))
                .isNotEqualTo(new StopReason.ListenerRequest("b"));
    }

    @Test
    void rejectsAMissingRuleOrReason() {
        assertThatThrownBy(() -> new StopReason.NoImprovement(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule is null");
        assertThatThrownBy(() -> new StopReason.ListenerRequest("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a stop request needs a reason, got \"\"");
    }
}
