package io.github.diynn.core;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * A way to compute the gradient of a loss with respect to all of a network's parameters.
 *
 * <p>The result is {@code dJ/dtheta} in the layout of {@link Network#parameters()}: a trainer
 * subtracts it. Implementations must be stateless or immutable, so one source can serve many
 * threads, and must not modify their arguments. {@link #backpropagation()} computes the exact
 * gradient; {@link FiniteDifferences} estimates it numerically, and {@link GradientCheck} compares
 * the two.
 *
 * <p>A source has one method to write, {@link #gradient(Network, Loss, Matrix, Matrix)}, so a lambda
 * will do. The trainer calls the engine's primitive,
 * {@link #lossAndGradient(BatchEvaluator, double[], double[], double[], int, double[])}: one
 * evaluation at the parameters gives the step's loss and its gradient. Its default builds the network
 * and the batch matrices and calls the two methods above; the library's sources override it to run
 * on the evaluator's buffers with nothing allocated. The trainer's {@link ParallelEvaluator} gives
 * {@link Backpropagation} and {@link FiniteDifferences} (named or not) its fixed chunks or parameter
 * ranges, on any number of threads; any other source gets the whole batch on the calling thread.
 *
 * <pre>{@code
 * GradientSource exact = GradientSource.backpropagation();
 * double[] gradient = exact.gradient(network, Loss.SUM_SQUARED_ERROR, inputs, targets); // as parameters()
 * GradientSource estimate = GradientSource.named("central differences",
 *         (net, loss, x, y) -> FiniteDifferences.central().gradient(net, loss, x, y));
 * Trainer trainer = Trainer.builder().gradientSource(estimate).learningRate(0.01).epochs(10).build();
 * }</pre>
 */
@FunctionalInterface
public interface GradientSource {

    /**
     * Returns {@code dJ/dtheta} for the given network, loss and batch.
     *
     * @param network the network at its current parameters
     * @param loss the loss {@code J}
     * @param inputs a {@code samples x inputSize} batch
     * @param targets a {@code samples x outputSize} batch
     * @return a new array of {@link Network#parameterCount()} values
     * @throws IllegalArgumentException if the batch does not fit the network (shapes named)
     */
    double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets);

    /**
     * Returns the loss at the network's parameters together with {@code dJ/dtheta}.
     *
     * <p>The default calls {@link #gradient(Network, Loss, Matrix, Matrix)} and
     * {@link Network#loss(Loss, Matrix, Matrix)}; sources that see the loss on the way (both of the
     * library's do) return it without a second evaluation.
     *
     * @param network the network at its current parameters
     * @param loss the loss {@code J}
     * @param inputs a {@code samples x inputSize} batch
     * @param targets a {@code samples x outputSize} batch
     * @return the loss and the gradient
     * @throws IllegalArgumentException if the batch does not fit the network (shapes named)
     * @throws IllegalStateException if {@link #gradient} returns null or the wrong number of values
     * @throws ArithmeticException if a prediction or the loss overflows
     */
    default LossAndGradient lossAndGradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
        double[] gradient = requireLength(gradient(network, loss, inputs, targets), network.parameterCount());
        return new LossAndGradient(network.loss(loss, inputs, targets), gradient);
    }

    /**
     * The engine's primitive: the loss of a batch at {@code parameters}, with {@code dJ/dtheta}
     * written into {@code gradient}, for networks of the evaluator's shape and its loss.
     *
     * <p>The arrays are as {@link BatchEvaluator#lossAndGradient} takes them (row-major, the first
     * {@code rows} rows used). The default builds the network and the batch as values and calls
     * {@link #lossAndGradient(Network, Loss, Matrix, Matrix)}, allocating as it goes;
     * {@link #backpropagation()} and {@link FiniteDifferences} run on the evaluator's buffers instead.
     * An implementation may change {@code parameters} while it runs but must leave every bit of it as
     * it found it.
     *
     * @param evaluator an evaluator made for the network's shape and the loss
     * @param parameters the parameters, in the layout of {@link Network#parameters()}
     * @param inputs {@code rows x inputSize} values
     * @param targets {@code rows x outputSize} values
     * @param rows the batch size, in {@code [1, evaluator.capacity()]}
     * @param gradient receives {@code dJ/dtheta}, {@code evaluator.parameterCount()} values
     * @return the loss {@code J} at {@code parameters}
     * @throws IllegalArgumentException if an array is too short, {@code rows} is out of range, or a
     *     value is NaN or infinite (the default checks the values; the library's sources trust them)
     * @throws IllegalStateException if {@link #gradient} returns null or the wrong number of values
     * @throws ArithmeticException if a prediction or the loss overflows
     */
    default double lossAndGradient(BatchEvaluator evaluator, double[] parameters, double[] inputs, double[] targets,
            int rows, double[] gradient) {
        Network network = evaluator.network(parameters);
        Matrix x = Matrix.of(rows, network.inputSize(), Arrays.copyOf(inputs, rows * network.inputSize()));
        Matrix y = Matrix.of(rows, network.outputSize(), Arrays.copyOf(targets, rows * network.outputSize()));
        LossAndGradient both = lossAndGradient(network, evaluator.loss(), x, y);
        System.arraycopy(both.rawGradient(), 0, gradient, 0, network.parameterCount());
        return both.loss();
    }

    private double[] requireLength(double[] gradient, int expected) {
        if (gradient == null || gradient.length != expected) {
            throw new IllegalStateException(describe(this) + " returned "
                    + (gradient == null ? "null" : gradient.length + " values") + " for " + expected + " parameters");
        }
        return gradient;
    }

    /**
     * Describes a source for messages and reports: its own {@code toString()} if its class has one,
     * {@code "a custom GradientSource (lambda)"} for a lambda, else the class's simple name.
     *
     * @param source the source
     * @return the description
     * @throws IllegalArgumentException if {@code source} is null
     */
    static String describe(GradientSource source) {
        if (source == null) {
            throw new IllegalArgumentException("gradient source is null");
        }
        Class<?> type = source.getClass();
        if (type.isSynthetic() || type.isHidden() || type.getSimpleName().contains("$$Lambda")) {
            return "a custom GradientSource (lambda)";
        }
        try {
            Method toString = type.getMethod("toString");
            if (toString.getDeclaringClass() != Object.class) {
                return source.toString();
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError("every class has toString()", e);
        }
        String name = type.getSimpleName();
        return "a custom GradientSource (" + (name.isEmpty() ? "anonymous class " + type.getName() : name) + ")";
    }

    /**
     * Returns the exact gradient by backpropagation, the trainer's default: one forward pass that
     * keeps every layer's pre-activations and outputs, then one backward pass. For layer {@code l}
     * with input {@code a[l-1]} (the batch for the first layer), weights {@code W[l]}, bias
     * {@code b[l]} and activation {@code f[l]}:
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
     * {@code dJ/dz = (a - y) / N}; every other pair goes through the loss gradient and the
     * activation's backward rule. The order of operations is fixed, so the same network and batch
     * give a bit-identical gradient every time. Its {@code lossAndGradient} returns the loss bit for
     * bit as {@link Network#loss(Loss, Matrix, Matrix)} from the same forward pass. The source is
     * stateless and may be shared between threads; its {@code toString()} is {@code "Backpropagation"}.
     *
     * @return the backpropagation source, one shared instance
     */
    static GradientSource backpropagation() {
        return Backpropagation.instance();
    }

    /**
     * Gives a gradient source, typically a lambda, a name for {@code toString()} and so for the
     * trainer's description and messages, which otherwise call a lambda
     * {@code "a custom GradientSource (lambda)"}.
     *
     * @param name the name, for example {@code "tutorial partials"}; not blank
     * @param source the source computing the gradients
     * @return a source that delegates every call to {@code source} and is described by {@code name}
     * @throws IllegalArgumentException if {@code name} is null or blank, or {@code source} is null
     */
    static GradientSource named(String name, GradientSource source) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a gradient source name must not be blank, got "
                    + (name == null ? "null" : "\"" + name + "\""));
        }
        if (source == null) {
            throw new IllegalArgumentException("gradient source named \"" + name + "\" is null");
        }
        return new NamedGradientSource(name, source);
    }
}
