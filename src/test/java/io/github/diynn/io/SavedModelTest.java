package io.github.diynn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Scaler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SavedModelTest {

    @Test
    void ofRefusesNulls() {
        ModelMetadata metadata = ModelMetadata.of(TestModels.CREATED, "");
        Network network = TestModels.small().network();

        assertThatThrownBy(() -> SavedModel.of(null, metadata)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a network and metadata");
        assertThatThrownBy(() -> SavedModel.of(network, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void predictIsTheNetworksPrediction() {
        SavedModel model = TestModels.small();
        Matrix inputs = Matrix.of(new double[][] {{0.5, -1.0}, {2.0, 3.0}});

        assertThat(model.predict(inputs)).isEqualTo(model.network().predict(inputs));
        assertThat(model.predict(0.5, -1.0)).containsExactly(model.network().predict(0.5, -1.0));
    }

    @Test
    void predictRefusesMissingOrMisshapenInputs() {
        SavedModel model = TestModels.scaled();

        assertThatThrownBy(() -> model.predict((double[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("features are null");
        assertThatThrownBy(() -> model.predict(1.0, 2.0, 3.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the model takes 2 inputs, got 3");
        assertThatThrownBy(() -> model.predict((Matrix) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputs are null");
        assertThatThrownBy(() -> model.predict(Matrix.of(1, 3, 1.0, 2.0, 3.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x3");
    }

    @Test
    void withScalersLeavesTheOriginalUnchanged() {
        SavedModel plain = TestModels.small();
        Scaler scaler = Scaler.fitMax(Matrix.of(new double[][] {{1.0, 2.0}}));

        SavedModel scaled = plain.withInputScaler(scaler);

        assertThat(plain.inputScaler()).isEmpty();
        assertThat(scaled.inputScaler()).contains(scaler);
        assertThat(scaled.targetScaler()).isEmpty();
        assertThat(scaled.network()).isSameAs(plain.network());
        assertThat(scaled.metadata()).isSameAs(plain.metadata());
    }

    @Test
    void equalityIsExactOnNetworkAndMetadata() {
        SavedModel model = TestModels.small();
        double[] parameters = model.network().parameters();
        parameters[0] = Math.nextUp(parameters[0]);

        assertThat(model).isEqualTo(TestModels.small()).hasSameHashCodeAs(TestModels.small())
                .isNotEqualTo(SavedModel.of(model.network().withParameters(parameters), model.metadata()))
                .isNotEqualTo(SavedModel.of(model.network(), ModelMetadata.of(TestModels.CREATED, "other")));
    }

    @Test
    void toStringNamesLayersParametersScalersVersionAndTime() {
        assertThat(TestModels.small()).hasToString(
                "SavedModel[2 layers, 13 parameters, no input scaler, no target scaler, diynn " + ModelFile.LIBRARY_VERSION + ", created 2026-11-28T12:00:00Z]");
    }

    @Test
    void oneLoadedModelServesManyThreadsWithIdenticalResults() throws Exception {
        SavedModel model = SavedModel.of(Network.builder(4).dense(8, io.github.diynn.core.Activation.TANH)
                .dense(3, io.github.diynn.core.Activation.SIGMOID).build(5), ModelMetadata.of(TestModels.CREATED, "threads"));
        Matrix inputs = Matrix.of(50, 4, new SplittableRandom(6).doubles(200, -3.0, 3.0).toArray());
        Matrix expected = model.predict(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Matrix>> results = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                results.add(pool.submit(() -> model.predict(inputs)));
            }
            for (Future<Matrix> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
