package io.github.diynn.core;

/**
 * Evaluates the loss and gradient of batches of any size in fixed chunks of rows, on the workers a
 * {@link Parallelism} gives, with bits that do not depend on the number of workers: the engine under
 * {@code Trainer}, {@link Network#loss(Loss, Matrix, Matrix)} and the library's gradient sources.
 *
 * <p><b>Chunks and the tree.</b> A batch of {@code N} rows is cut into chunks of {@code R} rows
 * (rows {@code [R c, R c + R)}, the last one shorter), where {@code R} = {@link #chunkRows(int)} is
 * a function of the network's parameter count alone, never of the thread count: the least multiple
 * of {@value #CHUNK_ROWS} rows whose work (rows times parameters) reaches {@value #SMALL_WORK}, so
 * that every chunk is worth a thread (64 rows for a network of 1,024 parameters or more, such as the
 * digits' 64-32-10; 7,296 rows for the tutorial's 2-3-1 of 9 parameters, whose 150 rows are then one chunk). Each chunk's loss and gradient are computed as its
 * share of the batch's (a mean divides by {@code N}, not by the chunk's rows), each into a slot of
 * its own, by whichever worker takes it. The slots are then added in a fixed pairwise tree:
 *
 * <pre>  level 1: s0 + s1, s2 + s3, s4 + s5, ...      (an odd last slot is carried up unchanged)
 *  level 2: (s0 + s1) + (s2 + s3), ...
 *  ... until one sum is left: the node at level j, index i, is the sum over chunks
 *      [i 2^j, min((i + 1) 2^j, C)) of C, left subtree + right subtree</pre>
 *
 * <p>Each worker adds the chunks of a whole subtree as it goes (a subtree of {@code 2^k} chunks is one
 * task, {@code k} the least giving at most {@value #MAX_TASKS} tasks), which computes exactly the
 * tree's nodes, so memory stays at about {@value #MAX_TASKS} gradients for any batch. A batch of one
 * chunk ({@code N <= R}) is evaluated in one pass, exactly as {@link BatchEvaluator} does, on the
 * calling thread.
 *
 * <p><b>Finite differences</b> ({@link FiniteDifferences}) are split by parameter instead: each worker
 * estimates a range of parameters on its own copy of them, each probe being a function of the
 * parameters and the whole batch alone, so the split does not change a bit. The loss returned with
 * the estimate is the chunked loss above, as for every source (for a batch of one chunk, the
 * estimate's own unperturbed loss, which is that one pass). A source
 * {@linkplain GradientSource#named named} is seen through. Any other {@link GradientSource}
 * gets the whole batch on the calling thread, through
 * {@link GradientSource#lossAndGradient(BatchEvaluator, double[], double[], double[], int, double[])}.
 *
 * <p><b>Threads.</b> Work whose rows times parameters is below {@value #SMALL_WORK} (a
 * finite-difference estimate: rows times parameters squared below {@value #SMALL_ESTIMATE}) stays on
 * the calling thread, with the same chunks and tree. Threads of {@link Parallelism#threads(int)} are
 * made at the first call worth splitting and joined by {@link #close()}; use try-with-resources. A
 * worker's failure is rethrown on the calling thread: an {@link ArithmeticException} or
 * {@link IllegalArgumentException} keeps its type (with the chunk's rows named), anything else becomes
 * an {@link IllegalStateException} naming the chunk; when several chunks fail, the first chunk's
 * failure is reported, whatever the thread count.
 *
 * <p><b>Not thread-safe</b>: an evaluator is a workspace of one caller (its helpers are its own).
 */
public final class ParallelEvaluator implements AutoCloseable {

    /** The rows of the smallest chunk, {@value}; every chunk is a multiple of it ({@link #chunkRows(int)}). */
    public static final int CHUNK_ROWS = 64;

    /**
     * The rows of one chunk for a network of {@code parameterCount} parameters: the least multiple
     * of {@link #CHUNK_ROWS} whose rows times parameters reach {@link #SMALL_WORK}, the least work a
     * thread is worth. A function of the network alone (64 rows for the digits' 64-32-10 and any
     * larger network; 7,296 for the tutorial's 2-3-1 of 9 parameters, so that its 150 rows are one chunk),
     * never of the thread count: chunks smaller than that would never run on a thread of their own,
     * and would only cost a gather and a tree.
     *
     * @param parameterCount the network's parameters, at least 1
     * @return the rows of a chunk, a multiple of {@link #CHUNK_ROWS}
     */
    public static int chunkRows(int parameterCount) {
        long perChunk = (long) CHUNK_ROWS * Math.max(1, parameterCount);
        long chunks = Math.max(1, (SMALL_WORK + perChunk - 1) / perChunk);
        return (int) (chunks * CHUNK_ROWS);
    }

