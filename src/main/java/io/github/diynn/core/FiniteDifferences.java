package io.github.diynn.core;

import java.util.function.ToDoubleFunction;

/**
 * Estimates gradients numerically by finite differences, the tutorial's way of training.
 *
 * <pre>  forward:  dJ/dtheta_i ~ (J(theta + h e_i) - J(theta)) / h           error O(h)
 *  central:  dJ/dtheta_i ~ (J(theta + h e_i) - J(theta - h e_i)) / (2h)  error O(h^2)</pre>
 *
 * <p>The forward scheme costs one extra loss evaluation per parameter (plus one at {@code theta});
 * the central scheme two per parameter, and is the accurate one for checking an analytic gradient.
 * An estimator is immutable and may be shared between threads.
 *
 * <pre>{@code
 * double[] slope = FiniteDifferences.central().gradient(p -> p[0] * p[0] + 3 * p[1], new double[] {2, 5});
 * // about [4, 3]
 * double[] estimate = FiniteDifferences.central().gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets);
 * // close to GradientSource.backpropagation()'s; the trainer takes either:
 * Trainer tutorial = Trainer.builder().gradientSource(FiniteDifferences.forward())
 *         .learningRate(0.01).epochs(10).build();
 * }</pre>
 */
public final class FiniteDifferences implements GradientSource {

    /** The tutorial's forward-difference step, {@code 1e-8}. */
    public static final double DEFAULT_FORWARD_STEP = 1e-8;

    /** The default central-difference step, {@code 1e-5}, about the cube root of the double precision. */
    public static final double DEFAULT_CENTRAL_STEP = 1e-5;

    /** The finite-difference schemes. */
    public enum Scheme {
        /** {@code (J(theta + h) - J(theta)) / h}. */
        FORWARD,
        /** {@code (J(theta + h) - J(theta - h)) / 2h}. */
        CENTRAL
    }

    private final Scheme scheme;
    private final double step;

    private FiniteDifferences(Scheme scheme, double step) {
        if (!(step > 0.0) || step > 1.0) {
            throw new IllegalArgumentException("finite-difference step must be in (0, 1], got " + step);
        }
        this.scheme = scheme;
        this.step = step;
    }

    /**
     * Returns the tutorial's forward-difference estimator, step {@value #DEFAULT_FORWARD_STEP}.
     *
     * @return a forward-difference estimator
     */
    public static FiniteDifferences forward() {
        return new FiniteDifferences(Scheme.FORWARD, DEFAULT_FORWARD_STEP);
    }

    /**
     * Returns a forward-difference estimator with the given step.
     *
     * @param step the step {@code h}, in {@code (0, 1]}
     * @return a forward-difference estimator
     * @throws IllegalArgumentException if {@code step} is not in {@code (0, 1]} (NaN included)
     */
    public static FiniteDifferences forward(double step) {
        return new FiniteDifferences(Scheme.FORWARD, step);
    }

    /**
     * Returns a central-difference estimator, step {@value #DEFAULT_CENTRAL_STEP}.
     *
     * @return a central-difference estimator
     */
    public static FiniteDifferences central() {
        return new FiniteDifferences(Scheme.CENTRAL, DEFAULT_CENTRAL_STEP);
    }

    /**
     * Returns a central-difference estimator with the given step.
     *
     * @param step the step {@code h}, in {@code (0, 1]}
     * @return a central-difference estimator
     * @throws IllegalArgumentException if {@code step} is not in {@code (0, 1]} (NaN included)
     */
    public static FiniteDifferences central(double step) {
        return new FiniteDifferences(Scheme.CENTRAL, step);
    }

    /**
     * Returns the scheme.
     *
     * @return forward or central
     */
    public Scheme scheme() {
        return scheme;
    }

    /**
     * Returns the step {@code h}.
     *
     * @return the step
     */
    public double step() {
        return step;
    }

