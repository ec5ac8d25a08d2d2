package io.github.diynn.train;

import io.github.diynn.internal.Permutations;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Fills an epoch's sample order for each member of the closed set {@link BatchOrder}. */
final class BatchOrders {

    private BatchOrders() {
    }

    /**
     * Writes the order of {@code epoch} into {@code order} ({@code samples} long). A shuffle draws
     * from {@code random} by {@code internal.Permutations}, the shuffle {@code Dataset.shuffle} uses
     * too (identity, then Fisher-Yates from the top); {@code seen}
     * is scratch for checking a caller's order.
     */
    static void fill(BatchOrder batchOrder, int[] order, int epoch, RandomGenerator random, boolean[] seen) {
        if (batchOrder instanceof BatchOrder.Shuffled) {
            Permutations.shuffle(order, random);
        } else if (batchOrder instanceof BatchOrder.Sequential) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        } else if (batchOrder instanceof BatchOrder.Fixed fixed) {
            int[] given = fixed.order();
            if (given.length != order.length) {
                throw new IllegalArgumentException("the fixed batch order has " + given.length + " indices for "
                        + order.length + " samples");
            }
            System.arraycopy(given, 0, order, 0, order.length);
        } else {
            int[] given = ((BatchOrder.ByEpoch) batchOrder).orders().apply(epoch);
            if (given == null) {
                throw new IllegalArgumentException("the batch order of epoch " + epoch + " is null");
            }
            requirePermutation(given, order.length, "the batch order of epoch " + epoch, seen);
            System.arraycopy(given, 0, order, 0, order.length);
        }
    }

    /**
     * Checks that {@code order} is a permutation of {@code 0 .. samples-1}, naming the first index
     * out of range or repeated, using {@code seen} ({@code samples} long) as scratch.
     */
    static void requirePermutation(int[] order, int samples, String what, boolean[] seen) {
        if (order.length != samples) {
            throw new IllegalArgumentException(what + " has " + order.length + " indices for " + samples + " samples");
        }
        Arrays.fill(seen, false);
        for (int k = 0; k < samples; k++) {
            int index = order[k];
            if (index < 0 || index >= samples) {
                throw new IllegalArgumentException(what + ": index " + index + " at position " + k
                        + " is outside [0, " + samples + ")");
            }
            if (seen[index]) {
                throw new IllegalArgumentException(what + ": index " + index + " at position " + k
                        + " appears twice; an order must visit every sample once");
            }
            seen[index] = true;
        }
    }
}
