package io.github.diynn.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientCheck;
import io.github.diynn.core.GradientCheckResult;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import org.junit.jupiter.api.Test;

class GradientCheckExampleTest {

    // Four Iris flowers, features scaled by their column max, one-hot species.
    private final Matrix inputs = Matrix.of(new double[][] {
        {0.646, 0.795, 0.203, 0.080}, {0.709, 0.727, 0.652, 0.560},
        {0.797, 0.614, 0.812, 0.840}, {0.557, 0.682, 0.203, 0.120}});
    private final Matrix species = Matrix.of(new double[][] {
        {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}});

    @Test
    void backpropagationAgreesWithCentralDifferences() {
        Network network = Network.builder(4)
                .dense(8, Activation.TANH)
                .dense(3, Activation.SOFTMAX)
                .build(7);                                 // seeded: the same check every run

        GradientCheck.of(GradientSource.backpropagation())
                .check(network, Loss.CROSS_ENTROPY, inputs, species)
                .assertPasses();                           // AssertionError carrying the report
    }

    @Test
    void aLooserCheckReadFromTheResult() {
        Network network = Network.builder(4)
                .dense(5, Activation.SIGMOID)
                .dense(3, Activation.IDENTITY)
                .build(11);
        GradientCheck check = GradientCheck.of(GradientSource.backpropagation())
                .withStep(1e-4)                            // defaults: 1e-5, 1e-8, 1e-5, 1e-7
                .withAbsoluteTolerance(1e-7)
                .withRelativeTolerance(1e-4)
                .withNormTolerance(1e-6);

        GradientCheckResult result = check.check(network, Loss.MEAN_SQUARED_ERROR, inputs, species);

        assertTrue(result.passed(), result::report);
    }
}
