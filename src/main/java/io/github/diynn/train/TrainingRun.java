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
        int patience = trainer.earlyStoppingPatience();
        boolean validating = validationInputs != null;
        // Before the first step, the rate in force is the one the first epoch would use.
        double firstRate = trainer.learningRateSchedule().rate(1);
        double initialLoss = lossOf(start, inputs, targets, fused != null && epochs > 0, 0, 1, firstRate,
                "the initial loss");
        double initialValidation = validating
                ? lossOf(start, validationInputs, validationTargets, 0, 1, firstRate,
                        "the initial validation loss")
                : Double.NaN;

        double[] losses = new double[epochs];
        double[] validationLosses = new double[validating ? epochs : 0];
        double[] bestTheta = theta.clone();
        int bestEpoch = 0;
        int epoch = 0;
        while (epoch < epochs) {
            epoch++;
            double rate = trainer.learningRateSchedule().rate(epoch);
            losses[epoch - 1] = epoch(epoch, rate);
            double validationLoss = Double.NaN;
            if (validating) {
                int lastStep = (inputs.rows() + batchSize - 1) / batchSize;
                validationLoss = lossOf(current, validationInputs, validationTargets, epoch,
                        lastStep, rate, "the validation loss");
                validationLosses[epoch - 1] = validationLoss;
                double best = bestEpoch == 0 ? initialValidation : validationLosses[bestEpoch - 1];
                if (validationLoss < best) {
                    bestTheta = theta.clone();
                    bestEpoch = epoch;
                }
            }
            trainer.listener().epochFinished(new EpochReport(epoch, epochs, losses[epoch - 1], validationLoss,
                    rate, Duration.ofNanos(System.nanoTime() - startNanos)));
            if (patience > 0 && epoch - bestEpoch >= patience) {
                break;
            }
        }
        double[] history = Arrays.copyOf(losses, epoch);
        double[] validationHistory = Arrays.copyOf(validationLosses, epoch);
        TrainingResult result = patience == 0
                ? new TrainingResult(current, initialLoss, history, initialValidation, validationHistory, epoch, false)
                : new TrainingResult(bestEpoch == epoch ? current : start.withParameters(bestTheta), initialLoss,
                        history, initialValidation, validationHistory, bestEpoch, epoch < epochs);
        trainer.listener().trainingFinished(result);
        return result;
    }

    /** Runs one epoch of steps and returns the loss on the whole training set after it. */
    private double epoch(int epoch, double rate) {
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
            throw new IllegalStateException(source + " returned "
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
