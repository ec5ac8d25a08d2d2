package io.github.diynn.core;

/**
 * The exact gradient of a loss by backpropagation: one forward pass that keeps every layer's
 * pre-activations and outputs, then one backward pass.
 *
 * <p>For layer {@code l} with input {@code a[l-1]} (the batch for the first layer), weights
 * {@code W[l]}, bias {@code b[l]} and activation {@code f[l]}:
 *
 * <pre>  forward:   z[l] = a[l-1] W[l] + b[l],   a[l] = f[l](z[l])
 *  output:    dJ/da[L] from the loss
 *  each layer, last to first:
 *             dJ/dz[l]   = f[l] backward of dJ/da[l]     (f'(z) * dJ/da for elementwise f)
 *             dJ/dW[l]   = a[l-1]^T dJ/dz[l]
 *             dJ/db[l]   = column sums of dJ/dz[l]
 *             dJ/da[l-1] = dJ/dz[l] W[l]^T</pre>
 *
 * <p>A {@link Activation#SOFTMAX} output with {@link Loss#CROSS_ENTROPY} takes the fused step
 * {@code dJ/dz = (a - y) / N} (exact for the clamped loss too); every other pair goes through the
 * loss gradient and the activation's backward rule. The result is {@code dJ/dtheta} in the layout of
 * {@link Network#parameters()}; a trainer subtracts it. A batch of more than
 * one chunk ({@link ParallelEvaluator#chunkRows(int)} rows) is summed in fixed chunks and a fixed pairwise tree, as
 * the trainer sums it ({@link ParallelEvaluator}), here on the calling thread; the same network and
 * batch give a bit-identical gradient every time, on any number of threads.
 * The instance is stateless and may be shared between threads.
 *
 * <p>Package-private: users reach it through {@link GradientSource#backpropagation()}, the one entry
 * point.
 */
final class Backpropagation implements GradientSource {

    private static final Backpropagation INSTANCE = new Backpropagation();

    private Backpropagation() {
    }

    /** The shared, stateless instance, which {@link GradientSource#backpropagation()} returns. */
    static Backpropagation instance() {
        return INSTANCE;
    }

    /**
     * Computes {@code dJ/dtheta} of a network's loss on a batch, in the layout of
     * {@link Network#parameters()}.
     *
     * @param network the network at its current parameters; it is not changed
     * @param loss the loss {@code J}
     * @param inputs a {@code samples x inputSize} batch
     * @param targets a {@code samples x outputSize} batch
     * @return a new array of {@link Network#parameterCount()} values
     * @throws IllegalArgumentException if an argument is null, the batch does not fit the network
     *     (shapes named), or the loss rejects a target
     */
    @Override
    public double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
        if (network == null || loss == null) {
            throw new IllegalArgumentException("network and loss must not be null, got " + network
                    + " and " + loss);
        }
        network.requireBatch(inputs, targets);
        double[] gradient = new double[network.parameterCount()];
        chunked(network, loss, inputs, targets, gradient);
        return gradient;
    }

    /**
     * Computes a network's loss on a batch and {@code dJ/dtheta} from one forward pass. The loss is
     * bit for bit {@code network.loss(loss, inputs, targets)} and the gradient bit for bit
     * {@link #gradient(Network, Loss, Matrix, Matrix)}, so a trainer that needs both at the same
     * parameters (a full-batch step's loss, then the next step's gradient) saves a forward pass.
     *
     * @param network the network at its current parameters; it is not changed
     * @param loss the loss {@code J}
     * @param inputs a {@code samples x inputSize} batch
     * @param targets a {@code samples x outputSize} batch
     * @return the loss and a new gradient of {@link Network#parameterCount()} values
     * @throws IllegalArgumentException if an argument is null, the batch does not fit the network
     *     (shapes named), a value is NaN or infinite, or the loss rejects a target
     * @throws ArithmeticException if a prediction or the loss overflows, as in
     *     {@link Network#loss(Loss, Matrix, Matrix)}
     */
    @Override
    public LossAndGradient lossAndGradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
        if (network == null || loss == null) {
            throw new IllegalArgumentException("network and loss must not be null, got " + network
                    + " and " + loss);
        }
        network.requireBatch(inputs, targets);
        double[] gradient = new double[network.parameterCount()];
        double value = chunked(network, loss, inputs, targets, gradient);
        return new LossAndGradient(value, gradient);
    }

    /** The loss and gradient in the trainer's fixed chunks and tree ({@link ParallelEvaluator}), on this thread. */
    private static double chunked(Network network, Loss loss, Matrix inputs, Matrix targets, double[] gradient) {
        try (ParallelEvaluator evaluator = ParallelEvaluator.open(network, loss, inputs.rows(),
                Parallelism.sequential())) {
            return evaluator.chunked(null, inputs.raw(), targets.raw(), inputs.rows(), gradient);
        }
    }

    /**
     * Runs {@link BatchEvaluator#lossAndGradient} on the evaluator's buffers: one forward and one
     * backward pass, nothing allocated.
     *
     * @param evaluator an evaluator made for the network's shape and the loss
     * @param parameters the parameters, in the layout of {@link Network#parameters()}; not changed
     * @param inputs {@code rows x inputSize} values
     * @param targets {@code rows x outputSize} values
     * @param rows the batch size, in {@code [1, evaluator.capacity()]}
     * @param gradient receives {@code dJ/dtheta}
     * @return the loss at {@code parameters}
     */
    @Override
    public double lossAndGradient(BatchEvaluator evaluator, double[] parameters, double[] inputs, double[] targets,
            int rows, double[] gradient) {
        return evaluator.lossAndGradient(parameters, inputs, targets, rows, gradient);
    }

    @Override
    public String toString() {
        return "Backpropagation";
    }
}
