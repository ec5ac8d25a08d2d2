package io.github.diynn.train;

import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/**
 * The mutable state of one {@link Trainer#train} call; it never escapes the call.
 *
 * <p>The run is compiled once: the data is copied into row-major arrays, an {@link Engine} holds the
 * parameters, the optimizer state and an evaluator sized for one batch, and a minibatch run gathers
 * each batch into buffers of its own. No network is built per step (only for the result, a listener
 * that asks, or an early-stopping monitor that predicts), and in steady state a step allocates
 * nothing. The values were checked when training started; inside the loop nothing is scanned again
 * but the loss and the new parameters, which are checked on every step.
 *
 * <p>Each step evaluates once, at the parameters it starts from, which gives its loss and its
 * gradient. With the whole set as one batch the evaluation after epoch {@code e}'s step is both the
 * loss recorded for epoch {@code e} (the tutorial's {@code errors} list) and the gradient of epoch
 * {@code e + 1}'s step. A minibatch run records the {@link LossHistory} the trainer asks for.
 *
 * <p>The {@link DivergenceGuard} checks only read values the loop computes anyway (the epoch's
 * training loss, the gradient before weight decay, the parameters), so a run that passes them gives
 * the same bits as one without them.
 */
final class TrainingRun {

    private final Trainer trainer;
    private final Network start;
    private final Matrix validationInputs;
    private final Matrix validationTargets;
    private final double[] inputs;
    private final double[] targets;
    private final double[] validationX;
    private final double[] validationY;
    private final int samples;
    private final int validationSamples;
    private final int inputSize;
    private final int outputSize;
    private final Random random;
    private final long startNanos = System.nanoTime();
    private final int batchSize;
    private final boolean fullBatch;
    /** Steps, and measures whole-set losses (training set of a minibatch run, validation set). */
    private final Engine engine;
    private final int[] order;
    private final boolean[] seen;
    private final double[] batchInputs;
    private final double[] batchTargets;
    private final double[] theta;
    /** Steps of the current epoch so far, and how many of them had a data gradient of exactly 0. */
    private int stepsThisEpoch;
    private int zeroGradientSteps;

    TrainingRun(Trainer trainer, Network start, Matrix inputs, Matrix targets, Matrix validationInputs,
            Matrix validationTargets) {
        this.trainer = trainer;
        this.start = start;
        this.validationInputs = validationInputs;
        this.validationTargets = validationTargets;
        this.inputs = inputs.toRowMajorArray();
        this.targets = targets.toRowMajorArray();
        this.samples = inputs.rows();
        this.inputSize = inputs.columns();
        this.outputSize = targets.columns();
        this.validationX = validationInputs == null ? null : validationInputs.toRowMajorArray();
        this.validationY = validationTargets == null ? null : validationTargets.toRowMajorArray();
        this.validationSamples = validationInputs == null ? 0 : validationInputs.rows();
        this.random = new Random(trainer.seed());
        this.batchSize = Math.min(trainer.batchSize(), samples);
        this.fullBatch = batchSize == samples;
        this.engine = new Engine(trainer, start, Math.max(samples, validationSamples), trainer.parallelism());
        this.theta = engine.theta();
        this.order = fullBatch ? null : new int[samples];
        this.seen = fullBatch ? null : new boolean[samples];
        this.batchInputs = fullBatch ? null : new double[batchSize * inputSize];
        this.batchTargets = fullBatch ? null : new double[batchSize * outputSize];
    }

