package io.github.diynn.train;

/**
 * The closed set of learning-rate schedules: the learning rate as a function of the epoch.
 *
 * <p>The rate is fixed within an epoch (every step of epoch {@code e} uses {@code rate(e)}); epochs
 * count from 1. Every schedule is an immutable value; its powers and cosines use {@link StrictMath},
 * so a schedule gives the same bits on every JVM.
 */
public sealed interface LearningRateSchedule
        permits LearningRateSchedule.Constant, LearningRateSchedule.StepDecay,
        LearningRateSchedule.ExponentialDecay, LearningRateSchedule.Cosine {

    /**
     * Returns the learning rate of an epoch.
     *
     * @param epoch the epoch, from 1
     * @return the learning rate, finite and greater than 0 for every valid epoch
     * @throws IllegalArgumentException if {@code epoch} is less than 1
     */
    double rate(int epoch);

    /**
     * The same rate in every epoch.
     *
     * @param rate the learning rate, finite and greater than 0
     * @return the schedule
     * @throws IllegalArgumentException if {@code rate} is not a finite positive number
     */
    static LearningRateSchedule constant(double rate) {
        return new Constant(rate);
    }

    /**
     * A rate multiplied by {@code factor} every {@code stepEpochs} epochs.
     *
     * @param initialRate the rate of epoch 1, finite and greater than 0
     * @param factor the multiplier, in {@code (0, 1]}
     * @param stepEpochs the epochs between decays, at least 1
     * @return the schedule
     * @throws IllegalArgumentException if an argument is out of range (named)
     */
    static LearningRateSchedule stepDecay(double initialRate, double factor, int stepEpochs) {
        return new StepDecay(initialRate, factor, stepEpochs);
    }

    /**
     * A rate multiplied by {@code decay} every epoch.
     *
     * @param initialRate the rate of epoch 1, finite and greater than 0
     * @param decay the multiplier per epoch, in {@code (0, 1]}
     * @return the schedule
     * @throws IllegalArgumentException if an argument is out of range (named)
     */
    static LearningRateSchedule exponentialDecay(double initialRate, double decay) {
        return new ExponentialDecay(initialRate, decay);
    }

    /**
     * A half cosine from {@code initialRate} down to {@code finalRate} over {@code epochs} epochs.
     *
     * @param initialRate the rate of epoch 1, finite and greater than 0
     * @param finalRate the rate reached at epoch {@code epochs + 1} and kept after, finite, greater
     *     than 0 and at most {@code initialRate}
     * @param epochs the length of the descent, at least 1
     * @return the schedule
     * @throws IllegalArgumentException if an argument is out of range (named)
     */
    static LearningRateSchedule cosine(double initialRate, double finalRate, int epochs) {
        return new Cosine(initialRate, finalRate, epochs);
    }

    /**
     * A constant rate.
     *
     * <pre>  rate(e) = rate</pre>
     *
     * @param rate the learning rate, finite and greater than 0
     */
    record Constant(double rate) implements LearningRateSchedule {
        /**
         * Checks the rate.
         *
         * @param rate the learning rate, finite and greater than 0
         * @throws IllegalArgumentException if {@code rate} is not a finite positive number
         */
        public Constant {
            requireRate("learning rate", rate);
        }

        @Override
        public double rate(int epoch) {
            requireEpoch(epoch);
            return rate;
        }
    }

    /**
     * Step decay.
     *
     * <pre>  rate(e) = initialRate * factor^floor((e - 1) / stepEpochs)</pre>
     *
     * @param initialRate the rate of epoch 1, finite and greater than 0
     * @param factor the multiplier, in {@code (0, 1]}
     * @param stepEpochs the epochs between decays, at least 1
     */
    record StepDecay(double initialRate, double factor, int stepEpochs) implements LearningRateSchedule {
        /**
         * Checks the arguments.
         *
         * @param initialRate the rate of epoch 1, finite and greater than 0
         * @param factor the multiplier, in {@code (0, 1]}
         * @param stepEpochs the epochs between decays, at least 1
         * @throws IllegalArgumentException if an argument is out of range (named)
         */
        public StepDecay {
            requireRate("initial learning rate", initialRate);
            requireFactor("step decay factor", factor);
            if (stepEpochs < 1) {
                throw new IllegalArgumentException("step decay needs stepEpochs >= 1, got " + stepEpochs);
            }
        }

        @Override
        public double rate(int epoch) {
            requireEpoch(epoch);
            return positive(initialRate * StrictMath.pow(factor, (epoch - 1) / stepEpochs));
        }
    }

    /**
     * Exponential decay.
     *
     * <pre>  rate(e) = initialRate * decay^(e - 1)</pre>
     *
     * @param initialRate the rate of epoch 1, finite and greater than 0
     * @param decay the multiplier per epoch, in {@code (0, 1]}
     */
    record ExponentialDecay(double initialRate, double decay) implements LearningRateSchedule {
        /**
         * Checks the arguments.
         *
         * @param initialRate the rate of epoch 1, finite and greater than 0
         * @param decay the multiplier per epoch, in {@code (0, 1]}
         * @throws IllegalArgumentException if an argument is out of range (named)
         */
        public ExponentialDecay {
            requireRate("initial learning rate", initialRate);
            requireFactor("exponential decay", decay);
        }

        @Override
        public double rate(int epoch) {
            requireEpoch(epoch);
            return positive(initialRate * StrictMath.pow(decay, epoch - 1));
        }
    }

    /**
     * Cosine annealing.
     *
     * <pre>  rate(e) = finalRate + (initialRate - finalRate) * (1 + cos(pi * (e - 1) / epochs)) / 2
     *  for e &lt;= epochs + 1, and finalRate after</pre>
     *
     * @param initialRate the rate of epoch 1, finite and greater than 0
     * @param finalRate the rate from epoch {@code epochs + 1} on, greater than 0 and at most
     *     {@code initialRate}
     * @param epochs the length of the descent, at least 1
     */
    record Cosine(double initialRate, double finalRate, int epochs) implements LearningRateSchedule {
        /**
         * Checks the arguments.
         *
         * @param initialRate the rate of epoch 1, finite and greater than 0
         * @param finalRate the final rate, greater than 0 and at most {@code initialRate}
         * @param epochs the length of the descent, at least 1
         * @throws IllegalArgumentException if an argument is out of range (named)
         */
        public Cosine {
            requireRate("initial learning rate", initialRate);
            requireRate("final learning rate", finalRate);
            if (finalRate > initialRate) {
                throw new IllegalArgumentException("cosine final learning rate " + finalRate
                        + " exceeds the initial rate " + initialRate);
            }
            if (epochs < 1) {
                throw new IllegalArgumentException("cosine schedule needs epochs >= 1, got " + epochs);
            }
        }

        @Override
        public double rate(int epoch) {
            requireEpoch(epoch);
            if (epoch > epochs) {
                return finalRate;
            }
            double progress = (epoch - 1) / (double) epochs;
            return finalRate + (initialRate - finalRate) * (1.0 + StrictMath.cos(StrictMath.PI * progress)) / 2.0;
        }
    }

    private static void requireRate(String name, double rate) {
        if (!(rate > 0.0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + rate);
        }
    }

    private static void requireFactor(String name, double factor) {
        if (!(factor > 0.0 && factor <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + factor);
        }
    }

    private static void requireEpoch(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("epochs count from 1, got " + epoch);
        }
    }

    /** Keeps a decayed rate above 0 when the power underflows, so the documented range holds. */
    private static double positive(double rate) {
        return rate > 0.0 ? rate : Double.MIN_NORMAL;
    }
}
