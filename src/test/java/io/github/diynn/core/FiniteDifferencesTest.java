package io.github.diynn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FiniteDifferencesTest {

    // ----------------------------------------------------------------- a quadratic form

    /** f(x) = x'Ax + b'x. */
    private static double quadraticForm(double[][] a, double[] b, double[] x) {
        double value = 0;
        for (int i = 0; i < x.length; i++) {
            value += b[i] * x[i];
            for (int j = 0; j < x.length; j++) {
                value += x[i] * a[i][j] * x[j];
            }
        }
        return value;
    }

    /** The closed form: grad f(x) = (A + A')x + b. */
    private static double[] quadraticFormGradient(double[][] a, double[] b, double[] x) {
        double[] gradient = b.clone();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                gradient[i] += (a[i][j] + a[j][i]) * x[j];
            }
        }
        return gradient;
    }

    @Test
    void estimatesMatchTheGradientOfAQuadraticForm() {
        double[][] a = {{2, -1, 0.5}, {0.3, 1, -2}, {1.5, 0, 3}};
        double[] b = {1, -2, 0.5};
        double[] x = {0.7, -1.3, 2.1};
        double[] exact = quadraticFormGradient(a, b, x);
        ToDoubleFunction<double[]> f = point -> quadraticForm(a, b, point);
        // Central differences are exact for a quadratic up to rounding, about 1e-16 |f| / h = 1e-10.
        assertThat(FiniteDifferences.central().gradient(f, x)).containsExactly(exact, within(1e-8));
        // Forward differences are off by h A_ii (1e-8) plus rounding 1e-16 |f| / h (about 1e-7).
        assertThat(FiniteDifferences.forward().gradient(f, x)).containsExactly(exact, within(1e-6));
        assertThat(x).containsExactly(0.7, -1.3, 2.1);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void centralEstimatesMatchSeededQuadraticForms(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int size = 1 + random.nextInt(6);
        double[][] a = new double[size][];
        for (int i = 0; i < size; i++) {
            a[i] = random.doubles(size, -2, 2).toArray();
        }
        double[] b = random.doubles(size, -2, 2).toArray();
        double[] x = random.doubles(size, -2, 2).toArray();
        double[] estimate = FiniteDifferences.central().gradient(point -> quadraticForm(a, b, point), x);
        assertThat(estimate).containsExactly(quadraticFormGradient(a, b, x), within(1e-8));
    }

    // ----------------------------------------------------------------- accuracy of the schemes

    /**
     * f(x) = e^x0 sin x1 + x2^3 / 3 + cos(x0 x2), smooth with nonzero second and third derivatives.
     * StrictMath makes every value, and so the errors compared below, the same on every JVM.
     */
    private static double smooth(double[] x) {
        return StrictMath.exp(x[0]) * StrictMath.sin(x[1]) + x[2] * x[2] * x[2] / 3 + StrictMath.cos(x[0] * x[2]);
    }

    private static double[] smoothGradient(double[] x) {
        return new double[] {
            StrictMath.exp(x[0]) * StrictMath.sin(x[1]) - x[2] * StrictMath.sin(x[0] * x[2]),
            StrictMath.exp(x[0]) * StrictMath.cos(x[1]),
            x[2] * x[2] - x[0] * StrictMath.sin(x[0] * x[2])};
    }

    private static double maxError(double[] estimate, double[] exact) {
        double max = 0;
        for (int i = 0; i < exact.length; i++) {
            max = Math.max(max, Math.abs(estimate[i] - exact[i]));
        }
        return max;
    }

    @Test
    void centralIsAtLeastAHundredTimesMoreAccurateThanForwardOnASmoothFunction() {
        // Measured: forward error 5.9e-9 (truncation h f''/2 and rounding 1e-16 |f| / h, both ~1e-8),
        // central error 2.7e-11 (h^2 f'''/6 and 1e-16 |f| / h, both ~1e-11): a ratio of about 210.
        double[] x = {0.3, -1.2, 0.8};
        double[] exact = smoothGradient(x);
        double forwardError = maxError(FiniteDifferences.forward().gradient(FiniteDifferencesTest::smooth, x), exact);
        double centralError = maxError(FiniteDifferences.central().gradient(FiniteDifferencesTest::smooth, x), exact);
        assertThat(forwardError).isLessThan(1e-6);
        assertThat(centralError).isLessThan(1e-9);
        assertThat(forwardError).isGreaterThanOrEqualTo(100 * centralError);
    }

    @Test
    void centralIsAtLeastAHundredTimesMoreAccurateThanForwardOnANetwork() {
        // Measured against the hand-derived gradient: forward 5.5e-8, central 3.4e-11, a ratio of about 1600.
        Network network = withBiases(21);
        double[] exact = backpropagation(network, INPUTS, TARGETS);
        double forwardError = maxError(FiniteDifferences.forward().gradient(network, Loss.SUM_SQUARED_ERROR,
                INPUTS, TARGETS), exact);
        double centralError = maxError(FiniteDifferences.central().gradient(network, Loss.SUM_SQUARED_ERROR,
                INPUTS, TARGETS), exact);
        assertThat(forwardError).isGreaterThanOrEqualTo(100 * centralError);
    }

    @Test
    void forwardEvaluatesOncePerParameterPlusOnceAtThePoint() {
        AtomicInteger calls = new AtomicInteger();
        FiniteDifferences.forward().gradient(x -> calls.incrementAndGet(), new double[5]);
        assertThat(calls.get()).isEqualTo(6);
    }

    @Test
    void centralEvaluatesTwicePerParameter() {
        AtomicInteger calls = new AtomicInteger();
        FiniteDifferences.central().gradient(x -> calls.incrementAndGet(), new double[5]);
        assertThat(calls.get()).isEqualTo(10);
    }

    @Test
    void functionMayKeepOrModifyTheArrayItReceives() {
        double[] x = {1, 2};
        ToDoubleFunction<double[]> squares = point -> {
            double value = point[0] * point[0] + point[1] * point[1];
            point[0] = 1e6;
            point[1] = -1e6;
            return value;
        };
        assertThat(FiniteDifferences.central().gradient(squares, x)).containsExactly(new double[] {2, 4}, within(1e-8));
        assertThat(x).containsExactly(1, 2);
    }

    @Test
    void gradientOfAnEmptyPointIsEmpty() {
        assertThat(FiniteDifferences.central().gradient(x -> 1.0, new double[0])).isEmpty();
    }

    // ----------------------------------------------------------------- networks

    private static final Matrix INPUTS = Matrix.of(new double[][] {{0.5, 0.8}, {0.9, 0.6}, {0.7, 0.75}, {0.6, 0.9}});
    private static final Matrix TARGETS = Matrix.columnVector(0.2, 0.8, 0.55, 0.3);

    private static Network withBiases(long seed) {
        double[] theta = Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(seed)
                .parameters();
        // Give the zero-initialised biases nonzero values so their partials are not trivial.
        theta[6] = 0.3;
        theta[7] = -0.2;
        theta[8] = 0.1;
        theta[12] = -0.4;
        return Network.builder(2).dense(3, Activation.SIGMOID).dense(1, Activation.IDENTITY).build(seed)
                .withParameters(theta);
    }

    /**
     * dJ/dtheta of the sum-squared error for a 2-3-1 network (sigmoid hidden layer with bias, linear
     * output with bias), derived by hand with the chain rule, in the layout W1, b1, W2, b2.
     */
    private static double[] backpropagation(Network network, Matrix x, Matrix y) {
        DenseLayer first = network.layers().get(0);
        DenseLayer second = network.layers().get(1);
        Matrix hidden = x.times(first.weights()).plusRow(first.bias()).map(z -> 1 / (1 + Math.exp(-z)));
        Matrix output = hidden.times(second.weights()).plusRow(second.bias());
        Matrix outputDelta = output.minus(y); // dJ/dyhat = yhat - y
        Matrix hiddenDelta = outputDelta.times(second.weights().transpose())
                .multiplyElements(hidden.map(h -> h * (1 - h)));
        double[] gradient = new double[13];
        System.arraycopy(x.transpose().times(hiddenDelta).toRowMajorArray(), 0, gradient, 0, 6);
        System.arraycopy(hiddenDelta.columnSums().toRowMajorArray(), 0, gradient, 6, 3);
        System.arraycopy(hidden.transpose().times(outputDelta).toRowMajorArray(), 0, gradient, 9, 3);
        gradient[12] = outputDelta.sum();
        return gradient;
    }

    @Test
    void networkGradientMatchesHandDerivedBackpropagationInTheParameterLayout() {
        for (long seed = 1; seed <= 5; seed++) {
            Network network = withBiases(seed);
            double[] exact = backpropagation(network, INPUTS, TARGETS);
            assertThat(FiniteDifferences.central().gradient(network, Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS))
                    .as("seed %d", seed).containsExactly(exact, within(1e-8));
            assertThat(FiniteDifferences.forward().gradient(network, Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS))
                    .as("seed %d", seed).containsExactly(exact, within(1e-5));
        }
    }

    @Test
    void networkGradientMatchesTheTutorialsLinearRegressionPartials() {
        // One linear neuron y = w1 x1 + w2 x2 + b; the tutorial's partials of J = 1/2 sum (y - F)^2:
        // dJ/dw1 = -sum x1 (y - F), dJ/dw2 = -sum x2 (y - F), dJ/db = -sum (y - F).
        Network neuron = Network.of(DenseLayer.of(Matrix.columnVector(0.3, -0.4), Matrix.rowVector(0.1),
                Activation.IDENTITY));
        double[][] x = INPUTS.toArray();
        double[] y = TARGETS.column(0);
        double[] partials = new double[3];
        for (int i = 0; i < x.length; i++) {
            double residual = y[i] - (0.3 * x[i][0] - 0.4 * x[i][1] + 0.1);
            partials[0] -= x[i][0] * residual;
            partials[1] -= x[i][1] * residual;
            partials[2] -= residual;
        }
        assertThat(FiniteDifferences.central().gradient(neuron, Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS))
                .containsExactly(partials, within(1e-9));
        assertThat(FiniteDifferences.forward().gradient(neuron, Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS))
                .containsExactly(partials, within(1e-6));
    }

    @Test
    void meanSquaredErrorGradientIsTheSumSquaredGradientTimesTwoOverTheCount() {
        Network network = withBiases(3);
        double[] sum = FiniteDifferences.central().gradient(network, Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS);
        double[] mean = FiniteDifferences.central().gradient(network, Loss.MEAN_SQUARED_ERROR, INPUTS, TARGETS);
        for (int i = 0; i < sum.length; i++) {
            assertThat(mean[i]).as("parameter %d", i).isCloseTo(sum[i] * 2 / 4, within(1e-9));
        }
    }

    @Test
    void networkGradientLeavesNetworkAndBatchUnchanged() {
        Network network = withBiases(6);
        double[] before = network.parameters();
        Matrix inputs = Matrix.of(INPUTS.toArray());
        Matrix targets = Matrix.of(TARGETS.toArray());
        FiniteDifferences.forward().gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets);
        FiniteDifferences.central().gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets);
        assertThat(network).isEqualTo(withBiases(6));
        assertThat(network.parameters()).containsExactly(before);
        assertThat(inputs).isEqualTo(INPUTS);
        assertThat(targets).isEqualTo(TARGETS);
    }

    @Test
    void networkGradientRejectsABatchThatDoesNotFitNamingTheShapes() {
        Network network = withBiases(1);
        assertThatThrownBy(() -> FiniteDifferences.central().gradient(network, Loss.SUM_SQUARED_ERROR,
                Matrix.zeros(4, 3), TARGETS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4x3").hasMessageContaining("4x1");
        assertThatThrownBy(() -> FiniteDifferences.central().gradient(network, Loss.SUM_SQUARED_ERROR,
                INPUTS, Matrix.zeros(3, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4x2").hasMessageContaining("3x1");
    }

    @Test
    void gradientRejectsNullArguments() {
        FiniteDifferences central = FiniteDifferences.central();
        assertThatThrownBy(() -> central.gradient(null, Loss.SUM_SQUARED_ERROR, INPUTS, TARGETS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> central.gradient(withBiases(1), null, INPUTS, TARGETS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> central.gradient(null, new double[1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> central.gradient(x -> 0.0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void gradientRejectsANonFinitePointNamingTheCoordinate(double bad) {
        assertThatThrownBy(() -> FiniteDifferences.central().gradient(x -> 0.0, new double[] {0, bad}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("coordinate 1 of the point is " + bad);
    }

    @Test
    void gradientRejectsAStepThatVanishesAgainstACoordinate() {
        // ulp(1e9) = 1.2e-7, so 1e9 + 1e-8 == 1e9; ulp(1e12) = 1.2e-4, so 1e12 + 1e-5 == 1e12.
        assertThatThrownBy(() -> FiniteDifferences.forward().gradient(x -> 0.0, new double[] {1, 1e9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step 1.0E-8 vanishes against coordinate 1 = 1.0E9; use a larger step");
        assertThatThrownBy(() -> FiniteDifferences.central().gradient(x -> 0.0, new double[] {1e12}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coordinate 0 = 1.0E12");
        assertThat(FiniteDifferences.forward(1e-3).gradient(x -> x[0], new double[] {1e9})[0])
                .isCloseTo(1.0, within(1e-3));
    }

    // ----------------------------------------------------------------- configuration

    @Test
    void defaultsAreTheTutorialsForwardStepAndACentralStepOfOneEMinusFive() {
        assertThat(FiniteDifferences.forward().scheme()).isEqualTo(FiniteDifferences.Scheme.FORWARD);
        assertThat(FiniteDifferences.forward().step()).isEqualTo(1e-8);
        assertThat(FiniteDifferences.central().scheme()).isEqualTo(FiniteDifferences.Scheme.CENTRAL);
        assertThat(FiniteDifferences.central().step()).isEqualTo(1e-5);
        assertThat(FiniteDifferences.DEFAULT_FORWARD_STEP).isEqualTo(1e-8);
        assertThat(FiniteDifferences.DEFAULT_CENTRAL_STEP).isEqualTo(1e-5);
    }

    @Test
    void customStepsAreKept() {
        assertThat(FiniteDifferences.forward(1e-6).step()).isEqualTo(1e-6);
        assertThat(FiniteDifferences.central(1.0).step()).isEqualTo(1.0);
        assertThat(FiniteDifferences.central(Double.MIN_VALUE).step()).isEqualTo(Double.MIN_VALUE);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1e-3, -1, 1.0000001, 2, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY})
    void stepsOutsideZeroToOneAreRejected(double step) {
        String expected = "finite-difference step must be in (0, 1], got " + step;
        assertThatThrownBy(() -> FiniteDifferences.forward(step)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> FiniteDifferences.central(step)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expected);
    }

    @Test
    void toStringNamesSchemeAndStep() {
        assertThat(FiniteDifferences.central()).hasToString("FiniteDifferences[CENTRAL, step 1.0E-5]");
        assertThat(FiniteDifferences.forward()).hasToString("FiniteDifferences[FORWARD, step 1.0E-8]");
    }

    @Test
    void probesThatRecomputeOnlyWhatAPerturbationChangesAgreeWithTheWholeNetworkLossWithinOneRounding() {
        // The oracle is the definition, through the public API: J(theta + h e_i) of a network rebuilt
        // from the moved parameters, evaluated from scratch. A probe takes a Taylor step for a moved
        // sigmoid or tanh unit instead of a new exponential, which agrees with the exact value to
        // about one rounding of the unit's output; the quotient turns that into about 1e-16 / h of the
        // loss's slope, the same size as the rounding of J that every difference quotient has.
        Object[][] cases = {
            {new int[] {2, 3, 1}, Activation.SIGMOID, Activation.IDENTITY, Loss.SUM_SQUARED_ERROR},
            {new int[] {3, 4, 5, 2}, Activation.TANH, Activation.SOFTMAX, Loss.CROSS_ENTROPY},
            {new int[] {3, 4, 2}, Activation.leakyRelu(), Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY},
            {new int[] {4, 2, 3}, Activation.SOFTMAX, Activation.IDENTITY, Loss.MEAN_SQUARED_ERROR},
        };
        for (Object[] c : cases) {
            int[] sizes = (int[]) c[0];
            Loss loss = (Loss) c[3];
            for (long seed = 1; seed <= 5; seed++) {
                for (boolean biases : new boolean[] {true, false}) {
                    Network network = GradientFixtures.network(sizes, (Activation) c[1], (Activation) c[2], biases,
                            seed);
                    Matrix x = GradientFixtures.inputs(9, sizes[0], seed);
                    int outputs = sizes[sizes.length - 1];
                    Matrix y = loss == Loss.CROSS_ENTROPY ? GradientFixtures.classTargets(9, outputs, seed, true)
                            : loss == Loss.BINARY_CROSS_ENTROPY ? GradientFixtures.binaryTargets(9, outputs, seed, true)
                            : GradientFixtures.regressionTargets(9, outputs, seed);
                    for (FiniteDifferences estimator : new FiniteDifferences[] {FiniteDifferences.forward(),
                        FiniteDifferences.central()}) {
                        double h = estimator.step();
                        double[] theta = network.parameters();
                        double atPoint = network.loss(loss, x, y);
                        double[] expected = new double[theta.length];
                        for (int i = 0; i < theta.length; i++) {
                            double[] plus = theta.clone();
                            plus[i] += h;
                            double up = network.withParameters(plus).loss(loss, x, y);
                            if (estimator.scheme() == FiniteDifferences.Scheme.FORWARD) {
                                expected[i] = (up - atPoint) / h;
                            } else {
                                double[] minus = theta.clone();
                                minus[i] -= h;
                                expected[i] = (up - network.withParameters(minus).loss(loss, x, y)) / (2 * h);
                            }
                        }
                        double tolerance = 1e-14 / h * Math.max(1.0, Math.abs(atPoint));
                        double[] estimate = estimator.gradient(network, loss, x, y);
                        for (int i = 0; i < theta.length; i++) {
                            assertThat(estimate[i]).as("%s %s seed %d biases %s entry %d", loss, estimator, seed,
                                    biases, i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
                        }
                        LossAndGradient both = estimator.lossAndGradient(network, loss, x, y);
                        assertThat(both.loss()).isEqualTo(atPoint);
                        assertThat(both.gradient()).containsExactly(estimate);
                    }
                }
            }
        }
    }
}