    /** The largest number of gradient tasks (subtrees of chunks) of one batch. */
    static final int MAX_TASKS = 32;

    /** Rows times parameters below which a gradient, loss or prediction stays on the calling thread. */
    static final long SMALL_WORK = 1L << 16;

    /** Rows times parameters squared below which a finite-difference estimate stays on the calling thread. */
    static final long SMALL_ESTIMATE = 1L << 22;

    private final Network network;
    private final Loss loss;
    private final int capacity;
    private final Parallelism parallelism;
    private final WorkerTeam team;
    private final int parameterCount;
    /** The rows of a chunk for this network ({@link #chunkRows(int)}). */
    private final int chunkRows;
    private final int inputSize;
    private final int outputSize;
    /** Per worker: an evaluator of one chunk, its gather buffers, its subtree scratch gradients. */
    private final BatchEvaluator[] chunkEvaluators;
    private final double[][] chunkInputs;
    private final double[][] chunkTargets;
    private final double[][][] scratch;
    /** Per worker: an evaluator of a whole batch (finite differences, other sources) and a parameter copy. */
    private final BatchEvaluator[] wholeEvaluators;
    private final double[][] thetaCopies;
    /** Each task's gradient (slot 0 is the caller's array), and each chunk's loss. */
    private double[][] taskGradients;
    private double[] chunkLosses;
    private final WorkerTeam.Task gradientTask = this::gradientTask;
    private final WorkerTeam.Task lossTask = this::lossTask;
    private final WorkerTeam.Task estimateTask = this::estimateTask;

    /* The call in progress, read by the tasks (published to helpers by the team's hand-over). */
    private double[] callParameters;
    private double[] callInputs;
    private double[] callTargets;
    private double[] callGradient;
    private int callRows;
    private int callChunks;
    private int callLevel;
    private int callTasks;
    private FiniteDifferences callEstimator;

    private ParallelEvaluator(Network network, Loss loss, int capacity, Parallelism parallelism) {
        this.network = network;
        this.loss = loss;
        this.capacity = capacity;
        this.parallelism = parallelism;
        this.team = new WorkerTeam(parallelism, "ParallelEvaluator");
        this.parameterCount = network.parameterCount();
        this.chunkRows = chunkRows(parameterCount);
        this.inputSize = network.inputSize();
        this.outputSize = network.outputSize();
        int workers = parallelism.workers();
        this.chunkEvaluators = new BatchEvaluator[workers];
        this.chunkInputs = new double[workers][];
        this.chunkTargets = new double[workers][];
        this.scratch = new double[workers][][];
        this.wholeEvaluators = new BatchEvaluator[workers];
        this.thetaCopies = new double[workers][];
    }

    /**
     * Makes an evaluator for networks shaped like {@code network}, the loss {@code loss}, batches of
     * up to {@code capacity} rows and the workers of {@code parallelism}. No thread is made yet.
     *
     * @param network a network of the shape to evaluate; its parameters are not used
     * @param loss the loss {@code J}
     * @param capacity the largest batch, at least 1
     * @param parallelism the workers to use
     * @return a new evaluator; close it to join its threads
     * @throws IllegalArgumentException if an argument is null or the capacity is below 1
     */
    public static ParallelEvaluator open(Network network, Loss loss, int capacity, Parallelism parallelism) {
        if (network == null || loss == null || parallelism == null) {
            throw new IllegalArgumentException("a parallel evaluator needs a network, a loss and a parallelism, got "
                    + network + ", " + loss + " and " + parallelism);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("evaluator capacity must be at least 1 row, got " + capacity);
        }
        return new ParallelEvaluator(network, loss, capacity, parallelism);
    }

    /** {@return the largest batch, in rows, a call may pass} */
    public int capacity() {
        return capacity;
    }

    /** {@return the loss this evaluator computes} */
    public Loss loss() {
        return loss;
    }

    /** {@return the workers this evaluator may use} */
    public Parallelism parallelism() {
        return parallelism;
    }

    /** {@return the number of parameters, the length of every parameter and gradient array} */
    public int parameterCount() {
        return parameterCount;
    }

