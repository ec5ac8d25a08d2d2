package io.github.diynn.train;

import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import io.github.diynn.core.Parallelism;
import io.github.diynn.data.Dataset;
import io.github.diynn.internal.Batches;

/**
 * A training loop you drive yourself, one batch at a time, with the optimizer's state (momentum,
 * Adam's moments and step count) kept from call to call. Made by {@link Trainer#session(Network)}.
 *
 * <p>Each {@link #step(Matrix, Matrix)} is one step of the trainer's configuration: the loss and the
 * gradient from one evaluation at the current parameters, weight decay, then the optimizer's update
 * with the learning rate of the current {@link #epoch()}. {@link #nextEpoch()} moves the learning-rate
 * schedule on; nothing else depends on it. The same batches in the same order give the same bits as
 * a {@link Trainer#train} run that would take them.
 *
 * <pre>{@code
 * TrainingSession session = trainer.session(network);
 * for (int epoch = 1; epoch <= 10; epoch++) {
 *     for (Dataset batch : data.batches(32)) {
 *         session.step(batch);
 *     }
 *     session.nextEpoch();
 * }
 * Network trained = session.network();
 * }</pre>
 *
 * <p>Every batch is checked where it enters (shapes, finite values, and that the trainer's loss
 * suits the targets); each step checks the loss and the new parameters as training does, ending
 * with a {@link DivergenceException} and leaving the session unusable if one is not finite. The
 * per-epoch guards of {@link DivergenceGuard}, validation, early stopping and listeners belong to
 * {@link Trainer#train} and are not applied here.
 *
 * <p><b>Not thread-safe</b>: a session is mutable state of one loop. The networks it returns are
 * immutable values.
 */
public final class TrainingSession {

    private final Trainer trainer;
    private final Network start;
    private Engine engine;
    private int epoch = 1;
    private long steps;
    private boolean failed;

    TrainingSession(Trainer trainer, Network start) {
        this.trainer = trainer;
        this.start = start;
        this.engine = new Engine(trainer, start, 1, Parallelism.sequential());
    }

    /**
     * Takes one optimizer step on a batch.
     *
     * @param inputs a {@code rows x inputSize} batch
     * @param targets a {@code rows x outputSize} batch
     * @return the batch's loss at the parameters the step started from
     * @throws IllegalArgumentException if the batch does not fit the network (shapes named), holds a
     *     NaN or infinite value, or its targets do not suit the trainer's loss
     * @throws DivergenceException if the loss or a parameter became NaN or infinite
     * @throws IllegalStateException if an earlier step diverged
     */
    public double step(Matrix inputs, Matrix targets) {
        if (failed) {
            throw new IllegalStateException("an earlier step diverged; start a new session from the last good"
                    + " network");
        }
        Batches.require(start, inputs, targets);
        trainer.loss().requireCompatible(start, targets);
        int rows = inputs.rows();
        if (rows > engine.capacity()) {
            engine = engine.withCapacity(rows);
        }
        double rate = learningRate();
        int step = (int) Math.min(Integer.MAX_VALUE, steps + 1);
        try {
            double loss = engine.evaluate(inputs.toRowMajorArray(), targets.toRowMajorArray(), rows, true, epoch,
                    step, rate, "the loss", 0);
            engine.step(rate, epoch, step);
            steps++;
            return loss;
        } catch (DivergenceException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Takes one optimizer step on a data set's rows, {@code step(batch.inputs(), batch.targets())}.
     *
     * @param batch the batch
     * @return the batch's loss at the parameters the step started from
     * @throws IllegalArgumentException if {@code batch} is null, or as {@link #step(Matrix, Matrix)}
     * @throws DivergenceException if the loss or a parameter became NaN or infinite
     * @throws IllegalStateException if an earlier step diverged
     */
    public double step(Dataset batch) {
        if (batch == null) {
            throw new IllegalArgumentException("batch is null");
        }
        return step(batch.inputs(), batch.targets());
    }

    /** Moves the learning-rate schedule to the next epoch. */
    public void nextEpoch() {
        epoch++;
    }

    /** {@return the epoch whose learning rate the next step uses, from 1} */
    public int epoch() {
        return epoch;
    }

    /** {@return the number of steps taken} */
    public long steps() {
        return steps;
    }

    /** {@return the learning rate the next step uses} */
    public double learningRate() {
        return trainer.learningRateSchedule().rate(epoch);
    }

    /**
     * Returns the network at the current parameters.
     *
     * @return a new immutable network
     */
    public Network network() {
        return engine.network();
    }

    /**
     * Describes the session, for example {@code "TrainingSession[epoch 3, 120 steps]"}.
     *
     * @return a short description
     */
    @Override
    public String toString() {
        return "TrainingSession[epoch " + epoch + ", " + steps + " steps" + (failed ? ", diverged" : "") + "]";
    }
}
