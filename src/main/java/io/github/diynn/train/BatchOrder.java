package io.github.diynn.train;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The order in which an epoch visits the training samples before they are cut into batches: a
 * closed set.
 *
 * <ul>
 *   <li>{@link #shuffled()}, the default: a fresh permutation each epoch, drawn from
 *       {@code new java.util.Random(seed)} (one generator for the whole run, advanced from epoch to
 *       epoch, by the same Fisher-Yates loop as {@code Dataset.shuffle});
 *   <li>{@link #sequential()}: the samples in the order of the data, every epoch;
 *   <li>{@link #fixed(int...)}: one order given by the caller, every epoch;
 *   <li>{@link #byEpoch(IntFunction)}: the caller's order for each epoch, asked for as the epoch
 *       starts.
 * </ul>
 *
 * <p>A full-batch run (one batch holding every sample) ignores the order: the gradient of the whole
 * set does not depend on it. Orders are checked when training starts ({@link #fixed(int...)}) or when
 * given ({@link #byEpoch(IntFunction)}): each must be a permutation of {@code 0 .. samples-1}.
 */
public sealed interface BatchOrder {

    /**
     * {@return a fresh seeded shuffle each epoch, the default}
     */
    static BatchOrder shuffled() {
        return Shuffled.INSTANCE;
    }

    /**
     * {@return the samples in the order of the data, every epoch}
     */
    static BatchOrder sequential() {
        return Sequential.INSTANCE;
    }

    /**
     * Returns one order, the same every epoch.
     *
     * @param order a permutation of {@code 0 .. samples-1}, copied
     * @return the order
     * @throws IllegalArgumentException if {@code order} is null or not a permutation of its indices
     *     (the first repeated or out-of-range index named)
     */
    static BatchOrder fixed(int... order) {
        if (order == null) {
            throw new IllegalArgumentException("batch order is null");
        }
        int[] copy = order.clone();
        BatchOrders.requirePermutation(copy, copy.length, "the fixed batch order", new boolean[copy.length]);
        return new Fixed(copy);
    }

    /**
     * Returns the caller's order for each epoch, asked for when the epoch starts.
     *
     * @param orders gives the order of epoch {@code e} (from 1): a permutation of
     *     {@code 0 .. samples-1}, read and not kept
     * @return the order
     * @throws IllegalArgumentException if {@code orders} is null
     */
    static BatchOrder byEpoch(IntFunction<int[]> orders) {
        if (orders == null) {
            throw new IllegalArgumentException("batch order function is null");
        }
        return new ByEpoch(orders);
    }

    /** {@link BatchOrder#shuffled()}. */
    enum Shuffled implements BatchOrder {
        /** The one instance. */
        INSTANCE;


        @Override
        public String toString() {
            return "shuffled";
        }
    }

    /** {@link BatchOrder#sequential()}. */
    enum Sequential implements BatchOrder {
        /** The one instance. */
        INSTANCE;


        @Override
        public String toString() {
            return "sequential";
        }
    }

    /**
     * {@link BatchOrder#fixed(int...)}.
     *
     * @param order the permutation, owned
     */
    record Fixed(int[] order) implements BatchOrder {

        /**
         * {@return a copy of the order}
         */
        @Override
        public int[] order() {
            return order.clone();
        }


        /**
         * Exact equality of the orders.
         *
         * @param obj the object to compare with
         * @return true for a fixed order with the same indices
         */
        @Override
        public boolean equals(Object obj) {
            return obj instanceof Fixed other && Arrays.equals(order, other.order);
        }

        /** {@return a hash code consistent with equals} */
        @Override
        public int hashCode() {
            return Arrays.hashCode(order);
        }

        @Override
        public String toString() {
            return "fixed order of " + order.length + " samples";
        }
    }

    /**
     * {@link BatchOrder#byEpoch(IntFunction)}.
     *
     * @param orders the order of each epoch
     */
    record ByEpoch(IntFunction<int[]> orders) implements BatchOrder {


        @Override
        public String toString() {
            return "an order per epoch";
        }
    }
}