    /**
     * Computes the loss of the batch at {@code parameters} and writes {@code dJ/dtheta}, as
     * {@code source} defines it, into {@code gradient}: chunked for {@link Backpropagation}, split by
     * parameter for {@link FiniteDifferences}, the whole batch on the calling thread for any other source.
     *
     * @param source the gradient source
     * @param parameters the parameters, in the layout of {@link Network#parameters()}; not changed
     * @param inputs {@code rows x inputSize} values, row-major, finite; not changed
     * @param targets {@code rows x outputSize} values, row-major, finite; not changed
     * @param rows the batch size, in {@code [1, capacity()]}
     * @param gradient receives {@code dJ/dtheta} ({@link #parameterCount()} values; a trainer subtracts it)
     * @return the loss {@code J}, the chunked sum (for another source, what it returns)
     * @throws IllegalArgumentException if an array is null or too short, {@code rows} is outside
     *     {@code [1, capacity()]}, or the source rejects the batch or the parameters
     * @throws ArithmeticException if an output or the loss is not finite (naming the chunk and entry)
     * @throws IllegalStateException if a worker failed otherwise (naming the chunk)
     * @throws java.util.concurrent.CancellationException if a worker thread or the calling thread was
     *     interrupted
     */
    public double lossAndGradient(GradientSource source, double[] parameters, double[] inputs, double[] targets,
            int rows, double[] gradient) {
        if (source == null) {
            throw new IllegalArgumentException("gradient source is null");
        }
        requireBatch(parameters, inputs, targets, rows);
        requireLength(gradient, parameterCount, "gradient");
        GradientSource unnamed = source instanceof NamedGradientSource named ? named.unnamed() : source;
        if (unnamed instanceof Backpropagation) {
            return chunked(parameters, inputs, targets, rows, gradient);
        }
        if (unnamed instanceof FiniteDifferences estimator) {
            if (rows <= chunkRows && !splitsEstimate(rows)) {
                // One chunk, one range: the estimate's own J(theta) is the chunked loss (one pass).
                return wholeEvaluator(0).finiteDifferences(estimator.scheme() == FiniteDifferences.Scheme.FORWARD,
                        estimator.step(), parameters, inputs, targets, rows, gradient);
            }
            double value = chunked(parameters, inputs, targets, rows, null); // an overflow is named as for backprop
            estimate(estimator, parameters, inputs, targets, rows, gradient);
            return value;
        }
        return source.lossAndGradient(wholeEvaluator(0), parameters, inputs, targets, rows, gradient);
    }

    /**
     * Computes the loss of the batch at {@code parameters}: the chunked sum, with the bits of the
     * loss {@link #lossAndGradient} returns for {@link Backpropagation}.
     *
     * @param parameters the parameters, in the layout of {@link Network#parameters()}; not changed
     * @param inputs {@code rows x inputSize} values, row-major, finite; not changed
     * @param targets {@code rows x outputSize} values, row-major, finite; not changed
     * @param rows the batch size, in {@code [1, capacity()]}
     * @return the loss {@code J}
     * @throws IllegalArgumentException if an array is null or too short or {@code rows} is outside
     *     {@code [1, capacity()]}
     * @throws ArithmeticException if an output or the loss is not finite (naming the chunk and entry)
     * @throws java.util.concurrent.CancellationException if a worker thread or the calling thread was
     *     interrupted
     */
    public double loss(double[] parameters, double[] inputs, double[] targets, int rows) {
        requireBatch(parameters, inputs, targets, rows);
        return chunked(parameters, inputs, targets, rows, null);
    }

    /** Joins the threads this evaluator made, if any; it must not be used after. */
    @Override
    public void close() {
        team.close();
    }

    // ------------------------------------------------------------------ chunks and the tree