    /**
     * Estimates {@code dJ/dtheta} of a network's loss on a batch, in the layout of
     * {@link Network#parameters()}.
     *
     * @param network the network at its current parameters; it is not changed
     * @param loss the loss {@code J}
     * @param inputs a {@code samples x inputSize} batch
     * @param targets a {@code samples x outputSize} batch
     * @return a new array of {@link Network#parameterCount()} estimates
     * @throws IllegalArgumentException if an argument is null, the batch does not fit the network,
     *     or a step vanishes against a parameter's magnitude
     */
    @Override
    public double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
        if (network == null || loss == null) {
            throw new IllegalArgumentException("network and loss must not be null");
        }
        network.requireBatch(inputs, targets);
        double[] gradient = new double[network.parameterCount()];
        BatchEvaluator.of(network, loss, inputs.rows()).finiteDifferences(scheme == Scheme.FORWARD, step,
                network.parameters(), inputs.raw(), targets.raw(), inputs.rows(), gradient);
        return gradient;
    }

    /**
     * Returns the loss at the network's parameters, {@code network.loss(loss, inputs, targets)}, with
     * the estimated gradient.
     *
     * @param network the network at its current parameters; it is not changed
     * @param loss the loss {@code J}
     * @param inputs a {@code samples x inputSize} batch
     * @param targets a {@code samples x outputSize} batch
     * @return the loss and the estimated gradient
     * @throws IllegalArgumentException if an argument is null, the batch does not fit the network, or
     *     the step vanishes against a parameter
     * @throws ArithmeticException if a probe's prediction or loss overflows
     */
    @Override
    public LossAndGradient lossAndGradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
        if (network == null || loss == null) {
            throw new IllegalArgumentException("network and loss must not be null");
        }
        network.requireBatch(inputs, targets);
        double[] gradient = new double[network.parameterCount()];
        // The loss is the chunked one of Network.loss and the trainer, beside the estimate.
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, loss, inputs.rows(),
                Parallelism.sequential())) {
            double value = evaluator.lossAndGradient(this, network.parameters(), inputs.raw(), targets.raw(),
                    inputs.rows(), gradient);
            return new LossAndGradient(value, gradient);
        }
    }

    /**
     * Estimates the gradient on the evaluator's buffers: each probe moves one parameter in place,
     * evaluates the loss with nothing allocated, and puts the parameter back bit for bit.
     *
     * @param evaluator an evaluator made for the network's shape and the loss
     * @param parameters the parameters, in the layout of {@link Network#parameters()}; each is moved
     *     and restored, so the array ends as it began
     * @param inputs {@code rows x inputSize} values
     * @param targets {@code rows x outputSize} values
     * @param rows the batch size, in {@code [1, evaluator.capacity()]}
     * @param gradient receives the estimate of {@code dJ/dtheta}
     * @return the loss at {@code parameters}
     * @throws IllegalArgumentException if an array is too short, {@code rows} is out of range, or the
     *     step vanishes against a parameter
     */
    @Override
    public double lossAndGradient(BatchEvaluator evaluator, double[] parameters, double[] inputs, double[] targets,
            int rows, double[] gradient) {
        if (gradient == null || gradient.length < evaluator.parameterCount()) {
            throw new IllegalArgumentException("gradient array holds " + (gradient == null ? "no" : gradient.length)
                    + " values, needs " + evaluator.parameterCount());
        }
        return evaluator.finiteDifferences(scheme == Scheme.FORWARD, step, parameters, inputs, targets, rows,
                gradient);
    }

    /**
     * Estimates the gradient of any function of a vector at a point.
     *
     * @param function the function; it receives a fresh array it may keep
     * @param point the point; it is not changed
     * @return a new array of {@code point.length} estimates
     * @throws IllegalArgumentException if an argument is null, the point holds a NaN or infinite
     *     value, or the step vanishes against a coordinate ({@code x + h == x})
     */
    public double[] gradient(ToDoubleFunction<double[]> function, double[] point) {
        if (function == null || point == null) {
            throw new IllegalArgumentException("function and point must not be null");
        }
        double[] x = point.clone();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("coordinate " + i + " of the point is " + x[i]);
            }
        }
        double[] gradient = new double[x.length];
        double atPoint = scheme == Scheme.FORWARD ? function.applyAsDouble(x.clone()) : Double.NaN;
        for (int i = 0; i < x.length; i++) {
            double original = x[i];
            if (original + step == original) {
                throw new IllegalArgumentException("step " + step + " vanishes against coordinate " + i
                        + " = " + original + "; use a larger step");
            }
            x[i] = original + step;
            double plus = function.applyAsDouble(x.clone());
            if (scheme == Scheme.FORWARD) {
                gradient[i] = (plus - atPoint) / step;
            } else {
                x[i] = original - step;
                double minus = function.applyAsDouble(x.clone());
                gradient[i] = (plus - minus) / (2 * step);
            }
            x[i] = original;
        }
        return gradient;
    }

    /**
     * Describes the estimator, for example {@code "FiniteDifferences[CENTRAL, step 1.0E-5]"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "FiniteDifferences[" + scheme + ", step " + step + "]";
    }
}
