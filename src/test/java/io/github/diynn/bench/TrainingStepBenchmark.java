package io.github.diynn.bench;

import io.github.diynn.core.Activation;
import io.github.diynn.core.GradientSource;
import io.github.diynn.core.Loss;
import io.github.diynn.core.Matrix;
import io.github.diynn.core.Network;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full-batch training step where the exponential matters: a 150x4 batch through
 * 4 -> 16 sigmoid -> 3 softmax with cross-entropy, gradient by backpropagation, then the update.
 * The activations alone are measured too. Compare runs before and after a change to the exponential
 * (see docs/reproducibility.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainingStepBenchmark {

    private Network network;
    private Matrix inputs;
    private Matrix targets;
    private Matrix hiddenPreActivations;

    /** Builds the network and a seeded batch with one-hot targets. */
    @Setup
    public void setUp() {
        network = Network.builder(4).dense(16, Activation.SIGMOID).dense(3, Activation.SOFTMAX).build(5);
        SplittableRandom random = new SplittableRandom(5);
        double[] x = new double[150 * 4];
        double[] y = new double[150 * 3];
        for (int s = 0; s < 150; s++) {
            for (int j = 0; j < 4; j++) {
                x[4 * s + j] = random.nextDouble(-2.0, 2.0);
            }
            y[3 * s + random.nextInt(3)] = 1.0;
        }
        inputs = Matrix.of(150, 4, x);
        targets = Matrix.of(150, 3, y);
        hiddenPreActivations = network.layers().get(0).preActivation(inputs);
    }

    /**
     * The sigmoid layer's activation alone: 2,400 exponentials.
     *
     * @return the activations, so that the work is not eliminated
     */
    @Benchmark
    public Matrix sigmoidOfHiddenLayer() {
        return Activation.SIGMOID.apply(hiddenPreActivations);
    }

    /**
     * A softmax over the same 150x16 pre-activations: 2,400 exponentials.
     *
     * @return the activations, so that the work is not eliminated
     */
    @Benchmark
    public Matrix softmaxOfHiddenLayer() {
        return Activation.SOFTMAX.apply(hiddenPreActivations);
    }

    /**
     * Computes the gradient and takes one step.
     *
     * @return the updated network, so that the work is not eliminated
     */
    @Benchmark
    public Network step() {
        double[] theta = network.parameters();
        double[] gradient = GradientSource.backpropagation().gradient(network, Loss.CROSS_ENTROPY, inputs, targets);
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= 0.1 * gradient[i];
        }
        return network.withParameters(theta);
    }
}