    /**
     * The chunked loss, and with a non-null {@code gradient} the chunked gradient, at
     * {@code parameters} (null: the network's own). A batch of one chunk is one pass, no gather.
     */
    double chunked(double[] parameters, double[] inputs, double[] targets, int rows, double[] gradient) {
        if (rows <= chunkRows) {
            BatchEvaluator evaluator = chunkEvaluator(0);
            return gradient == null ? evaluator.lossOfPart(parameters, inputs, targets, rows, rows)
                    : evaluator.lossAndGradientOfPart(parameters, inputs, targets, rows, rows, gradient);
        }
        int chunks = (rows + chunkRows - 1) / chunkRows;
        if (chunkLosses == null || chunkLosses.length < chunks) {
            chunkLosses = new double[chunks];
        }
        callParameters = parameters;
        callInputs = inputs;
        callTargets = targets;
        callRows = rows;
        callChunks = chunks;
        boolean parallel = (long) rows * parameterCount >= SMALL_WORK;
        try {
            if (gradient == null) {
                team.run(chunks, parallel, lossTask);
            } else {
                int level = 0;
                while ((chunks + (1 << level) - 1) >> level > MAX_TASKS) {
                    level++;
                }
                int tasks = (chunks + (1 << level) - 1) >> level;
                ensureTaskGradients(tasks);
                callLevel = level;
                callTasks = tasks;
                callGradient = gradient;
                team.run(tasks, parallel, gradientTask);
                // The levels above the tasks' subtrees, in the tree's order.
                for (int width = 1; width < tasks; width <<= 1) {
                    for (int i = 0; i + width < tasks; i += 2 * width) {
                        add(taskGradient(i), taskGradient(i + width));
                    }
                }
            }
        } finally {
            callParameters = null;
            callInputs = null;
            callTargets = null;
            callGradient = null;
        }
        double value = pairwiseSum(chunkLosses, chunks);
        if (!Double.isFinite(value)) { // every chunk's share was finite, their sum is not
            throw new ArithmeticException("the loss of a batch of " + rows + " rows overflowed: its " + chunks
                    + " chunks' losses are finite but add up to " + value);
        }
        return value;
    }

    /**
     * Adds {@code values[0 .. count)} in the pairwise tree (in place) and returns the sum. For one
     * value, that value.
     */
    static double pairwiseSum(double[] values, int count) {
        for (int width = 1; width < count; width <<= 1) {
            for (int i = 0; i + width < count; i += 2 * width) {
                values[i] = values[i] + values[i + width];
            }
        }
        return values[0];
    }

    /** {@code into[k] = into[k] + right[k]} over the parameters: a node of the tree from its two subtrees. */
    private void add(double[] into, double[] right) {
        for (int k = 0; k < parameterCount; k++) {
            into[k] = into[k] + right[k];
        }
    }

    private double[] taskGradient(int task) {
        return task == 0 ? callGradient : taskGradients[task];
    }

    private void ensureTaskGradients(int tasks) {
        if (taskGradients == null || taskGradients.length < tasks) {
            double[][] grown = new double[tasks][];
            for (int t = 1; t < tasks; t++) {
                grown[t] = taskGradients != null && t < taskGradients.length ? taskGradients[t]
                        : new double[parameterCount];
            }
            taskGradients = grown;
        }
    }

    /**
     * Task {@code task}: the subtree of chunks {@code [task 2^k, (task + 1) 2^k)}, into its slot. The
     * chunks are taken in order; after chunk {@code m} of the subtree, one merge of the two top
     * entries per trailing 1 bit of {@code m} (a binary counter), and at the end the partial
     * subtrees are merged from the right: exactly the tree's nodes.
     */
    private void gradientTask(int task, int worker) {
        int first = task << callLevel;
        int end = Math.min(callChunks, (task + 1) << callLevel);
        double[][] stack = scratch(worker, callLevel);
        stack[0] = taskGradient(task);
        int depth = 0;
        for (int m = 0; first + m < end; m++) {
            int chunk = first + m;
            chunkLosses[chunk] = chunk(chunk, worker, stack[depth]);
            depth++;
            for (int bits = m; (bits & 1) == 1; bits >>= 1) {
                add(stack[depth - 2], stack[depth - 1]);
                depth--;
            }
        }
        while (depth > 1) {
            add(stack[depth - 2], stack[depth - 1]);
            depth--;
        }
        stack[0] = null;
    }

    private void lossTask(int chunk, int worker) {
        chunkLosses[chunk] = chunk(chunk, worker, null);
    }

