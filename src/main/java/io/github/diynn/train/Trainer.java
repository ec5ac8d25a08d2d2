package io.github.diynn.train;

import io.github.diynn.core.FiniteDifferences;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.core.Parallelism;
import io.github.diynn.data.Dataset;
import io.github.diynn.data.DatasetSplit;
import io.github.diynn.internal.Batches;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Minibatch gradient descent with a choice of optimizer, learning-rate schedule, weight decay,
 * validation and early stopping.
 *
 * <p>Each epoch visits every training sample once: the samples are shuffled (from the seed) and cut
 * into batches of {@link #batchSize()} rows, the last one possibly smaller, and each batch gives one
 * step:
 *
 * <pre>  g := dJ/dtheta on the batch  (+ weightDecay * w for every weight w, not for biases)
 *  theta := optimizer step from g with learningRate(epoch)</pre>
 *
 * <p>With the whole set as one batch (the default) there is no shuffle and the plain
 * {@link Optimizer#gradientDescent()} step with a constant learning rate is the tutorial's
 * full-batch descent, bit for bit.
 *
 * <p>A trainer is configuration only: {@link #train(Network, Dataset)} starts from the given network,
 * never changes it, and returns a new network with its loss history. Optimizer state lives inside
 * one call, so a trainer is immutable and may be shared between threads (its listener is then called
 * from each of them). The same seed, data and configuration give bit-identical results.
 *
 * <p>After every step the new parameters and the batch loss are checked, and after every epoch the
 * training and validation losses: if any is NaN or infinite, training stops with a
 * {@link DivergenceException} and no model with a non-finite weight is returned. The same exception
 * stops a run whose parameters grow so large that the gradient source rejects them (a
 * finite-difference step that no longer changes a weight), and, by the {@link DivergenceGuard}, a run
 * whose loss explodes far above the starting loss or that stalls with every unit saturated.
 *
 * <pre>{@code
 * TrainingResult result = Trainer.builder()
 *         .optimizer(Optimizer.adam())
 *         .learningRate(0.01)
 *         .epochs(500)
 *         .batchSize(16)
 *         .validationFraction(0.2)
 *         .earlyStopping(20)
 *         .seed(7)
 *         .build()
 *         .train(network, data);
 * }</pre>
 */
public final class Trainer {

    /** The batch size meaning "the whole training set". */
    public static final int FULL_BATCH = Integer.MAX_VALUE;

    private final LearningRateSchedule schedule;
    private final int epochs;
    private final Loss loss;
    private final GradientSource gradientSource;
    private final Optimizer optimizer;
    private final int batchSize;
    private final long seed;
    private final double weightDecay;
    private final double validationFraction;
    private final EarlyStopping earlyStopping;
    private final ValidationSplit validationSplit;
    private final DivergenceGuard divergenceGuard;
    private final BatchOrder batchOrder;
    private final LossHistory lossHistory;
    private final Parallelism parallelism;
    private final List<TrainingListener> listeners;
    private final TrainingListener listener;

    private Trainer(Builder builder) {
        this.schedule = builder.schedule;
        this.epochs = builder.epochs;
        this.loss = builder.loss;
        this.gradientSource = builder.gradientSource;
        this.optimizer = builder.optimizer;
        this.batchSize = builder.batchSize;
        this.seed = builder.seed;
        this.weightDecay = builder.weightDecay;
        this.validationFraction = builder.validationFraction;
        this.earlyStopping = builder.earlyStopping;
        this.validationSplit = builder.validationSplit;
        this.divergenceGuard = builder.divergenceGuard;
        this.batchOrder = builder.batchOrder;
        this.lossHistory = builder.lossHistory;
        this.parallelism = builder.parallelism;
        this.listeners = List.copyOf(builder.listeners);
        this.listener = Listeners.of(listeners);
    }

    /**
     * Starts a builder. The learning rate and the number of epochs must be set; the defaults are
     * the loss {@link Loss#SUM_SQUARED_ERROR}, the gradient {@link GradientSource#backpropagation()} (the
     * tutorial's {@link FiniteDifferences#forward()} is one option away), the
     * optimizer {@link Optimizer#gradientDescent()}, {@link #FULL_BATCH}, seed 0, no weight decay, no
     * validation, no early stopping, {@link DivergenceGuard#standard()}, {@link BatchOrder#shuffled()},
     * {@link LossHistory#AFTER_EPOCH}, no listener and {@link Parallelism#sequential()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the learning rate of the first epoch: the learning rate, when it is constant.
     *
     * @return {@code learningRateSchedule().rate(1)}
     */
    public double learningRate() {
        return schedule.rate(1);
    }

    /**
     * Returns the learning-rate schedule.
     *
     * @return the schedule
     */
    public LearningRateSchedule learningRateSchedule() {
        return schedule;
    }

    /**
     * Returns the planned number of epochs (passes over the training set).
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
     * Returns the optimizer.
     *
     * @return the optimizer
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Returns the number of samples per step.
     *
     * @return the batch size, or {@link #FULL_BATCH}
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Returns the seed of the validation split and the per-epoch shuffles.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the L2 weight-decay coefficient {@code lambda}: the penalty
     * {@code lambda / 2 * sum of w^2} over weights (not biases) is added to the minimised loss.
     *
     * @return {@code lambda}, 0 for none
     */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * Returns the fraction of the data held out for validation by {@link #train(Network, Dataset)}.
     *
     * @return the fraction, 0 for none
     */
    public double validationFraction() {
        return validationFraction;
    }

    /**
     * Returns how the validation rows are chosen when {@link #validationFraction()} is set.
     *
     * @return {@link ValidationSplit#RANDOM} unless stratified
     */
    public ValidationSplit validationSplit() {
        return validationSplit;
    }

    /**
     * Returns the early-stopping patience: training stops after this many epochs without an
     * improvement of the monitored quantity, and returns the best network seen.
     *
     * @return the patience in epochs, 0 for no early stopping
     */
    public int earlyStoppingPatience() {
        return earlyStopping == null ? 0 : earlyStopping.patience();
    }

    /**
     * Returns the early-stopping rule.
     *
     * @return the rule, or an empty optional if early stopping is off
     */
    public Optional<EarlyStopping> earlyStopping() {
        return Optional.ofNullable(earlyStopping);
    }

    /**
     * Returns the checks that stop an exploding or stalled run.
     *
     * @return the guard, {@link DivergenceGuard#standard()} unless set
     */
    public DivergenceGuard divergenceGuard() {
        return divergenceGuard;
    }

    /** {@return the order in which each epoch visits the samples of a minibatch run} */
    public BatchOrder batchOrder() {
        return batchOrder;
    }

    /** {@return what the history records for each epoch of a minibatch run} */
    public LossHistory lossHistory() {
        return lossHistory;
    }

    /** {@return the workers a {@link #train} call may use; never changes its result} */
    public Parallelism parallelism() {
        return parallelism;
    }

    /**
     * Returns the listeners told about every epoch, in the order they are called.
     *
     * @return an immutable list, empty if none was added
     */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /**
     * Returns the listeners as one: the single listener if one was added, one that calls each in
     * order (and stops if any asks) if several were.
     *
     * @return the listener, {@link TrainingListener#NONE} if none was added
     */
    public TrainingListener listener() {
        return listener;
    }

    /**
     * Starts a training loop driven by the caller, one batch at a time, that keeps the optimizer's
     * state across calls (momentum and Adam are not reset between batches). It uses this trainer's
     * loss, gradient source, optimizer, learning-rate schedule and weight decay; batching, epochs,
     * validation, early stopping, the divergence guard's epoch rules and listeners are the caller's.
     *
     * @param network the starting network; it is not changed
     * @return a new session, not thread-safe
     * @throws IllegalArgumentException if {@code network} is null
     */
    public TrainingSession session(Network network) {
        requireNetwork(network);
        return new TrainingSession(this, network);
    }

    /**
     * Trains on a data set, holding out {@link #validationFraction()} of it for validation if set.
     *
     * <p>The data is split by {@link Dataset#split(double, long)} with {@link #seed()}: the last
     * {@code round(validationFraction * size)} shuffled samples are held out. With
     * {@link ValidationSplit#STRATIFIED}, {@link Dataset#stratifiedSplit(double, long)} holds out as
     * many, class by class.
     *
     * @param network the starting network; it is not changed
     * @param data the samples; inputs must have {@code network.inputSize()} columns and targets
     *     {@code network.outputSize()}
     * @return the trained network and its history
     * @throws IllegalArgumentException if an argument is null, the data does not fit the network,
     *     the loss does not belong with the network's output activation or the targets (see
     *     {@link Loss#requireCompatible(Network, Matrix)}: for example categorical cross-entropy on a
     *     sigmoid output), the split leaves a part empty, or a stratified split meets targets that
     *     are not classes
     * @throws IllegalStateException if early stopping is set without a validation fraction
     * @throws DivergenceException if a parameter or a loss becomes NaN or infinite, the parameters
     *     grow so large that the gradient source rejects them, or the {@link #divergenceGuard()} finds
     *     the loss exploded or the run stalled
     */
    public TrainingResult train(Network network, Dataset data) {
        requireNetwork(network);
        if (data == null) {
            throw new IllegalArgumentException("dataset is null");
        }
        Batches.require(network, data.inputs(), data.targets());
        loss.requireCompatible(network, data.targets());
        if (validationFraction == 0.0) {
            if (earlyStopping != null) {
                throw new IllegalStateException("early stopping needs validation data: set"
                        + " validationFraction(...) or call train(network, training, validation)");
            }
            return new TrainingRun(this, network, data.inputs(), data.targets(), null, null).run();
        }
        int held = (int) Math.round(validationFraction * data.size());
        if (held < 1 || held > data.size() - 1) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " of "
                    + data.size() + " samples leaves " + held + " for validation and " + (data.size() - held)
                    + " for training; both need at least 1");
        }
        double trainedShare = (data.size() - held) / (double) data.size();
        DatasetSplit split = validationSplit == ValidationSplit.STRATIFIED ? data.stratifiedSplit(trainedShare, seed)
                : data.split(trainedShare, seed);
        return new TrainingRun(this, network, split.first().inputs(), split.first().targets(),
                split.second().inputs(), split.second().targets()).run();
    }

    /**
     * Trains on a batch given as matrices, holding out {@link #validationFraction()} of it if set;
     * the same as {@code train(network, new Dataset(inputs, targets))}.
     *
     * @param network the starting network; it is not changed
     * @param inputs a {@code samples x inputSize} matrix
     * @param targets a {@code samples x outputSize} matrix
     * @return the trained network and its history
     * @throws IllegalArgumentException if an argument is null, the data does not fit the network
     *     (both shapes named), the loss does not belong with the network's output activation or the
     *     targets ({@link Loss#requireCompatible(Network, Matrix)}), or the split leaves a part empty
     * @throws IllegalStateException if early stopping is set without a validation fraction
     * @throws DivergenceException if a parameter or a loss becomes NaN or infinite, the parameters
     *     grow so large that the gradient source rejects them, or the {@link #divergenceGuard()} finds
     *     the loss exploded or the run stalled
     */
    public TrainingResult train(Network network, Matrix inputs, Matrix targets) {
        requireNetwork(network);
        Batches.require(network, inputs, targets);
        return train(network, new Dataset(inputs, targets));
    }

    /**
     * Trains on one data set and measures the loss on another after every epoch.
     *
     * @param network the starting network; it is not changed
     * @param training the samples trained on
     * @param validation the samples only measured, for the history and early stopping
     * @return the trained network and its history
     * @throws IllegalArgumentException if an argument is null, a data set does not fit the network
     *     (the set and both shapes named), or the loss does not belong with the network's output
     *     activation or a set's targets ({@link Loss#requireCompatible(Network, Matrix)})
     * @throws IllegalStateException if a validation fraction is also set
     * @throws DivergenceException if a parameter or a loss becomes NaN or infinite, the parameters
     *     grow so large that the gradient source rejects them, or the {@link #divergenceGuard()} finds
     *     the loss exploded or the run stalled
     */
    public TrainingResult train(Network network, Dataset training, Dataset validation) {
        requireNetwork(network);
        if (training == null || validation == null) {
            throw new IllegalArgumentException("training and validation data must not be null");
        }
        if (validationFraction != 0.0) {
            throw new IllegalStateException("validation data given while validationFraction is "
                    + validationFraction + "; use one or the other");
        }
        requireFits(network, training, "training data");
        requireFits(network, validation, "validation data");
        return new TrainingRun(this, network, training.inputs(), training.targets(), validation.inputs(),
                validation.targets()).run();
    }

    /**
     * Checks that a data set fits the network and that the loss suits the network's output and the
     * targets, naming the set in the message if not.
     */
    private void requireFits(Network network, Dataset data, String which) {
        try {
            Batches.require(network, data.inputs(), data.targets());
            loss.requireCompatible(network, data.targets());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + ": " + e.getMessage(), e);
        }
    }

    private static void requireNetwork(Network network) {
        if (network == null) {
            throw new IllegalArgumentException("network is null");
        }
    }

    /**
     * Describes the configuration.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        String rate = schedule instanceof LearningRateSchedule.Constant constant
                ? String.valueOf(constant.rate()) : schedule.toString();
        String stopping = "off";
        if (earlyStopping != null) {
            stopping = "patience " + earlyStopping.patience();
            if (earlyStopping.monitor() != EarlyStopping.Monitor.VALIDATION_LOSS || earlyStopping.minDelta() > 0.0) {
                stopping += " on " + earlyStopping.monitor() + ", minDelta " + earlyStopping.minDelta();
            }
        }
        return "Trainer[learningRate=" + rate + ", epochs=" + epochs + ", loss=" + loss + ", gradient="
                + describe(gradientSource) + ", optimizer=" + optimizer + ", batchSize="
                + (batchSize == FULL_BATCH ? "full" : batchSize) + ", seed=" + seed + ", weightDecay=" + weightDecay
                + ", validationFraction=" + validationFraction
                + (validationSplit == ValidationSplit.STRATIFIED ? " stratified" : "") + ", earlyStopping="
                + stopping + (divergenceGuard.equals(DivergenceGuard.standard()) ? "" : ", " + divergenceGuard)
                + (batchOrder == BatchOrder.shuffled() ? "" : ", batchOrder=" + batchOrder)
                + (lossHistory == LossHistory.AFTER_EPOCH ? "" : ", lossHistory=" + lossHistory)
                + (parallelism.equals(Parallelism.sequential()) ? "" : ", parallelism=" + parallelism) + "]";
    }

    /** Describes a source for messages: {@link GradientSource#describe(GradientSource)}. */
    static String describe(GradientSource source) {
        return GradientSource.describe(source);
    }

    /** Collects a trainer's configuration; not thread-safe, unlike the trainer it builds. */
    public static final class Builder {

        private LearningRateSchedule schedule;
        private int epochs;
        private Loss loss = Loss.SUM_SQUARED_ERROR;
        private GradientSource gradientSource = GradientSource.backpropagation();
        private Optimizer optimizer = Optimizer.gradientDescent();
        private int batchSize = FULL_BATCH;
        private long seed;
        private double weightDecay;
        private double validationFraction;
        private EarlyStopping earlyStopping;
        private ValidationSplit validationSplit = ValidationSplit.RANDOM;
        private DivergenceGuard divergenceGuard = DivergenceGuard.standard();
        private BatchOrder batchOrder = BatchOrder.shuffled();
        private LossHistory lossHistory = LossHistory.AFTER_EPOCH;
        private Parallelism parallelism = Parallelism.sequential();
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets a constant learning rate.
         *
         * @param learningRate the step size {@code alpha}, finite and greater than 0
         * @return this builder
         * @throws IllegalArgumentException if {@code learningRate} is not a finite positive number
         */
        public Builder learningRate(double learningRate) {
            this.schedule = LearningRateSchedule.constant(learningRate);
            return this;
        }

        /**
         * Sets a learning rate that changes from epoch to epoch.
         *
         * @param schedule the schedule
         * @return this builder
         * @throws IllegalArgumentException if {@code schedule} is null
         */
        public Builder learningRate(LearningRateSchedule schedule) {
            if (schedule == null) {
                throw new IllegalArgumentException("learning-rate schedule is null");
            }
            this.schedule = schedule;
            return this;
        }

        /**
         * Sets the number of epochs.
         *
         * @param epochs the number of passes over the training set, at least 1
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
         * Sets the loss to minimise. A summed loss such as {@link Loss#SUM_SQUARED_ERROR} grows with
         * the batch size, and so does its gradient; a mean loss keeps the step size independent of it.
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
         * Sets the update rule.
         *
         * @param optimizer the optimizer
         * @return this builder
         * @throws IllegalArgumentException if {@code optimizer} is null
         */
        public Builder optimizer(Optimizer optimizer) {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer is null");
            }
            this.optimizer = optimizer;
            return this;
        }

        /**
         * Sets the number of samples per step; a size at least the training set's is full batch.
         *
         * @param batchSize the batch size, at least 1, or {@link #FULL_BATCH}
         * @return this builder
         * @throws IllegalArgumentException if {@code batchSize} is less than 1
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the seed of the validation split and of the per-epoch shuffles.
         *
         * @param seed the seed, used as {@code new java.util.Random(seed)}
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Sets L2 weight decay: {@code lambda / 2 * sum of w^2} over all weights is added to the
         * minimised loss, so {@code lambda * w} is added to each weight's gradient before the
         * optimizer sees it. Biases are not decayed. The losses in the history exclude the penalty.
         *
         * @param lambda the coefficient, finite and at least 0
         * @return this builder
         * @throws IllegalArgumentException if {@code lambda} is negative, NaN or infinite
         */
        public Builder weightDecay(double lambda) {
            if (!(lambda >= 0.0) || !Double.isFinite(lambda)) {
                throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + lambda);
            }
            this.weightDecay = lambda;
            return this;
        }

        /**
         * Holds out a seeded random fraction of the data for validation
         * ({@code round(fraction * samples)} rows, at least 1, leaving at least 1 to train on).
         *
         * @param fraction the fraction, in {@code (0, 1)}
         * @return this builder
         * @throws IllegalArgumentException if {@code fraction} is outside {@code (0, 1)}
         */
        public Builder validationFraction(double fraction) {
            return validationFraction(fraction, ValidationSplit.RANDOM);
        }

        /**
         * Holds out a fraction of the data for validation, chosen at random or class by class
         * ({@link ValidationSplit#STRATIFIED}: every class keeps its share of the data in both parts,
         * to within one sample; the targets must be one-hot rows or a 0/1 column).
         *
         * @param fraction the fraction, in {@code (0, 1)}
         * @param split how the held-out rows are chosen
         * @return this builder
         * @throws IllegalArgumentException if {@code fraction} is outside {@code (0, 1)} or {@code split}
         *     is null
         */
        public Builder validationFraction(double fraction, ValidationSplit split) {
            if (!(fraction > 0.0 && fraction < 1.0)) {
                throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + fraction);
            }
            if (split == null) {
                throw new IllegalArgumentException("validation split is null");
            }
            this.validationFraction = fraction;
            this.validationSplit = split;
            return this;
        }

        /**
         * Turns on early stopping: training ends once {@code patience} epochs in a row bring no
         * validation loss below the best so far, and the network of the best epoch is returned. Needs
         * validation data.
         *
         * @param patience the number of epochs without improvement tolerated, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code patience} is less than 1
         */
        public Builder earlyStopping(int patience) {
            return earlyStopping(EarlyStopping.of(EarlyStopping.Monitor.VALIDATION_LOSS, patience));
        }

        /**
         * Turns on early stopping with a rule: a monitored quantity (validation loss, accuracy or
         * R^2), a patience and a minimum improvement. Needs validation data.
         *
         * <pre>{@code .earlyStopping(EarlyStopping.of(Monitor.VALIDATION_ACCURACY, 20).withMinDelta(0.01))}</pre>
         *
         * @param rule the rule
         * @return this builder
         * @throws IllegalArgumentException if {@code rule} is null
         */
        public Builder earlyStopping(EarlyStopping rule) {
            if (rule == null) {
                throw new IllegalArgumentException("early-stopping rule is null");
            }
            this.earlyStopping = rule;
            return this;
        }

        /**
         * Sets the checks that stop an exploding or stalled run; {@link DivergenceGuard#off()} keeps only
         * the NaN and infinity checks, which are always on.
         *
         * @param guard the guard
         * @return this builder
         * @throws IllegalArgumentException if {@code guard} is null
         */
        public Builder divergenceGuard(DivergenceGuard guard) {
            if (guard == null) {
                throw new IllegalArgumentException("divergence guard is null");
            }
            this.divergenceGuard = guard;
            return this;
        }

        /**
         * Sets the order in which each epoch of a minibatch run visits the samples; a full-batch run
         * ignores it.
         *
         * @param order {@link BatchOrder#shuffled()} (the default), {@link BatchOrder#sequential()},
         *     {@link BatchOrder#fixed(int...)} or {@link BatchOrder#byEpoch}
         * @return this builder
         * @throws IllegalArgumentException if {@code order} is null
         */
        public Builder batchOrder(BatchOrder order) {
            if (order == null) {
                throw new IllegalArgumentException("batch order is null");
            }
            this.batchOrder = order;
            return this;
        }

        /**
         * Sets what the history records for each epoch of a minibatch run; a full-batch run records
         * the loss after each step either way.
         *
         * @param history {@link LossHistory#AFTER_EPOCH} (the default, exact) or
         *     {@link LossHistory#BATCH_ESTIMATE} (no extra pass, as Keras reports it)
         * @return this builder
         * @throws IllegalArgumentException if {@code history} is null
         */
        public Builder lossHistory(LossHistory history) {
            if (history == null) {
                throw new IllegalArgumentException("loss history is null");
            }
            this.lossHistory = history;
            return this;
        }

        /**
         * Sets the workers a {@link Trainer#train} call may use: {@link Parallelism#threads(int)} (threads
         * made for the call and joined before it returns) or {@link Parallelism#executor} (tasks on an
         * executor the caller owns). The result has the same bits for any choice: each batch is summed
         * in fixed chunks of rows (a size set by the network alone,
         * {@link io.github.diynn.core.ParallelEvaluator#chunkRows(int)}) and a fixed
         * pairwise tree, and a finite-difference estimate is split by parameter (see
         * {@link io.github.diynn.core.ParallelEvaluator}). Batches of one chunk, and work too small to
         * pay for a helper, stay on the calling thread, and listeners are always called on it. A
         * {@link TrainingSession} always uses the calling thread alone.
         *
         * <p>The default is {@link Parallelism#sequential()}: a library must not take an embedding
         * application's cores unasked, and the small networks diynn is made for mostly train in
         * batches of one chunk, which gain nothing.
         *
         * @param parallelism the workers
         * @return this builder
         * @throws IllegalArgumentException if {@code parallelism} is null
         */
        public Builder parallelism(Parallelism parallelism) {
            if (parallelism == null) {
                throw new IllegalArgumentException("parallelism is null");
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Adds a listener told about every epoch, for example a {@link ProgressReporter}; listeners
         * added earlier are kept and called first.
         *
         * @param listener the listener
         * @return this builder
         * @throws IllegalArgumentException if {@code listener} is null
         */
        public Builder listener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener is null");
            }
            this.listeners.add(listener);
            return this;
        }

        /**
         * Builds the trainer.
         *
         * @return a new immutable trainer
         * @throws IllegalStateException if the learning rate or the number of epochs was not set
         */
        public Trainer build() {
            if (schedule == null) {
                throw new IllegalStateException("set the learning rate with learningRate(...)");
            }
            if (epochs == 0) {
                throw new IllegalStateException("set the number of epochs with epochs(...)");
            }
            return new Trainer(this);
        }
    }
}
