package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Activation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationCodecTest {

    /** The names a file stores, written out by hand: they are part of the format and must never move. */
    private static final Map<String, Activation> STORED = Map.of("IDENTITY", Activation.IDENTITY,
            "SIGMOID", Activation.SIGMOID, "TANH", Activation.TANH, "RELU", Activation.RELU,
            "SOFTMAX", Activation.SOFTMAX);

    @Test
    void eachPlainActivationHasItsFixedNameBothWays() {
        STORED.forEach((name, activation) -> {
            assertThat(ActivationCodec.nameOf(activation)).isEqualTo(name);
            assertThat(ActivationCodec.parse(name)).isEqualTo(activation);
            assertThat(ActivationCodec.slopeOf(activation)).as(name).isEmpty();
            assertThat(ActivationCodec.takesSlope(name)).as(name).isFalse();
        });
    }

    @Test
    void onlyTheLeakyReluTakesASlope() {
        assertThat(ActivationCodec.takesSlope("LEAKY_RELU")).isTrue();
        assertThat(ActivationCodec.knownNames()).containsExactly("IDENTITY", "SIGMOID", "TANH", "RELU", "SOFTMAX",
                "LEAKY_RELU");
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> ActivationCodec.parse("SWISH")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("activation \"SWISH\" is unknown; known: " + List.of("IDENTITY", "SIGMOID", "TANH", "RELU",
                        "SOFTMAX", "LEAKY_RELU"));
        assertThatThrownBy(() -> ActivationCodec.parse("sigmoid")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActivationCodec.parse("LEAKY_RELU")).as("a slope is needed")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLeakyReluIsBuiltWithItsSlopeBothWays() {
        assertThat(ActivationCodec.parse("LEAKY_RELU", 0.25)).isEqualTo(Activation.leakyRelu(0.25));
        assertThat(ActivationCodec.nameOf(Activation.leakyRelu(0.25))).isEqualTo("LEAKY_RELU");
        assertThat(ActivationCodec.slopeOf(Activation.leakyRelu(0.25))).hasValue(0.25);
        assertThat(ActivationCodec.slopeOf(Activation.RELU)).isEmpty();
        assertThatThrownBy(() -> ActivationCodec.parse("LEAKY_RELU", -1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slope must lie in [0, 1], got -1.0");
        assertThatThrownBy(() -> ActivationCodec.parse("RELU", 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no slope");
    }
}
