package io.github.diynn.train;

/**
 * The closed set of update rules that turn a gradient into a parameter step, in order of increasing
 * complexity.
 *
 * <p>An optimizer is an immutable description (its hyperparameters). The state it needs (velocities,
 * moment estimates, the step count) lives inside one {@link Trainer#train} call, starts at zero, and
 * is discarded at its end, so one optimizer may serve many trainings at once. In the formulas
 * {@code g} is {@code dJ/dtheta} on the current batch, {@code lr} the learning rate of the current
 * epoch and {@code t} the step count from 1; all operations are elementwise.
 */
public sealed interface Optimizer
        permits Optimizer.GradientDescent, Optimizer.Momentum, Optimizer.Nesterov, Optimizer.Adam,
        Optimizer.RmsProp {

    /**
     * Plain gradient descent, the tutorial's rule.
     *
     * @return the optimizer {@code theta := theta - lr * g}
     */
    static Optimizer gradientDescent() {
        return new GradientDescent();
    }

    /**
     * Momentum with coefficient 0.9.
     *
     * @return {@code momentum(0.9)}
     */
    static Optimizer momentum() {
        return new Momentum(0.9);
    }

    /**
     * Momentum (heavy ball).
     *
     * @param beta the momentum coefficient, in {@code [0, 1)}
     * @return the optimizer
     * @throws IllegalArgumentException if {@code beta} is outside {@code [0, 1)}
     */
    static Optimizer momentum(double beta) {
        return new Momentum(beta);
    }

    /**
     * Nesterov momentum with coefficient 0.9.
     *
     * @return {@code nesterov(0.9)}
     */
    static Optimizer nesterov() {
        return new Nesterov(0.9);
    }

    /**
     * Nesterov accelerated momentum.
     *
     * @param beta the momentum coefficient, in {@code [0, 1)}
     * @return the optimizer
     * @throws IllegalArgumentException if {@code beta} is outside {@code [0, 1)}
     */
    static Optimizer nesterov(double beta) {
        return new Nesterov(beta);
    }

    /**
     * Adam with the paper's defaults: {@code beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8}.
     *
     * @return the optimizer
     */
    static Optimizer adam() {
        return new Adam(0.9, 0.999, 1e-8);
    }

    /**
     * Adam (Kingma and Ba, 2015).
     *
     * @param beta1 the decay of the first-moment estimate, in {@code [0, 1)}
     * @param beta2 the decay of the second-moment estimate, in {@code [0, 1)}
     * @param epsilon the denominator's guard, finite and greater than 0
     * @return the optimizer
     * @throws IllegalArgumentException if a hyperparameter is out of range (named)
     */
    static Optimizer adam(double beta1, double beta2, double epsilon) {
        return new Adam(beta1, beta2, epsilon);
    }

    /**
     * RMSProp with {@code rho = 0.9, epsilon = 1e-8}.
     *
     * @return the optimizer
     */
    static Optimizer rmsProp() {
        return new RmsProp(0.9, 1e-8);
    }

    /**
     * RMSProp (Hinton's lecture 6e).
     *
     * @param rho the decay of the mean square, in {@code [0, 1)}
     * @param epsilon the denominator's guard, finite and greater than 0
     * @return the optimizer
     * @throws IllegalArgumentException if a hyperparameter is out of range (named)
     */
    static Optimizer rmsProp(double rho, double epsilon) {
        return new RmsProp(rho, epsilon);
    }

    /**
     * Plain gradient descent.
     *
     * <pre>  theta := theta - lr * g</pre>
     */
    record GradientDescent() implements Optimizer {
    }

    /**
     * Momentum: a velocity that accumulates past gradients.
     *
     * <pre>  v := beta * v + g
     *  theta := theta - lr * v</pre>
     *
     * @param beta the momentum coefficient, in {@code [0, 1)}
     */
    record Momentum(double beta) implements Optimizer {
        /**
         * Checks the coefficient.
         *
         * @param beta the momentum coefficient, in {@code [0, 1)}
         * @throws IllegalArgumentException if {@code beta} is outside {@code [0, 1)}
         */
        public Momentum {
            requireDecay("momentum beta", beta);
        }
    }

    /**
     * Nesterov momentum, in the form that needs the gradient at the current parameters only
     * (equivalent to evaluating it at the look-ahead point {@code theta - lr * beta * v}).
     *
     * <pre>  v := beta * v + g
     *  theta := theta - lr * (g + beta * v)</pre>
     *
     * @param beta the momentum coefficient, in {@code [0, 1)}
     */
    record Nesterov(double beta) implements Optimizer {
        /**
         * Checks the coefficient.
         *
         * @param beta the momentum coefficient, in {@code [0, 1)}
         * @throws IllegalArgumentException if {@code beta} is outside {@code [0, 1)}
         */
        public Nesterov {
            requireDecay("Nesterov beta", beta);
        }
    }

    /**
     * Adam: bias-corrected estimates of the gradient's first and second moments.
     *
     * <pre>  m := beta1 * m + (1 - beta1) * g
     *  v := beta2 * v + (1 - beta2) * g^2
     *  mHat = m / (1 - beta1^t),  vHat = v / (1 - beta2^t)
     *  theta := theta - lr * mHat / (sqrt(vHat) + epsilon)</pre>
     *
     * @param beta1 the decay of the first-moment estimate, in {@code [0, 1)}
     * @param beta2 the decay of the second-moment estimate, in {@code [0, 1)}
     * @param epsilon the denominator's guard, finite and greater than 0
     */
    record Adam(double beta1, double beta2, double epsilon) implements Optimizer {
        /**
         * Checks the hyperparameters.
         *
         * @param beta1 the decay of the first-moment estimate, in {@code [0, 1)}
         * @param beta2 the decay of the second-moment estimate, in {@code [0, 1)}
         * @param epsilon the denominator's guard, finite and greater than 0
         * @throws IllegalArgumentException if a hyperparameter is out of range (named)
         */
        public Adam {
            requireDecay("Adam beta1", beta1);
            requireDecay("Adam beta2", beta2);
            requireEpsilon("Adam epsilon", epsilon);
        }
    }

    /**
     * RMSProp: the gradient divided by a running root mean square of recent gradients.
     *
     * <pre>  s := rho * s + (1 - rho) * g^2
     *  theta := theta - lr * g / (sqrt(s) + epsilon)</pre>
     *
     * @param rho the decay of the mean square, in {@code [0, 1)}
     * @param epsilon the denominator's guard, finite and greater than 0
     */
    record RmsProp(double rho, double epsilon) implements Optimizer {
        /**
         * Checks the hyperparameters.
         *
         * @param rho the decay of the mean square, in {@code [0, 1)}
         * @param epsilon the denominator's guard, finite and greater than 0
         * @throws IllegalArgumentException if a hyperparameter is out of range (named)
         */
        public RmsProp {
            requireDecay("RMSProp rho", rho);
            requireEpsilon("RMSProp epsilon", epsilon);
        }
    }

    private static void requireDecay(String name, double value) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    private static void requireEpsilon(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }
}
