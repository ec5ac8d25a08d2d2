package io.github.diynn.core;

import java.util.List;
import java.util.stream.Stream;

/** The members of the closed set {@link Activation}, for parameterised tests. */
final class Activations {

    /** Every elementwise activation, with two leaky-ReLU slopes. */
    static final List<ElementwiseActivation> ELEMENTWISE = List.of(Activation.IDENTITY, Activation.SIGMOID,
            Activation.TANH, Activation.RELU, Activation.leakyRelu(), Activation.leakyRelu(0.3));

    /** The parameterless activations, in the order the enum of version 0.1 declared them. */
    static final List<Activation> PARAMETERLESS = List.of(Activation.IDENTITY, Activation.SIGMOID,
            Activation.TANH, Activation.RELU, Activation.SOFTMAX);

    private Activations() {
    }

    /** {@link #ELEMENTWISE}, as a {@code @MethodSource}. */
    static Stream<ElementwiseActivation> elementwise() {
        return ELEMENTWISE.stream();
    }

    /** Every activation: the elementwise ones and softmax, as a {@code @MethodSource}. */
    static Stream<Activation> all() {
        return Stream.concat(ELEMENTWISE.stream(), Stream.of(Activation.SOFTMAX));
    }

    /** The parameterless activation of that name, or a leaky ReLU of slope 0.01 for "LEAKY_RELU". */
    static Activation named(String name) {
        if (name.equals("LEAKY_RELU")) {
            return Activation.leakyRelu();
        }
        return PARAMETERLESS.stream().filter(activation -> activation.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no activation named " + name));
    }

    /** Whether {@code z} is within {@code margin} of the kink of a ReLU-like activation. */
    static boolean nearKink(Activation activation, double z, double margin) {
        return (activation == Activation.RELU || activation instanceof LeakyRelu) && Math.abs(z) < margin;
    }
}
