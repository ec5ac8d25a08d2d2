package io.github.diynn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer solves the tutorial's linear regression (sepal length and width to petal length,
 * max-scaled, one identity unit with bias, sum-squared error): its parameters reach the closed-form
 * least-squares solution, computed here from the normal equations, to 1e-6.
 */
class OptimizerConvergenceTest {

    private static final Matrix INPUTS = Iris.regressionInputs();
    private static final Matrix TARGETS = Iris.regressionTargets();

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of(Optimizer.gradientDescent(), LearningRateSchedule.constant(0.006), 5000),
                Arguments.of(Optimizer.momentum(0.9), LearningRateSchedule.constant(0.005), 1000),
                Arguments.of(Optimizer.nesterov(0.9), LearningRateSchedule.constant(0.003), 1500),
                Arguments.of(Optimizer.adam(), LearningRateSchedule.cosine(0.05, 1e-6, 4000), 4000),
                Arguments.of(Optimizer.rmsProp(), LearningRateSchedule.cosine(0.01, 1e-7, 4000), 4000));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void optimizerReachesTheLeastSquaresSolution(Optimizer optimizer, LearningRateSchedule schedule, int epochs) {
        double[] expected = LeastSquares.solve(INPUTS, TARGETS);
        Network start = Network.builder(2).dense(1, Activation.IDENTITY).build(7);

        TrainingResult result = Trainer.builder()
                .optimizer(optimizer)
                .learningRate(schedule)
                .epochs(epochs)
                .gradientSource(GradientSource.backpropagation())
                .build()
                .train(start, INPUTS, TARGETS);

        double[] actual = result.network().parameters();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("parameter %d of %s", i, optimizer).isCloseTo(expected[i], within(1e-6));
        }
    }
}