    /**
     * The loss of chunk {@code chunk}, as its share of the batch, and its gradient into
     * {@code gradient} when that is not null; its rows gathered into the worker's buffers.
     */
    private double chunk(int chunk, int worker, double[] gradient) {
        int from = chunk * chunkRows;
        int rows = Math.min(chunkRows, callRows - from);
        BatchEvaluator evaluator = chunkEvaluator(worker);
        double[] x = chunkInputs[worker];
        double[] y = chunkTargets[worker];
        System.arraycopy(callInputs, from * inputSize, x, 0, rows * inputSize);
        System.arraycopy(callTargets, from * outputSize, y, 0, rows * outputSize);
        try {
            return gradient == null ? evaluator.lossOfPart(callParameters, x, y, rows, callRows)
                    : evaluator.lossAndGradientOfPart(callParameters, x, y, rows, callRows, gradient);
        } catch (ArithmeticException e) {
            ArithmeticException named = new ArithmeticException(where(from, rows) + e.getMessage());
            named.initCause(e);
            throw named;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(from, rows) + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where(from, rows) + "failed on " + Thread.currentThread().getName()
                    + ": " + e, e);
        }
    }

    private String where(int from, int rows) {
        return "rows " + from + " to " + (from + rows - 1) + " of a batch of " + callRows
                + " (samples counted from row " + from + "): ";
    }

    // ------------------------------------------------------------------ finite differences

    /**
     * The finite-difference estimate into {@code gradient}: on the calling thread in one range when
     * small, else in ranges of parameters, each on a worker's own evaluator and parameter copy.
     */
    /** Whether a finite-difference estimate on {@code rows} rows is worth splitting among workers. */
    private boolean splitsEstimate(int rows) {
        return team.workers() > 1 && (long) rows * parameterCount * parameterCount >= SMALL_ESTIMATE;
    }

    private void estimate(FiniteDifferences estimator, double[] parameters, double[] inputs, double[] targets,
            int rows, double[] gradient) {
        boolean forward = estimator.scheme() == FiniteDifferences.Scheme.FORWARD;
        int workers = team.workers();
        if (!splitsEstimate(rows)) {
            wholeEvaluator(0).finiteDifferences(forward, estimator.step(), parameters, inputs, targets, rows, gradient);
            return;
        }
        callEstimator = estimator;
        callParameters = parameters;
        callInputs = inputs;
        callTargets = targets;
        callRows = rows;
        callGradient = gradient;
        callTasks = Math.min(parameterCount, 4 * workers);
        try {
            team.run(callTasks, true, estimateTask);
        } finally {
            callEstimator = null;
            callParameters = null;
            callInputs = null;
            callTargets = null;
            callGradient = null;
        }
    }

    /** Task {@code task}: the parameters {@code [task P / T, (task + 1) P / T)} of T tasks. */
    private void estimateTask(int task, int worker) {
        int from = (int) ((long) task * parameterCount / callTasks);
        int to = (int) ((long) (task + 1) * parameterCount / callTasks);
        if (thetaCopies[worker] == null) {
            thetaCopies[worker] = new double[parameterCount];
        }
        double[] theta = thetaCopies[worker];
        System.arraycopy(callParameters, 0, theta, 0, parameterCount);
        wholeEvaluator(worker).finiteDifferences(callEstimator.scheme() == FiniteDifferences.Scheme.FORWARD,
                callEstimator.step(), theta, callInputs, callTargets, callRows, callGradient, from, to);
    }

    // ------------------------------------------------------------------ buffers, made on first need

    private BatchEvaluator chunkEvaluator(int worker) {
        if (chunkEvaluators[worker] == null) {
            int rows = Math.min(chunkRows, capacity);
            chunkEvaluators[worker] = BatchEvaluator.of(network, loss, rows);
            chunkInputs[worker] = new double[rows * inputSize];
            chunkTargets[worker] = new double[rows * outputSize];
        }
        return chunkEvaluators[worker];
    }

    private BatchEvaluator wholeEvaluator(int worker) {
        if (wholeEvaluators[worker] == null) {
            wholeEvaluators[worker] = BatchEvaluator.of(network, loss, capacity);
        }
        return wholeEvaluators[worker];
    }

    /** The worker's stack of subtree sums: entry 0 is the task's slot, entries 1 to {@code level} its own. */
    private double[][] scratch(int worker, int level) {
        if (scratch[worker] == null || scratch[worker].length < level + 1) {
            double[][] grown = new double[level + 1][];
            for (int d = 1; d <= level; d++) {
                grown[d] = scratch[worker] != null && d < scratch[worker].length ? scratch[worker][d]
                        : new double[parameterCount];
            }
            scratch[worker] = grown;
        }
        return scratch[worker];
    }

    private void requireBatch(double[] parameters, double[] inputs, double[] targets, int rows) {
        if (rows < 1 || rows > capacity) {
            throw new IllegalArgumentException("a batch of " + rows + " rows is outside [1, " + capacity
                    + "], this evaluator's capacity");
        }
        requireLength(parameters, parameterCount, "parameters");
        requireLength(inputs, rows * inputSize, "inputs");
        requireLength(targets, rows * outputSize, "targets");
    }

    private static void requireLength(double[] array, int needed, String what) {
        if (array == null) {
            throw new IllegalArgumentException(what + " array is null");
        }
        if (array.length < needed) {
            throw new IllegalArgumentException(what + " array holds " + array.length + " values, needs " + needed);
        }
    }
}
