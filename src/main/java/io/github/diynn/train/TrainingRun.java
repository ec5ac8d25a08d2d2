package io.github.diynn.train;

import io.github.diynn.core.Backpropagation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.LossAndGradient;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.core.ParameterLocation;
import io.github.diynn.data.Dataset;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * The mutable state of one {@link Trainer#train} call; it never escapes the call.
 *
 * <p>With the whole set as one batch and {@link Backpropagation} as the source, the loss after a
 * step and the next step's gradient are taken at the same parameters on the same data, so one
 * {@link Backpropagation#lossAndGradient} pass gives both: the gradient is kept for the next step.
 * Both values are bit for bit those of the separate calls, so results do not depend on it.
 *
 * <p>The {@link DivergenceGuard} checks only read values the loop computes anyway (the epoch's
 * training loss, the gradient before weight decay, the parameters), so a run that passes them gives
 * the same bits as before they existed.
 */
final class TrainingRun {

    private final Trainer trainer;
    private final Loss loss;
    private final Network start;
    private final Matrix inputs;
    private final Matrix targets;
    private final Matrix validationInputs;
    private final Matrix validationTargets;
    private final Random random;
    private final long startNanos = System.nanoTime();
    private final int batchSize;
    private final boolean fullBatch;
    private final double[] theta;
    private final double weightDecay;
    private final boolean[] decayed;
    private final Stepper stepper;
    private final Backpropagation fused;
    private Network current;
    private double[] pendingGradient;
    private double lastFiniteLoss = Double.NaN;
    /** Steps of the current epoch so far, and how many of them had a data gradient of exactly 0. */
    private int stepsThisEpoch;
    private int zeroGradientSteps;

    TrainingRun(Trainer trainer, Network start, Matrix inputs, Matrix targets, Matrix validationInputs,
            Matrix validationTargets) {
        this.trainer = trainer;
        this.loss = trainer.loss();
        this.start = start;
        this.inputs = inputs;
        this.targets = targets;
        this.validationInputs = validationInputs;
        this.validationTargets = validationTargets;
        this.random = new Random(trainer.seed());
        this.batchSize = Math.min(trainer.batchSize(), inputs.rows());
        this.fullBatch = batchSize == inputs.rows();
        this.theta = start.parameters();
        this.weightDecay = trainer.weightDecay();
        this.decayed = decayedParameters(start, weightDecay);
        this.stepper = Stepper.start(trainer.optimizer(), theta.length);
        this.current = start;
        this.fused = fullBatch && trainer.gradientSource() instanceof Backpropagation backpropagation
                ? backpropagation : null;
    }

    TrainingResult run() {
        int epochs = trainer.epochs();
        EarlyStopping stopping = trainer.earlyStopping().orElse(null);
        TrainingListener listener = trainer.listener();
        boolean validating = validationInputs != null;
        // Before the first step, the rate in force is the one the first epoch would use.
        double firstRate = trainer.learningRateSchedule().rate(1);
        double initialLoss = lossOf(start, inputs, targets, fused != null && epochs > 0, 0, 1, firstRate,
                "the initial loss");
        double initialValidation = validating
                ? lossOf(start, validationInputs, validationTargets, 0, 1, firstRate,
                        "the initial validation loss")
                : Double.NaN;
        double startLargest = largestAbsolute(theta);
        double best = stopping == null ? Double.NaN
                : monitored(stopping, start, initialValidation, 0, 1, firstRate);

        double[] losses = new double[epochs];
        double[] validationLosses = new double[validating ? epochs : 0];
        double[] bestTheta = theta.clone();
        int bestEpoch = 0;
        int epoch = 0;
        StopReason reason = new StopReason.Completed();
        while (epoch < epochs) {
            epoch++;
            double rate = trainer.learningRateSchedule().rate(epoch);
            losses[epoch - 1] = epoch(epoch, rate);
            guard(epoch, rate, losses[epoch - 1], initialLoss, startLargest);
            double validationLoss = Double.NaN;
            if (validating) {
                validationLoss = lossOf(current, validationInputs, validationTargets, epoch,
                        stepsThisEpoch, rate, "the validation loss");
                validationLosses[epoch - 1] = validationLoss;
            }
            if (stopping != null) {
                double value = monitored(stopping, current, validationLoss, epoch, stepsThisEpoch, rate);
                if (stopping.improves(value, best)) {
                    best = value;
                    bestTheta = theta.clone();
                    bestEpoch = epoch;
                }
            }
            Network reported = current;
            TrainingListener.Decision decision = Listeners.decide(listener, new EpochReport(epoch, epochs,
                    losses[epoch - 1], validationLoss, rate, Duration.ofNanos(System.nanoTime() - startNanos),
                    () -> reported));
            if (stopping != null && epoch - bestEpoch >= stopping.patience()) {
                reason = new StopReason.NoImprovement(stopping);
                break;
            }
            if (decision.stop()) {
                reason = new StopReason.ListenerRequest(decision.reason());
                break;
            }
        }
        double[] history = Arrays.copyOf(losses, epoch);
        double[] validationHistory = Arrays.copyOf(validationLosses, epoch);
        boolean stoppedEarly = reason instanceof StopReason.NoImprovement && epoch < epochs;
        if (reason instanceof StopReason.NoImprovement && epoch == epochs) {
            // Patience ran out exactly at the last planned epoch: every epoch ran, as before monitors.
            reason = new StopReason.Completed();
        }
        TrainingResult result = stopping == null
                ? new TrainingResult(current, initialLoss, history, initialValidation, validationHistory, epoch, false,
                        reason)
                : new TrainingResult(bestEpoch == epoch ? current : start.withParameters(bestTheta), initialLoss,
                        history, initialValidation, validationHistory, bestEpoch, stoppedEarly, reason);
        listener.trainingFinished(result);
        return result;
    }

    /**
     * Applies the {@link DivergenceGuard} after an epoch. Explosion: the epoch's training loss is
     * above {@code lossGrowthLimit} times the initial one. Stall: every step of the epoch had a data
     * gradient of exactly 0 while the loss is above 0 and the largest absolute parameter grew by
     * {@link DivergenceGuard#STALL_PARAMETER_GROWTH} or more, so no step can move the network again.
     */
    private void guard(int epoch, double rate, double epochLoss, double initialLoss, double startLargest) {
        DivergenceGuard guard = trainer.divergenceGuard();
        if (initialLoss > 0.0 && epochLoss > guard.lossGrowthLimit() * initialLoss) {
            throw new DivergenceException(DivergenceException.Kind.LOSS_EXPLODED, epoch, stepsThisEpoch, rate,
                    lastFiniteLoss, "the loss " + epochLoss + " exceeds " + guard.lossGrowthLimit()
                            + " times the initial loss " + initialLoss + " (DivergenceGuard.lossGrowthLimit)");
        }
        if (guard.stopWhenStalled() && zeroGradientSteps == stepsThisEpoch && epochLoss > 0.0) {
            double largest = largestAbsolute(theta);
            if (largest >= DivergenceGuard.STALL_PARAMETER_GROWTH * startLargest && largest > 0.0) {
                throw new DivergenceException(DivergenceException.Kind.STALLED, epoch, stepsThisEpoch, rate,
                        lastFiniteLoss, "the gradient is exactly 0 in every step while the loss is " + epochLoss
                                + ": every unit is saturated, so no step can change the network again; the largest"
                                + " |parameter| grew from " + startLargest + " to " + largest);
            }
        }
    }

    /**
     * Measures the early-stopping quantity; an overflow of the predictions is divergence, and a
     * metric that rejects the validation data (R^2 of constant targets) names the monitor.
     */
    private double monitored(EarlyStopping stopping, Network network, double validationLoss, int epoch, int step,
            double rate) {
        try {
            return checked(stopping.monitor().measure(network, validationInputs, validationTargets, validationLoss),
                    epoch, step, rate, "the early-stopping quantity " + stopping.monitor());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("early stopping on " + stopping.monitor() + ": " + e.getMessage(), e);
        } catch (DivergenceException e) {
            throw e;
        } catch (ArithmeticException e) {
            DivergenceException divergence = new DivergenceException(epoch, step, rate, lastFiniteLoss,
                    "the validation outputs for " + stopping.monitor() + " overflowed (" + e.getMessage() + ")");
            divergence.initCause(e);
            throw divergence;
        }
    }

    private static double largestAbsolute(double[] values) {
        double largest = 0.0;
        for (double value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        return largest;
    }

    /** Runs one epoch of steps and returns the loss on the whole training set after it. */
    private double epoch(int epoch, double rate) {
        stepsThisEpoch = 0;
        zeroGradientSteps = 0;
        int samples = inputs.rows();
        if (fullBatch) {
            return step(epoch, 1, rate, inputs, targets);
        }
        int[] order = Dataset.permutation(samples, random);
        int step = 0;
        for (int from = 0; from < samples; from += batchSize) {
            step++;
            int[] rows = Arrays.copyOfRange(order, from, Math.min(from + batchSize, samples));
            step(epoch, step, rate, inputs.selectRows(rows), targets.selectRows(rows));
        }
        return lossOf(current, inputs, targets, epoch, step, rate, "the training loss");
    }

    /** Takes one optimizer step on a batch, checks the parameters and returns the batch loss after it. */
    private double step(int epoch, int step, double rate, Matrix batchInputs, Matrix batchTargets) {
        double[] gradient = pendingGradient != null ? pendingGradient
                : gradient(current, batchInputs, batchTargets, epoch, step, rate);
        pendingGradient = null;
        stepsThisEpoch++;
        if (isZero(gradient)) {
            zeroGradientSteps++;
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
                        current.parameterLocation(i) + " became " + theta[i]);
            }
        }
        current = current.withParameters(theta);
        // A full-batch step's loss is on the whole set: fused, it also gives the next step's gradient.
        return lossOf(current, batchInputs, batchTargets, fullBatch && fused != null && epoch < trainer.epochs(),
                epoch, step, rate, fullBatch ? "the loss" : "the loss of batch " + step);
    }

    private static boolean isZero(double[] gradient) {
        for (double value : gradient) {
            if (value != 0.0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Asks the gradient source for {@code dJ/dtheta}. Every batch fits the network (checked before
     * training), so a rejection after the first step means the parameters have grown beyond what the
     * source handles (a finite-difference step that no longer changes a huge weight), and an
     * overflow while the source evaluates the loss means the same: divergence.
     */
    private double[] gradient(Network network, Matrix batchInputs, Matrix batchTargets, int epoch, int step,
            double rate) {
        GradientSource source = trainer.gradientSource();
        double[] gradient;
        try {
            gradient = source.gradient(network, loss, batchInputs, batchTargets);
        } catch (IllegalArgumentException | ArithmeticException e) {
            if (e instanceof IllegalArgumentException && epoch == 1 && step == 1) {
                throw e;
            }
            DivergenceException divergence = new DivergenceException(epoch, step, rate, lastFiniteLoss,
                    "the gradient source rejected the parameters: " + e.getMessage());
            divergence.initCause(e);
            throw divergence;
        }
        int expected = network.parameterCount();
        if (gradient == null || gradient.length != expected) {
            throw new IllegalStateException(Trainer.describe(source) + " returned "
                    + (gradient == null ? "null" : gradient.length + " values") + " for " + expected
                    + " parameters");
        }
        return gradient;
    }

    /**
     * Evaluates the loss of {@code network} on a batch and returns it if finite, remembering it as the
     * last finite loss. A prediction or loss that overflows is reported by the library with an
     * {@link ArithmeticException}; here it is divergence, and becomes its cause.
     */
    private double lossOf(Network network, Matrix batchInputs, Matrix batchTargets, int epoch, int step,
            double rate, String what) {
        return lossOf(network, batchInputs, batchTargets, false, epoch, step, rate, what);
    }

    /**
     * As {@link #lossOf(Network, Matrix, Matrix, int, int, double, String)}; with {@code keepGradient}
     * (a fused run, the whole training set, and a step may follow from these parameters) the same
     * pass computes the gradient there and keeps it for that step.
     */
    private double lossOf(Network network, Matrix batchInputs, Matrix batchTargets, boolean keepGradient, int epoch,
            int step, double rate, String what) {
        double value;
        try {
            if (keepGradient) {
                LossAndGradient both = fused.lossAndGradient(network, loss, batchInputs, batchTargets);
                pendingGradient = both.gradient();
                value = both.loss();
            } else {
                value = network.loss(loss, batchInputs, batchTargets);
            }
        } catch (ArithmeticException e) {
            DivergenceException divergence = new DivergenceException(epoch, step, rate, lastFiniteLoss,
                    what + (epoch == 0 ? " is " : " became ") + "Infinity (" + e.getMessage() + ")");
            divergence.initCause(e);
            throw divergence;
        }
        return checked(value, epoch, step, rate, what);
    }

    /** Returns {@code value} if finite, remembering it as the last finite loss; throws otherwise. */
    private double checked(double value, int epoch, int step, double rate, String what) {
        if (!Double.isFinite(value)) {
            throw new DivergenceException(epoch, step, rate, lastFiniteLoss,
                    what + (epoch == 0 ? " is " : " became ") + value);
        }
        lastFiniteLoss = value;
        return value;
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
