package io.github.diynn.train;

import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.core.ParameterLocation;
import io.github.diynn.data.Dataset;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

/** The mutable state of one {@link Trainer#train} call; it never escapes the call. */
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
    }

    TrainingResult run() {
        int epochs = trainer.epochs();
        int samples = inputs.rows();
        int batchSize = Math.min(trainer.batchSize(), samples);
        boolean fullBatch = batchSize == samples;
        boolean validating = validationInputs != null;
        int patience = trainer.earlyStoppingPatience();

        double[] theta = start.parameters();
        boolean[] decayed = decayedParameters(start, trainer.weightDecay());
        Stepper stepper = Stepper.start(trainer.optimizer(), theta.length);

        double initialLoss = checked(start.loss(loss, inputs, targets), 0, 1, Double.NaN, "the initial loss");
        lastFiniteLoss = initialLoss;
        double initialValidation = validating
                ? checked(start.loss(loss, validationInputs, validationTargets), 0, 1, Double.NaN,
                        "the initial validation loss")
                : Double.NaN;

        double[] losses = new double[epochs];
        double[] validationLosses = new double[validating ? epochs : 0];
        double bestValidation = initialValidation;
        double[] bestTheta = theta.clone();
        int bestEpoch = 0;
        boolean stoppedEarly = false;
        Network current = start;
        int epoch = 0;
        while (epoch < epochs) {
            epoch++;
            double rate = trainer.learningRateSchedule().rate(epoch);
            int[] order = fullBatch ? new int[0] : Dataset.permutation(samples, random);
            double batchLoss = Double.NaN;
            int step = 0;
            for (int from = 0; from < samples; from += batchSize) {
                step++;
                Matrix batchInputs = inputs;
                Matrix batchTargets = targets;
                if (!fullBatch) {
                    int[] rows = Arrays.copyOfRange(order, from, Math.min(from + batchSize, samples));
                    batchInputs = inputs.selectRows(rows);
                    batchTargets = targets.selectRows(rows);
                }
                double[] gradient = gradient(current, batchInputs, batchTargets, epoch, step, rate);
                for (int i = 0; i < theta.length; i++) {
                    if (decayed[i]) {
                        gradient[i] += trainer.weightDecay() * theta[i];
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
                batchLoss = checked(current.loss(loss, batchInputs, batchTargets), epoch, step, rate,
                        fullBatch ? "the loss" : "the loss of batch " + step);
            }
            losses[epoch - 1] = fullBatch ? batchLoss
                    : checked(current.loss(loss, inputs, targets), epoch, step, rate, "the training loss");
            double validationLoss = Double.NaN;
            if (validating) {
                validationLoss = checked(current.loss(loss, validationInputs, validationTargets), epoch, step,
                        rate, "the validation loss");
                validationLosses[epoch - 1] = validationLoss;
                if (validationLoss < bestValidation) {
                    bestValidation = validationLoss;
                    bestTheta = theta.clone();
                    bestEpoch = epoch;
                }
            }
            trainer.listener().epochFinished(new EpochReport(epoch, epochs, losses[epoch - 1], validationLoss,
                    rate, Duration.ofNanos(System.nanoTime() - startNanos)));
            if (patience > 0 && epoch - bestEpoch >= patience && epoch < epochs) {
                stoppedEarly = true;
                break;
            }
        }
        TrainingResult result;
        double[] history = Arrays.copyOf(losses, epoch);
        if (patience > 0) {
            Network best = bestEpoch == epoch ? current : start.withParameters(bestTheta);
            result = new TrainingResult(best, initialLoss, history, initialValidation,
                    Arrays.copyOf(validationLosses, epoch), bestEpoch, stoppedEarly);
        } else {
            result = new TrainingResult(current, initialLoss, history, initialValidation,
                    Arrays.copyOf(validationLosses, epoch), epoch, false);
        }
        trainer.listener().trainingFinished(result);
        return result;
    }

    /**
     * Asks the gradient source for {@code dJ/dtheta}. Every batch fits the network (checked before
     * training), so a rejection after the first step means the parameters have grown beyond what the
     * source handles (a finite-difference step that no longer changes a huge weight): divergence.
     */
    private double[] gradient(Network network, Matrix batchInputs, Matrix batchTargets, int epoch, int step,
            double rate) {
        GradientSource source = trainer.gradientSource();
        double[] gradient;
        try {
            gradient = source.gradient(network, loss, batchInputs, batchTargets);
        } catch (IllegalArgumentException e) {
            if (epoch == 1 && step == 1) {
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
