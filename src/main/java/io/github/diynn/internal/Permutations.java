package io.github.diynn.internal;

import java.util.random.RandomGenerator;

/**
 * The one home of the library's random sample order, shared by {@code data.Dataset} (shuffle and
 * splits) and the trainer's shuffled batch order, so both draw the same order from the same
 * generator state.
 *
 * <p>This package is not exported by the module: it is the library's own, not API.
 */
public final class Permutations {

    private Permutations() {
    }

    /**
     * Fills {@code order} with a uniformly random permutation of {@code 0 .. order.length - 1} by the
     * Fisher-Yates shuffle, which advances {@code random} by {@code order.length - 1} calls of
     * {@code nextInt}:
     *
     * <pre>  start from [0, 1, ..., size-1]
     *  for i = size-1 down to 1: j = random.nextInt(i + 1); swap positions i and j</pre>
     *
     * @param order receives the permutation; its previous contents do not matter
     * @param random the source of randomness, not null
     */
    public static void shuffle(int[] order, RandomGenerator random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
