package io.github.diynn.core;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workers of one call (or of one {@link ParallelEvaluator} until it is closed): runs a numbered
 * set of tasks on the calling thread and the helpers a {@link Parallelism} allows, and returns when
 * every task is done. Which worker runs which task is left to chance; the tasks must write only
 * their own results and the worker's own buffers (the worker's index says which), so the outcome
 * cannot depend on it.
 *
 * <p>Helpers: with {@link Parallelism#threads(int)}, daemon threads made at the first parallel run and
 * joined by {@link #close()}; with an executor, {@code workers - 1} tasks submitted per run. The
 * calling thread is worker 0 and takes tasks too, so a run finishes even if no helper ever starts. A
 * run is a {@link Run}: the caller closes it when the tasks are taken and waits only for helpers that
 * entered it; a helper that starts after that finds it closed and leaves at once, touching nothing.
 *
 * <p>Failures: every task runs even when one throws, and the run rethrows the failure of the
 * lowest-numbered task, so the same data fails with the same exception whatever the thread count
 * (runtime exceptions and errors as they are). A helper thread that is interrupted ends its thread; the
 * next run (or {@link #close()}) then throws a {@link CancellationException} naming it. A calling
 * thread that is interrupted makes the next parallel run throw one, interrupt status kept.
 *
 * <p>Not thread-safe: one caller at a time (the owner's thread).
 */
final class WorkerTeam implements AutoCloseable {

    /** One numbered task, run by worker {@code worker} ({@code 0} is the calling thread). */
    interface Task {
        void run(int task, int worker);
    }

    private final int workers;
    private final Executor executor;
    private final String name;
    private final Object lock = new Object();
    /** Own helper threads, made by the first parallel run; guarded by {@link #lock}. */
    private Thread[] threads;
    private Run current;
    private long generation;
    private boolean closed;
    private volatile String helperFailure;

    WorkerTeam(Parallelism parallelism, String name) {
        this.workers = parallelism.workers();
        this.executor = parallelism.executorOrNull();
        this.name = name;
    }

    /** {@return the number of workers, the calling thread included} */
    int workers() {
        return workers;
    }

    /**
     * Runs tasks {@code 0 .. count - 1}: on the calling thread alone, in order, unless
     * {@code parallel} and the team has helpers.
     */
    void run(int count, boolean parallel, Task task) {
        if (!parallel || workers == 1 || count == 1) {
            for (int t = 0; t < count; t++) {
                task.run(t, 0);
            }
            return;
        }
        requireHealthy();
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the calling thread was interrupted before " + name + " ran " + count
                    + " tasks on " + workers + " workers");
        }
        Run run = new Run(count, task);
        String rejected = executor == null ? startRun(run) : submit(run);
        run.work(0);
        run.finish();
        if (rejected != null) {
            throw new IllegalStateException(name + ": the executor rejected a worker task (" + rejected + ")");
        }
        run.rethrow();
        requireHealthy();
    }

    /** Hands {@code run} to the own threads, starting them the first time. */
    private String startRun(Run run) {
        synchronized (lock) {
            if (threads == null) {
                threads = new Thread[workers - 1];
                for (int w = 1; w < workers; w++) {
                    int worker = w;
                    Thread thread = new Thread(() -> helperLoop(worker), "diynn-" + name + "-worker-" + w);
                    thread.setDaemon(true);
                    threads[w - 1] = thread;
                }
                for (Thread thread : threads) {
                    thread.start();
                }
            }
            current = run;
            generation++;
            lock.notifyAll();
        }
        return null;
    }

    /** Submits one helper task per helper to the caller's executor; returns why one was rejected, if so. */
    private String submit(Run run) {
        for (int w = 1; w < workers; w++) {
            int worker = w;
            try {
                executor.execute(() -> run.help(worker));
            } catch (RejectedExecutionException e) {
                return String.valueOf(e.getMessage());
            }
        }
        return null;
    }

    private void helperLoop(int worker) {
        long seen = 0;
        while (true) {
            Run run;
            synchronized (lock) {
                while (!closed && generation == seen) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        helperFailure = Thread.currentThread().getName() + " was interrupted";
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                seen = generation;
                run = current;
            }
            run.help(worker);
        }
    }

    private void requireHealthy() {
        String failure = helperFailure;
        if (failure != null) {
            throw new CancellationException(name + " stopped: worker thread " + failure);
        }
    }

    /**
     * Stops and joins the own helper threads (waiting through interrupts, which are kept), then
     * reports a helper that was interrupted; a team with none returns at once.
     */
    @Override
    public void close() {
        Thread[] made;
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
            made = threads;
            threads = null;
        }
        if (made != null) {
            boolean interrupted = false;
            for (Thread thread : made) {
                while (true) {
                    try {
                        thread.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        requireHealthy();
    }

    /** One parallel run: the next task to take, the helpers inside, the lowest failure. */
    private static final class Run {
        private final int count;
        private final Task task;
        private final AtomicInteger next = new AtomicInteger();
        private int inside;
        private boolean finished;
        private int failedTask = Integer.MAX_VALUE;
        private Throwable failure;

        Run(int count, Task task) {
            this.count = count;
            this.task = task;
        }

        /** A helper's part: enter unless the caller is done, take tasks, leave. */
        void help(int worker) {
            synchronized (this) {
                if (finished) {
                    return;
                }
                inside++;
            }
            try {
                work(worker);
            } finally {
                synchronized (this) {
                    inside--;
                    notifyAll();
                }
            }
        }

        void work(int worker) {
            for (int t = next.getAndIncrement(); t < count; t = next.getAndIncrement()) {
                try {
                    task.run(t, worker);
                } catch (Throwable e) { // kept, and rethrown on the calling thread by rethrow()
                    synchronized (this) {
                        if (t < failedTask) {
                            failedTask = t;
                            failure = e;
                        }
                    }
                }
            }
        }

        /** Closes the run to late helpers and waits for those inside (through interrupts, which are kept). */
        synchronized void finish() {
            finished = true;
            boolean interrupted = false;
            while (inside > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized void rethrow() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException("task " + failedTask + " failed: " + failure, failure);
            }
        }
    }
}
