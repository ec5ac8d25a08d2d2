package io.github.diynn.train;

import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.data.Dataset;

/**
 * Full-batch gradient descent, the tutorial's training loop.
 *
 * <pre>  for each epoch:  theta := theta - learningRate * dJ/dtheta</pre>
 *
 * <p>A trainer is configuration only: {@link #train(Network, Dataset)} starts from the given network,
 * never changes it, and returns a new network with the loss after every epoch. A trainer is
 * immutable and may be shared between threads. The gradient comes from a {@link GradientSource}
 * (the tutorial's forward differences by default), so any other source plugs in without changing
 * callers.
 *
 * <p>After every step the new parameters and the new loss are checked: if any is NaN or infinite,
 * training stops with a {@link DivergenceException} and no model with a non-finite weight is
 * returned. The same exception stops a run whose parameters grow so large that the gradient source
 * rejects them (a finite-difference step that no longer changes a weight).
 *
 * <pre>{@code
 * TrainingResult result = Trainer.builder()
 *         .learningRate(0.01)
 *         .epochs(2000)
 *         .build()
 *         .train(network, data);
 * }</pre>
 */
public final class Trainer {

    private final double learningRate;
    private final int epochs;
    private final Loss loss;
    private final GradientSource gradientSource;

    private Trainer(Builder builder) {
        this.learningRate = builder.learningRate;
        this.epochs = builder.epochs;
        this.loss = builder.loss;
        this.gradientSource = builder.gradientSource;
    }

    /**
     * Starts a builder. The learning rate and the number of epochs must be set; the loss defaults to
     * {@link Loss#SUM_SQUARED_ERROR} and the gradient to {@link FiniteDifferences#forward()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the learning rate.
     *
     * @return the step size {@code alpha}
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Returns the number of epochs (full-batch updates).
     *
     * @return the number of epochs
     */
    public int epochs() {
        return epochs;
    }

    /**
     * Returns the loss minimised.
     *
     * @return the loss
     */
    public Loss loss() {
        return loss;
    }

    /**
     * Returns the source of gradients.
     *
     * @return the gradient source
     */
    public GradientSource gradientSource() {
        return gradientSource;
    }

    /**
     * Trains on a data set.
     *
     * @param network the starting network; it is not changed
     * @param data the samples; inputs must have {@code network.inputSize()} columns and targets
     *     {@code network.outputSize()}
     * @return the trained network and the loss after every epoch
     * @throws IllegalArgumentException if an argument is null or the data does not fit the network
     * @throws DivergenceException if a parameter or the loss becomes NaN or infinite, or the
     *     parameters grow so large that the gradient source rejects them
     */
    public TrainingResult train(Network network, Dataset data) {
        if (data == null) {
            throw new IllegalArgumentException("dataset is null");
        }
        return train(network, data.inputs(), data.targets());
    }