    /** Runs the training and joins the engine's threads, if any, before it returns or throws. */
    TrainingResult run() {
        TrainingResult result;
        try {
            result = train();
        } catch (RuntimeException | Error e) {
            try {
                engine.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        engine.close();
        return result;
    }

    private TrainingResult train() {
        int epochs = trainer.epochs();
        EarlyStopping stopping = trainer.earlyStopping().orElse(null);
        TrainingListener listener = trainer.listener();
        boolean validating = validationInputs != null;
        // Before the first step, the rate in force is the one the first epoch would use.
        double firstRate = trainer.learningRateSchedule().rate(1);
        double initialLoss = fullBatch
                ? engine.evaluate(inputs, targets, samples, true, 0, 1, firstRate, "the initial loss", 0)
                : measured(inputs, targets, samples, 0, 1, firstRate, "the initial loss");
        double initialValidation = validating
                ? measured(validationX, validationY, validationSamples, 0, 1, firstRate, "the initial validation loss")
                : Double.NaN;
        double startLargest = largestAbsolute(theta);
        double best = stopping == null ? Double.NaN
                : monitored(stopping, initialValidation, 0, 1, firstRate);

        double[] losses = new double[epochs];
        double[] validationLosses = new double[validating ? epochs : 0];
        long[] elapsed = new long[epochs];
        double[] bestTheta = stopping == null ? null : theta.clone();
        int bestEpoch = 0;
        int epoch = 0;
        StopReason reason = new StopReason.Completed();
        while (epoch < epochs) {
            epoch++;
            double rate = trainer.learningRateSchedule().rate(epoch);
            losses[epoch - 1] = epoch(epoch, epochs, rate);
            guard(epoch, rate, losses[epoch - 1], initialLoss, startLargest);
            double validationLoss = Double.NaN;
            if (validating) {
                validationLoss = measured(validationX, validationY, validationSamples, epoch, stepsThisEpoch, rate,
                        "the validation loss");
                validationLosses[epoch - 1] = validationLoss;
            }
            elapsed[epoch - 1] = System.nanoTime() - startNanos;
            if (stopping != null) {
                double value = monitored(stopping, validationLoss, epoch, stepsThisEpoch, rate);
                if (stopping.improves(value, best)) {
                    best = value;
                    System.arraycopy(theta, 0, bestTheta, 0, theta.length);
                    bestEpoch = epoch;
                }
            }
            TrainingListener.Decision decision = TrainingListener.Decision.CONTINUE;
            if (listener != TrainingListener.NONE) {
                double[] snapshot = theta.clone();
                decision = Listeners.decide(listener, new EpochReport(epoch, epochs, losses[epoch - 1],
                        validationLoss, rate, Duration.ofNanos(elapsed[epoch - 1]),
                        () -> start.withParameters(snapshot)));
            }
            if (stopping != null && epoch - bestEpoch >= stopping.patience()) {
                reason = new StopReason.NoImprovement(stopping);
                break;
            }
            if (decision.stop()) {
                reason = new StopReason.ListenerRequest(decision.reason());
                break;
            }
        }
        // A run that completed hands its own arrays to the result, which owns them (no copy).
        double[] history = epoch == epochs ? losses : Arrays.copyOf(losses, epoch);
        double[] validationHistory = epoch == epochs || !validating ? validationLosses
                : Arrays.copyOf(validationLosses, epoch); // empty without validation, as documented
        boolean stoppedEarly = reason instanceof StopReason.NoImprovement && epoch < epochs;
        if (reason instanceof StopReason.NoImprovement && epoch == epochs) {
            // Patience ran out exactly at the last planned epoch: every epoch ran, as before monitors.
            reason = new StopReason.Completed();
        }
        Network last = engine.network();
        TrainingResult result = new TrainingResult(stopping == null || bestEpoch == epoch ? last
                : start.withParameters(bestTheta), initialLoss, history, initialValidation, validationHistory,
                stopping == null ? epoch : bestEpoch, stopping != null && stoppedEarly, reason,
                trainer.learningRateSchedule(), epoch == epochs ? elapsed : Arrays.copyOf(elapsed, epoch));
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
                    engine.lastFiniteLoss(), "the loss " + epochLoss + " exceeds " + guard.lossGrowthLimit()
                            + " times the initial loss " + initialLoss + " (DivergenceGuard.lossGrowthLimit)");
        }
        if (guard.stopWhenStalled() && zeroGradientSteps == stepsThisEpoch && epochLoss > 0.0) {
            double largest = largestAbsolute(theta);
            if (largest >= DivergenceGuard.STALL_PARAMETER_GROWTH * startLargest && largest > 0.0) {
                throw new DivergenceException(DivergenceException.Kind.STALLED, epoch, stepsThisEpoch, rate,
                        engine.lastFiniteLoss(), "the gradient is exactly 0 in every step while the loss is " + epochLoss
                                + ": every unit is saturated, so no step can change the network again; the largest"
                                + " |parameter| grew from " + startLargest + " to " + largest);
            }
        }
    }

