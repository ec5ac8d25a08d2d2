package io.github.diynn.io;

import io.github.diynn.core.Activation;
import io.github.diynn.core.LeakyRelu;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The one place that maps activations to the names a model file stores and back.
 *
 * <p>Most activations are a bare name ({@code "activation": "SIGMOID"}). An activation with a
 * parameter stores it in a member right after the name, from format version 2 on: the leaky ReLU
 * is {@code "activation": "LEAKY_RELU", "slope": 0.01}. The reader asks {@link #takesSlope(String)}
 * whether to read that member; the writer asks {@link #slopeOf(Activation)} whether to write it.
 *
 * <p>Names are listed explicitly rather than taken from {@code Activation.valueOf}, so the mapping
 * survives {@code Activation} becoming a sealed class, and a file's names stay fixed even if a Java
 * name changes.
 */
final class ActivationCodec {

    /** The name of the leaky ReLU, the one activation with a parameter (its slope for z &lt; 0). */
    static final String LEAKY_RELU = "LEAKY_RELU";

    /** The activations without parameters, by the name a file stores; the order is the one messages list. */
    private static final Map<String, Activation> PLAIN = plain();

    private ActivationCodec() {
    }

    private static Map<String, Activation> plain() {
        Map<String, Activation> plain = new LinkedHashMap<>();
        plain.put("IDENTITY", Activation.IDENTITY);
        plain.put("SIGMOID", Activation.SIGMOID);
        plain.put("TANH", Activation.TANH);
        plain.put("RELU", Activation.RELU);
        plain.put("SOFTMAX", Activation.SOFTMAX);
        return plain;
    }

    /** Every name a file may hold, for messages. */
    static List<String> knownNames() {
        List<String> names = new ArrayList<>(PLAIN.keySet());
        names.add(LEAKY_RELU);
        return List.copyOf(names);
    }

    /**
     * Returns the name a file stores for an activation.
     *
     * @throws IllegalArgumentException if this format cannot store the activation (a parameterized
     *     activation whose parameter {@link #slopeOf(Activation)} does not know), so that nothing is
     *     written that would load as another activation
     */
    static String nameOf(Activation activation) {
        String name = activation.name();
        boolean plain = activation.equals(PLAIN.get(name));
        if (!plain && !(name.equals(LEAKY_RELU) && slopeOf(activation).isPresent())) {
            throw new IllegalArgumentException("activation " + name + " cannot be stored in a model file of version "
                    + ModelFile.FORMAT_VERSION + "; known: " + knownNames());
        }
        return name;
    }

    /** Returns the slope to store after the name, present only for the leaky ReLU. */
    static OptionalDouble slopeOf(Activation activation) {
        return activation instanceof LeakyRelu leaky ? OptionalDouble.of(leaky.slope()) : OptionalDouble.empty();
    }

    /** Tells whether a stored name is followed by a {@code "slope"} member. */
    static boolean takesSlope(String name) {
        return name.equals(LEAKY_RELU);
    }

    /**
     * Returns the activation stored under a name that takes no parameter.
     *
     * @throws IllegalArgumentException if the name is unknown (the known names listed) or takes a slope
     */
    static Activation parse(String name) {
        Activation activation = PLAIN.get(name);
        if (activation == null) {
            throw new IllegalArgumentException("activation \"" + name + "\" is unknown; known: " + knownNames());
        }
        return activation;
    }

    /**
     * Returns the activation stored under a name that takes a slope, with that slope.
     *
     * @throws IllegalArgumentException if the activation cannot be built with this slope or in this build
     */
    static Activation parse(String name, double slope) {
        if (!name.equals(LEAKY_RELU)) {
            throw new IllegalArgumentException("activation \"" + name + "\" takes no slope; known: " + knownNames());
        }
        return Activation.leakyRelu(slope); // validates the slope, naming it
    }
}
