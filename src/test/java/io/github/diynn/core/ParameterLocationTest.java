package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.ParameterLocation.Kind;
import org.junit.jupiter.api.Test;

class ParameterLocationTest {

    @Test
    void toStringNamesAWeightByRowAndColumn() {
        assertThat(new ParameterLocation(4, 0, Kind.WEIGHT, 1, 1)).hasToString("parameter 4 (layer 0 weight[1][1])");
    }

    @Test
    void toStringNamesABiasByColumnOnly() {
        assertThat(new ParameterLocation(7, 0, Kind.BIAS, 0, 1)).hasToString("parameter 7 (layer 0 bias[1])");
    }

    @Test
    void locationsAreValues() {
        ParameterLocation location = new ParameterLocation(2, 1, Kind.WEIGHT, 0, 2);
        assertThat(location).isEqualTo(new ParameterLocation(2, 1, Kind.WEIGHT, 0, 2))
                .isNotEqualTo(new ParameterLocation(2, 1, Kind.BIAS, 0, 2));
    }

    @Test
    void rejectsANegativePositionOrAMissingKindNamingTheValue() {
        assertThatThrownBy(() -> new ParameterLocation(-1, 0, Kind.WEIGHT, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index -1");
        assertThatThrownBy(() -> new ParameterLocation(0, -2, Kind.WEIGHT, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer -2");
        assertThatThrownBy(() -> new ParameterLocation(0, 0, Kind.WEIGHT, -3, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row -3");
        assertThatThrownBy(() -> new ParameterLocation(0, 0, Kind.WEIGHT, 0, -4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column -4");
        assertThatThrownBy(() -> new ParameterLocation(0, 0, null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
    }

    @Test
    void rejectsABiasOutsideRowZero() {
        assertThatThrownBy(() -> new ParameterLocation(7, 0, Kind.BIAS, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
    }
}