    /**
     * Measures the early-stopping quantity; an overflow of the predictions is divergence, and a
     * metric that rejects the validation data (R^2 of constant targets) names the monitor.
     */
    private double monitored(EarlyStopping stopping, double validationLoss, int epoch, int step, double rate) {
        try {
            // Only a monitor that predicts needs the network of this epoch.
            Network network = stopping.monitor() == EarlyStopping.Monitor.VALIDATION_LOSS ? start : engine.network();
            return engine.checked(stopping.monitor().measure(network, validationInputs, validationTargets,
                    validationLoss), epoch, step, rate, "the early-stopping quantity " + stopping.monitor(), 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("early stopping on " + stopping.monitor() + ": " + e.getMessage(), e);
        } catch (DivergenceException e) {
            throw e;
        } catch (ArithmeticException e) {
            DivergenceException divergence = new DivergenceException(epoch, step, rate, engine.lastFiniteLoss(),
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

    /**
     * Runs one epoch of steps and returns the loss its history records. Full batch: one step, then
     * the loss at the new parameters, whose evaluation also gives the next epoch's gradient (not
     * after the last epoch). Minibatch: a step per batch in the epoch's {@link BatchOrder}, then the
     * {@link LossHistory} the trainer asks for.
     */
    private double epoch(int epoch, int epochs, double rate) {
        stepsThisEpoch = 0;
        zeroGradientSteps = 0;
        if (fullBatch) {
            countStep(engine.step(rate, epoch, 1));
            return engine.evaluate(inputs, targets, samples, epoch < epochs, epoch, 1, rate, "the loss", 0);
        }
        BatchOrders.fill(trainer.batchOrder(), order, epoch, random, seen);
        Loss loss = engine.loss();
        boolean estimate = trainer.lossHistory() == LossHistory.BATCH_ESTIMATE;
        double total = 0.0;
        int step = 0;
        for (int from = 0; from < samples; from += batchSize) {
            step++;
            int rows = Math.min(batchSize, samples - from);
            gather(from, rows);
            double batchLoss = engine.evaluate(batchInputs, batchTargets, rows, true, epoch, step, rate, "the loss",
                    step);
            countStep(engine.step(rate, epoch, step));
            if (estimate) {
                total += loss == Loss.SUM_SQUARED_ERROR ? batchLoss : batchLoss * rows;
            }
        }
        if (estimate) {
            return engine.checked(loss == Loss.SUM_SQUARED_ERROR ? total : total / samples, epoch, step, rate,
                    "the training loss", 0);
        }
        return measured(inputs, targets, samples, epoch, step, rate, "the training loss");
    }

    private void countStep(boolean zeroGradient) {
        stepsThisEpoch++;
        if (zeroGradient) {
            zeroGradientSteps++;
        }
    }

    /** Copies the rows {@code order[from .. from + rows)} into the batch buffers. */
    private void gather(int from, int rows) {
        for (int k = 0; k < rows; k++) {
            int row = order[from + k];
            System.arraycopy(inputs, row * inputSize, batchInputs, k * inputSize, inputSize);
            System.arraycopy(targets, row * outputSize, batchTargets, k * outputSize, outputSize);
        }
    }

    /** The loss of a whole set at the current parameters, checked, on the measuring evaluator. */
    private double measured(double[] x, double[] y, int rows, int epoch, int step, double rate, String what) {
        double value;
        try {
            value = engine.measure(x, y, rows);
        } catch (ArithmeticException e) {
            DivergenceException divergence = new DivergenceException(epoch, step, rate, engine.lastFiniteLoss(),
                    what + (epoch == 0 ? " is " : " became ") + "Infinity (" + e.getMessage() + ")");
            divergence.initCause(e);
            throw divergence;
        }
        return engine.checked(value, epoch, step, rate, what, 0);
    }
}
