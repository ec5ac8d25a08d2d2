package io.github.diynn.core;

/**
 * A gradient source with a name, made by {@link GradientSource#named(String, GradientSource)}: every
 * call goes to the wrapped source. A class of its own so that {@link ParallelEvaluator} can see
 * through it and give a named library source its chunked or split evaluation.
 */
final class NamedGradientSource implements GradientSource {

    private final String name;
    private final GradientSource source;

    NamedGradientSource(String name, GradientSource source) {
        this.name = name;
        this.source = source;
    }

    /** The wrapped source, with any further names taken off. */
    GradientSource unnamed() {
        return source instanceof NamedGradientSource named ? named.unnamed() : source;
    }

    @Override
    public double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
        return source.gradient(network, loss, inputs, targets);
    }

    @Override
    public LossAndGradient lossAndGradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
        return source.lossAndGradient(network, loss, inputs, targets);
    }

    @Override
    public double lossAndGradient(BatchEvaluator evaluator, double[] parameters, double[] inputs, double[] targets,
            int rows, double[] gradient) {
        return source.lossAndGradient(evaluator, parameters, inputs, targets, rows, gradient);
    }

    @Override
    public String toString() {
        return name;
    }
}
