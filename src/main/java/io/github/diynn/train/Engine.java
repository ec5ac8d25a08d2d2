package io.github.diynn.train;

import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Network;
import io.github.diynn.core.ParallelEvaluator;
import io.github.diynn.core.Parallelism;
import io.github.diynn.core.ParameterLocation;

/**
 * The mutable state behind one training run or one {@link TrainingSession}: the parameter vector,
 * the gradient buffer, the optimizer's state and the evaluator whose buffers every step reuses. It
 * never escapes its owner, and in steady state a step allocates nothing.
 *
 * <p>The evaluator is a {@link ParallelEvaluator}: every loss and gradient of a batch is summed in its
 * fixed chunks and tree, on the workers of the trainer's {@link Parallelism} (a
 * {@link TrainingSession} always uses the calling thread alone), so the thread count never changes a
 * bit. Its threads live until {@link #close()}, which the owner calls before it returns.
 *
 * <p>A step is two calls, in this order: {@link #evaluate} at the current parameters with the
 * gradient (one evaluation gives the step's loss and its gradient), then {@link #step}, which
 * subtracts the optimizer's update. {@link #evaluate} without the gradient measures a loss alone.
 * Every value is checked where it is made: a loss that is not finite, a source that rejects the
 * parameters, or a parameter that becomes NaN or infinite ends the run with a
 * {@link DivergenceException} naming the epoch, the step, the rate and the last finite loss.
 */
final class Engine {

    private final Network start;
    private final GradientSource source;
    private final ParallelEvaluator evaluator;
    private final double[] theta;
    private final double[] gradient;
    private final Stepper stepper;
    private final double weightDecay;
    private final boolean[] decayed;
    private boolean pending;
    private boolean stepped;
    private double lastFiniteLoss = Double.NaN;

    Engine(Trainer trainer, Network start, int capacity, Parallelism parallelism) {
        this.start = start;
        this.source = trainer.gradientSource();
        this.evaluator = ParallelEvaluator.open(start, trainer.loss(), capacity, parallelism);
        this.theta = start.parameters();
        this.gradient = new double[theta.length];
        this.stepper = Stepper.start(trainer.optimizer(), theta.length);
        this.weightDecay = trainer.weightDecay();
        this.decayed = decayedParameters(start, weightDecay);
    }

    private Engine(Engine from, int capacity) {
        this.start = from.start;
        this.source = from.source;
        this.evaluator = ParallelEvaluator.open(from.start, from.evaluator.loss(), capacity,
                from.evaluator.parallelism());
        this.theta = from.theta;
        this.gradient = from.gradient;
        this.stepper = from.stepper;
        this.weightDecay = from.weightDecay;
        this.decayed = from.decayed;
        this.stepped = from.stepped;
        this.lastFiniteLoss = from.lastFiniteLoss;
    }

    /**
     * Returns an engine with the same parameters and optimizer state (shared, not copied) and an
     * evaluator for batches of up to {@code capacity} rows; this engine must not be used after.
     */
    Engine withCapacity(int capacity) {
        evaluator.close();
        return new Engine(this, capacity);
    }

    /** Joins the evaluator's threads, if it made any; the engine must not be used after. */
    void close() {
        evaluator.close();
    }

    /** The parameters, owned: callers read them and must not keep or change them. */
    double[] theta() {
        return theta;
    }

    /** The batch capacity of the evaluator. */
    int capacity() {
        return evaluator.capacity();
    }

    /** The loss of the last evaluation that was finite, NaN before the first. */
    double lastFiniteLoss() {
        return lastFiniteLoss;
    }

    /** Builds the network at the current parameters (a value; only when something needs one). */
    Network network() {
        return start.withParameters(theta);
    }

    /** The loss whose evaluator this engine holds. */
    Loss loss() {
        return evaluator.loss();
    }

    /**
     * Evaluates the loss of a batch at the current parameters, and with {@code withGradient} its
     * gradient too, kept for the next {@link #step}. The batch is the first {@code rows} rows of
     * {@code inputs} and {@code targets} (row-major, checked finite before training).
     *
     * @param what how the failure message names the value ({@code "the loss"}, ...); read only on failure
     * @param batch the batch's number in the epoch for the message, 0 when it is the whole set
     */
    double evaluate(double[] inputs, double[] targets, int rows, boolean withGradient, int epoch, int step,
            double rate, String what, int batch) {
        double value;
        try {
            if (withGradient) {
                value = evaluator.lossAndGradient(source, theta, inputs, targets, rows, gradient);
                pending = true;
            } else {
                value = evaluator.loss(theta, inputs, targets, rows);
            }
        } catch (ArithmeticException e) {
            DivergenceException divergence = new DivergenceException(epoch, step, rate, lastFiniteLoss,
                    name(what, batch) + (epoch == 0 ? " is " : " became ") + "Infinity (" + e.getMessage() + ")");
            divergence.initCause(e);
            throw divergence;
        } catch (IllegalArgumentException e) {
            if (!stepped) {
                throw e; // the data or the configuration: no step has moved the parameters yet
            }
            DivergenceException divergence = new DivergenceException(epoch, step, rate, lastFiniteLoss,
                    "the gradient source rejected the parameters: " + e.getMessage());
            divergence.initCause(e);
            throw divergence;
        }
        return checked(value, epoch, step, rate, what, batch);
    }

    /**
     * The loss of a whole set (rows of {@code inputs}, {@code targets}) at the current parameters,
     * unchecked: the caller names and checks it. An overflow throws {@link ArithmeticException}.
     */
    double measure(double[] inputs, double[] targets, int rows) {
        return evaluator.loss(theta, inputs, targets, rows);
    }

    /** Returns {@code value} if finite, remembering it as the last finite loss; throws otherwise. */
    double checked(double value, int epoch, int step, double rate, String what, int batch) {
        if (!Double.isFinite(value)) {
            throw new DivergenceException(epoch, step, rate, lastFiniteLoss,
                    name(what, batch) + (epoch == 0 ? " is " : " became ") + value);
        }
        lastFiniteLoss = value;
        return value;
    }

    private static String name(String what, int batch) {
        return batch == 0 ? what : what + " of batch " + batch;
    }

    /**
     * Takes one optimizer step with the gradient the last {@link #evaluate} kept (plus weight decay
     * on the weights), then checks every parameter is finite.
     *
     * @return whether the gradient from the data was exactly 0 (before weight decay)
     */
    boolean step(double rate, int epoch, int step) {
        if (!pending) {
            throw new IllegalStateException("a step needs a gradient: evaluate with the gradient first");
        }
        pending = false;
        stepped = true;
        boolean zero = true;
        for (double value : gradient) {
            if (value != 0.0) {
                zero = false;
                break;
            }
        }
        if (weightDecay > 0.0) {
            for (int i = 0; i < theta.length; i++) {
                if (decayed[i]) {
                    gradient[i] += weightDecay * theta[i];
                }
            }
        }
        stepper.step(theta, gradient, rate);
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new DivergenceException(epoch, step, rate, lastFiniteLoss,
                        start.parameterLocation(i) + " became " + theta[i]);
            }
        }
        return zero;
    }

    private static boolean[] decayedParameters(Network network, double weightDecay) {
        boolean[] decayed = new boolean[network.parameterCount()];
        if (weightDecay > 0.0) {
            for (int i = 0; i < decayed.length; i++) {
                decayed[i] = network.parameterLocation(i).kind() == ParameterLocation.Kind.WEIGHT;
            }
        }
        return decayed;
    }
}
