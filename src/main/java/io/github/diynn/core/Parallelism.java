package io.github.diynn.core;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How many threads a training or prediction call may use, and where they come from: the calling
 * thread alone, threads the call makes for itself, or an {@link Executor} the caller owns.
 *
 * <p>The result never depends on it. Work is cut by the data alone (fixed chunks of
 * {@link ParallelEvaluator#chunkRows(int)} rows, parameter ranges of a finite-difference estimate, blocks
 * of predicted rows) and combined in a fixed order, so 1, 2, 3 or 16 workers give the same bits
 * (see {@code docs/reproducibility.md}).
 *
 * <ul>
 *   <li>{@link #sequential()}: the calling thread does everything; no thread is made.
 *   <li>{@link #threads(int)}: the call makes {@code count - 1} helper threads when it first has
 *       work worth splitting, the calling thread being the first worker, and joins them before it
 *       returns (or, for a {@link ParallelEvaluator}, when it is closed). No pool outlives a call.
 *   <li>{@link #executor(Executor, int)}: helpers run as tasks on the caller's executor; nothing is
 *       made, and a call never waits for a task its executor has not started (it does that work
 *       itself), so a busy or single-threaded executor slows a call but cannot deadlock it.
 * </ul>
 *
 * <p>Small work stays on the calling thread whatever is asked: a batch of one chunk, and any call
 * whose rows times parameters is too small to pay for waking a helper. A value; immutable.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder().learningRate(0.001).epochs(50)
 *         .parallelism(Parallelism.threads(4))
 *         .build();
 * Network trained = trainer.train(network, data).network();   // the bits of Parallelism.sequential()
 * Matrix outputs = trained.predict(data.inputs(), Parallelism.threads(2)); // the bits of predict(inputs)
 * }</pre>
 */
public final class Parallelism {

    private static final Parallelism SEQUENTIAL = new Parallelism(1, null);

    private final int workers;
    private final Executor executor;

    private Parallelism(int workers, Executor executor) {
        this.workers = workers;
        this.executor = executor;
    }

    /** {@return the calling thread alone: no thread is made or used} */
    public static Parallelism sequential() {
        return SEQUENTIAL;
    }

    /**
     * Returns up to {@code count} workers: the calling thread and {@code count - 1} threads made by
     * each call that needs them and joined before it returns.
     *
     * @param count the number of workers, at least 1 ({@code threads(1)} is {@link #sequential()})
     * @return the parallelism
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public static Parallelism threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, got " + count);
        }
        return count == 1 ? SEQUENTIAL : new Parallelism(count, null);
    }

    /**
     * Returns up to {@code workers} workers: the calling thread and {@code workers - 1} tasks submitted
     * to {@code executor} for each parallel step. The executor is the caller's: it is never shut down.
     *
     * @param executor the executor that runs the helper tasks
     * @param workers the number of workers, the calling thread included, at least 1
     * @return the parallelism
     * @throws IllegalArgumentException if {@code executor} is null or {@code workers} is below 1
     */
    public static Parallelism executor(Executor executor, int workers) {
        if (executor == null) {
            throw new IllegalArgumentException("executor is null");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("worker count must be at least 1, got " + workers);
        }
        return new Parallelism(workers, executor);
    }

    /** {@return the number of workers, the calling thread included} */
    public int workers() {
        return workers;
    }

    /** The caller's executor, or null when the call makes its own threads (or uses none). */
    Executor executorOrNull() {
        return executor;
    }

    /** {@return whether this and {@code obj} ask for the same workers from the same executor (by identity)} */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Parallelism other && workers == other.workers && executor == other.executor;
    }

    @Override
    public int hashCode() {
        return 31 * workers + System.identityHashCode(executor);
    }

    /** {@return a description: {@code "sequential"}, {@code "threads(4)"} or {@code "executor(..., 4)"}} */
    @Override
    public String toString() {
        if (workers == 1 && executor == null) {
            return "sequential";
        }
        return executor == null ? "threads(" + workers + ")" : "executor(" + Objects.toString(executor) + ", " + workers
                + ")";
    }
}
