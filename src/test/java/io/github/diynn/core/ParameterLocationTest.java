package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;

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
}
