package io.github.diynn.core;

import java.util.random.RandomGenerator;

/**
 * The closed set of ways to draw a dense layer's initial weights; biases always start at 0.
 *
 * <p>Each weight is one draw from the given generator, taken layer by layer and row by row, so the
 * same seed gives the same network. {@code fanIn} is the layer's input size and {@code fanOut} its
 * output size. {@link #STANDARD_NORMAL} is the tutorial's {@code np.random.randn} and the default of
 * {@link Network.Builder}.
 */
public enum Initializer {

    /** The standard normal distribution, {@code w ~ N(0, 1)}; one {@code nextGaussian()} per weight. */
    STANDARD_NORMAL {
        @Override
        public double draw(RandomGenerator random, int fanIn, int fanOut) {
            return random.nextGaussian();
        }
    },

    /**
     * Glorot and Bengio's uniform initialization, suited to sigmoid and tanh layers.
     *
     * <pre>  w ~ U(-a, a),  a = sqrt(6 / (fanIn + fanOut))</pre>
     *
     * <p>One {@code nextDouble()} per weight, mapped to {@code -a + 2 a u}.
     */
    XAVIER_UNIFORM {
        @Override
        public double draw(RandomGenerator random, int fanIn, int fanOut) {
            double limit = Math.sqrt(6.0 / ((double) fanIn + fanOut));
            return -limit + 2.0 * limit * random.nextDouble();
        }
    },

    /**
     * Glorot and Bengio's normal initialization.
     *
     * <pre>  w ~ N(0, 2 / (fanIn + fanOut))</pre>
     */
    XAVIER_NORMAL {
        @Override
        public double draw(RandomGenerator random, int fanIn, int fanOut) {
            return Math.sqrt(2.0 / ((double) fanIn + fanOut)) * random.nextGaussian();
        }
    },

    /**
     * He et al.'s normal initialization, suited to ReLU layers.
     *
     * <pre>  w ~ N(0, 2 / fanIn)</pre>
     */
    HE_NORMAL {
        @Override
        public double draw(RandomGenerator random, int fanIn, int fanOut) {
            return Math.sqrt(2.0 / fanIn) * random.nextGaussian();
        }
    },

    /**
     * He et al.'s uniform initialization.
     *
     * <pre>  w ~ U(-a, a),  a = sqrt(6 / fanIn)</pre>
     */
    HE_UNIFORM {
        @Override
        public double draw(RandomGenerator random, int fanIn, int fanOut) {
            double limit = Math.sqrt(6.0 / fanIn);
            return -limit + 2.0 * limit * random.nextDouble();
        }
    };

    /**
     * Draws one weight.
     *
     * @param random the generator; it is advanced by one draw
     * @param fanIn the layer's input size, at least 1
     * @param fanOut the layer's output size, at least 1
     * @return the weight
     */
    public abstract double draw(RandomGenerator random, int fanIn, int fanOut);

    /**
     * Draws a whole {@code fanIn x fanOut} weight matrix, row by row.
     *
     * @param random the generator; it is advanced by {@code fanIn * fanOut} draws
     * @param fanIn the layer's input size, at least 1
     * @param fanOut the layer's output size, at least 1
     * @return a new {@code fanIn x fanOut} matrix
     * @throws IllegalArgumentException if {@code random} is null or a size is less than 1
     */
    public Matrix weights(RandomGenerator random, int fanIn, int fanOut) {
        if (random == null) {
            throw new IllegalArgumentException(name() + ": random generator is null");
        }
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException(name() + ": a layer needs sizes >= 1, got " + fanIn + "x"
                    + fanOut);
        }
        double[] values = new double[Math.multiplyExact(fanIn, fanOut)];
        for (int k = 0; k < values.length; k++) {
            values[k] = draw(random, fanIn, fanOut);
        }
        return Matrix.wrap(fanIn, fanOut, values);
    }
}