    /**
     * Trains on a batch given as matrices.
     *
     * @param network the starting network; it is not changed
     * @param inputs a {@code samples x inputSize} matrix
     * @param targets a {@code samples x outputSize} matrix
     * @return the trained network and the loss after every epoch
     * @throws IllegalArgumentException if an argument is null or the data does not fit the network
     *     (both shapes named)
     * @throws DivergenceException if a parameter or the loss becomes NaN or infinite, or the
     *     parameters grow so large that the gradient source rejects them
     */
    public TrainingResult train(Network network, Matrix inputs, Matrix targets) {
        if (network == null) {
            throw new IllegalArgumentException("network is null");
        }
        network.requireBatch(inputs, targets);
        double initialLoss = network.loss(loss, inputs, targets);
        if (!Double.isFinite(initialLoss)) {
            throw new DivergenceException(0, 1, learningRate, Double.NaN,
                    "the initial loss is " + initialLoss);
        }
        double[] losses = new double[epochs];
        double[] theta = network.parameters();
        double lastFinite = initialLoss;
        Network current = network;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double[] gradient = gradient(current, inputs, targets, epoch, lastFinite);
            if (gradient == null || gradient.length != theta.length) {
                throw new IllegalStateException(gradientSource + " returned "
                        + (gradient == null ? "null" : gradient.length + " values") + " for "
                        + theta.length + " parameters");
            }
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= learningRate * gradient[i];
                if (!Double.isFinite(theta[i])) {
                    throw new DivergenceException(epoch, 1, learningRate, lastFinite,
                            current.parameterLocation(i) + " became " + theta[i]);
                }
            }
            current = current.withParameters(theta);
            double value = current.loss(loss, inputs, targets);
            if (!Double.isFinite(value)) {
                throw new DivergenceException(epoch, 1, learningRate, lastFinite, "the loss became " + value);
            }
            losses[epoch - 1] = value;
            lastFinite = value;
        }
        return new TrainingResult(current, initialLoss, losses);
    }

    /**
     * Asks the gradient source for {@code dJ/dtheta}. The batch fitted the network before the first
     * epoch, so a rejection after that one means the parameters have grown beyond what the source
     * handles (a forward-difference step that no longer changes a weight of 1e9): divergence.
     */
    private double[] gradient(Network current, Matrix inputs, Matrix targets, int epoch, double lastFinite) {
        try {
            return gradientSource.gradient(current, loss, inputs, targets);
        } catch (IllegalArgumentException e) {
            if (epoch == 1) {
                throw e;
            }
            DivergenceException divergence = new DivergenceException(epoch, 1, learningRate, lastFinite,
                    "the gradient source rejected the parameters: " + e.getMessage());
            divergence.initCause(e);
            throw divergence;
        }
    }

    /**
     * Describes the configuration.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "Trainer[learningRate=" + learningRate + ", epochs=" + epochs + ", loss=" + loss
                + ", gradient=" + gradientSource + "]";
    }

    /** Collects a trainer's configuration; not thread-safe, unlike the trainer it builds. */
    public static final class Builder {

        private double learningRate = Double.NaN;
        private int epochs;
        private Loss loss = Loss.SUM_SQUARED_ERROR;
        private GradientSource gradientSource = FiniteDifferences.forward();

        private Builder() {
        }

        /**
         * Sets the learning rate.
         *
         * @param learningRate the step size {@code alpha}, finite and greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code learningRate} is not a finite positive number
         */
        public Builder learningRate(double learningRate) {
            if (!(learningRate > 0.0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("learning rate must be a finite number > 0, got "
                        + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        /**
         * Sets the number of epochs.
         *
         * @param epochs the number of full-batch updates, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code epochs} is less than 1
         */
        public Builder epochs(int epochs) {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /**
         * Sets the loss to minimise.
         *
         * @param loss the loss
         * @return this builder
         * @throws IllegalArgumentException if {@code loss} is null
         */
        public Builder loss(Loss loss) {
            if (loss == null) {
                throw new IllegalArgumentException("loss is null");
            }
            this.loss = loss;
            return this;
        }

        /**
         * Sets where gradients come from.
         *
         * @param gradientSource the gradient source
         * @return this builder
         * @throws IllegalArgumentException if {@code gradientSource} is null
         */
        public Builder gradientSource(GradientSource gradientSource) {
            if (gradientSource == null) {
                throw new IllegalArgumentException("gradient source is null");
            }
            this.gradientSource = gradientSource;
            return this;
        }

        /**
         * Builds the trainer.
         *
         * @return a new immutable trainer
         * @throws IllegalStateException if the learning rate or the number of epochs was not set
         */
        public Trainer build() {
            if (Double.isNaN(learningRate)) {
                throw new IllegalStateException("set the learning rate with learningRate(...)");
            }
            if (epochs == 0) {
                throw new IllegalStateException("set the number of epochs with epochs(...)");
            }
            return new Trainer(this);
        }
    }
}
