package io.github.diynn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.Scaler;
import io.github.diynn.io.ModelFormatException;
import io.github.diynn.onnx.OnnxFormatException;
import io.github.diynn.train.DivergenceException;
import java.lang.reflect.Modifier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * What this release took out of the public API since 0.1.0 (CHANGELOG, "Removed from the public API"): members that
 * were public only because another package of the library needed them, and a second entry point.
 */
class PublicSurfaceTest {

    @Test
    void batchChecksAndPermutationsAreNotApi() {
        assertThatThrownBy(() -> Network.class.getMethod("requireBatch", Matrix.class, Matrix.class))
                .isInstanceOf(NoSuchMethodException.class);
        assertThatThrownBy(() -> Dataset.class.getMethod("permutation", int.class, RandomGenerator.class))
                .isInstanceOf(NoSuchMethodException.class);
    }

    @Test
    void onlyTheLibraryConstructsItsExceptions() {
        assertThat(DivergenceException.class.getConstructors()).isEmpty();
        assertThat(ModelFormatException.class.getConstructors()).isEmpty();
        assertThat(OnnxFormatException.class.getConstructors()).isEmpty();
    }

    @Test
    void backpropagationHasOneEntryPoint() throws ClassNotFoundException {
        Class<?> backpropagation = Class.forName("io.github.diynn.core.Backpropagation");

        assertThat(Modifier.isPublic(backpropagation.getModifiers())).isFalse();
        assertThat(GradientSource.backpropagation()).isSameAs(GradientSource.backpropagation())
                .hasToString("Backpropagation");
    }

    @Test
    void scalerKindsAreAnEnumInTheApi() throws NoSuchMethodException {
        assertThat(Scaler.class.getMethod("kind").getReturnType()).isEqualTo(Scaler.Kind.class);
        assertThat(Scaler.class.getMethod("of", Scaler.Kind.class, double[].class, double[].class)).isNotNull();
        assertThatThrownBy(() -> Scaler.class.getMethod("of", String.class, double[].class, double[].class))
                .isInstanceOf(NoSuchMethodException.class);
    }
}
