package io.github.diynn.train;

/**
 * The mutable state of one optimizer during one training run; never escapes {@link Trainer}.
 *
 * <p>{@link #step} updates {@code theta} in place from the gradient {@code g}, following the formulas
 * documented on each {@link Optimizer} record.
 */
abstract class Stepper {

    abstract void step(double[] theta, double[] g, double learningRate);

    static Stepper start(Optimizer optimizer, int size) {
        if (optimizer instanceof Optimizer.GradientDescent) {
            return new Plain();
        } else if (optimizer instanceof Optimizer.Momentum momentum) {
            return new Heavy(momentum.beta(), false, size);
        } else if (optimizer instanceof Optimizer.Nesterov nesterov) {
            return new Heavy(nesterov.beta(), true, size);
        } else if (optimizer instanceof Optimizer.Adam adam) {
            return new AdamStepper(adam, size);
        } else if (optimizer instanceof Optimizer.RmsProp rmsProp) {
            return new RmsPropStepper(rmsProp, size);
        }
        throw new IllegalArgumentException("unknown optimizer " + optimizer);
    }

    private static final class Plain extends Stepper {
        @Override
        void step(double[] theta, double[] g, double learningRate) {
            for (int i = 0; i < theta.length; i++) {
                theta[i] -= learningRate * g[i];
            }
        }
    }

    private static final class Heavy extends Stepper {
        private final double beta;
        private final boolean nesterov;
        private final double[] velocity;

        Heavy(double beta, boolean nesterov, int size) {
            this.beta = beta;
            this.nesterov = nesterov;
            this.velocity = new double[size];
        }

        @Override
        void step(double[] theta, double[] g, double learningRate) {
            for (int i = 0; i < theta.length; i++) {
                velocity[i] = beta * velocity[i] + g[i];
                double direction = nesterov ? g[i] + beta * velocity[i] : velocity[i];
                theta[i] -= learningRate * direction;
            }
        }
    }

    private static final class AdamStepper extends Stepper {
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private final double[] m;
        private final double[] v;
        private double beta1Power = 1.0;
        private double beta2Power = 1.0;

        AdamStepper(Optimizer.Adam adam, int size) {
            this.beta1 = adam.beta1();
            this.beta2 = adam.beta2();
            this.epsilon = adam.epsilon();
            this.m = new double[size];
            this.v = new double[size];
        }

        @Override
        void step(double[] theta, double[] g, double learningRate) {
            beta1Power *= beta1;
            beta2Power *= beta2;
            double correction1 = 1.0 - beta1Power;
            double correction2 = 1.0 - beta2Power;
            for (int i = 0; i < theta.length; i++) {
                m[i] = beta1 * m[i] + (1.0 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1.0 - beta2) * g[i] * g[i];
                double mHat = m[i] / correction1;
                double vHat = v[i] / correction2;
                theta[i] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
            }
        }
    }

    private static final class RmsPropStepper extends Stepper {
        private final double rho;
        private final double epsilon;
        private final double[] meanSquare;

        RmsPropStepper(Optimizer.RmsProp rmsProp, int size) {
            this.rho = rmsProp.rho();
            this.epsilon = rmsProp.epsilon();
            this.meanSquare = new double[size];
        }

        @Override
        void step(double[] theta, double[] g, double learningRate) {
            for (int i = 0; i < theta.length; i++) {
                meanSquare[i] = rho * meanSquare[i] + (1.0 - rho) * g[i] * g[i];
                theta[i] -= learningRate * g[i] / (Math.sqrt(meanSquare[i]) + epsilon);
            }
        }
    }
}
