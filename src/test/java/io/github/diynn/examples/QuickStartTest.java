package io.github.diynn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.diynn.core.Activation;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.train.Trainer;
import io.github.diynn.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** The README's quick start, run: DocSnippetsTest fails if the README's block and the region below differ. */
class QuickStartTest {

    @Test
    void quickStartTrainsAndPredicts() {
        // snippet: README.md#quick-start
        // sepal length and width (scaled by their column max) -> petal length (scaled)
        Matrix inputs = Matrix.of(new double[][] {
            {0.646, 0.795}, {0.620, 0.682}, {0.595, 0.727}, {0.886, 0.727}, {0.810, 0.727}, {0.797, 0.614}});
        Matrix targets = Matrix.columnVector(0.203, 0.203, 0.188, 0.681, 0.652, 0.725);

        Network net = Network.builder(2)          // 2 inputs
                .dense(3, Activation.SIGMOID)      // -> 3 sigmoid units
                .dense(1, Activation.IDENTITY)     // -> 1 linear output
                .withoutBiases()                   // the tutorial keeps biases at 0
                .build(42);                        // N(0,1) weights from seed 42

        TrainingResult result = Trainer.builder()
                .learningRate(0.01)
                .epochs(2000)
                .build()
                .train(net, inputs, targets);      // returns a new network; net is unchanged

        double[] petal = result.network().predict(0.700, 0.750); // scaled petal length
        // end snippet

        assertThat(result.finalLoss()).isLessThan(result.initialLoss() / 10);
        assertThat(result.network()).isNotEqualTo(net);
        assertThat(net).isEqualTo(Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY)
                .withoutBiases().build(42));
        assertThat(petal).hasSize(1);
        assertThat(petal[0]).isBetween(0.0, 1.0);
    }
}
