package io.github.diynn.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Backpropagation written again with the public {@link Matrix} API only, the softmax Jacobian spelled
 * out in full, and switches for deliberate faults. Without faults it is an independent oracle for
 * {@link Backpropagation}; with them it is the broken gradient the check must catch.
 */
final class ReferenceBackprop implements GradientSource {

    private final int layerWithoutDerivative;
    private final boolean tanhPrimeAsOneMinusYSquared;

    private ReferenceBackprop(int layerWithoutDerivative, boolean tanhPrimeAsOneMinusYSquared) {
        this.layerWithoutDerivative = layerWithoutDerivative;
        this.tanhPrimeAsOneMinusYSquared = tanhPrimeAsOneMinusYSquared;
    }

    /** The correct gradient. */
    static ReferenceBackprop correct() {
        return new ReferenceBackprop(-1, false);
    }

    /** Forgets to multiply by the activation derivative of one layer. */
    static ReferenceBackprop withoutDerivativeOfLayer(int layer) {
        return new ReferenceBackprop(layer, false);
    }

    /** Computes tanh'(z) as (1 - y)^2 instead of 1 - y^2, a bug a peer shipped. */
    static ReferenceBackprop withTanhPrimeAsOneMinusYSquared() {
        return new ReferenceBackprop(-1, true);
    }

    @Override
    public double[] gradient(Network network, Loss loss, Matrix inputs, Matrix targets) {
        List<DenseLayer> layers = network.layers();
        List<Matrix> zs = new ArrayList<>();
        List<Matrix> as = new ArrayList<>();
        Matrix a = inputs;
        for (DenseLayer layer : layers) {
            Matrix z = layer.preActivation(a);
            a = layer.activation().apply(z);
            zs.add(z);
            as.add(a);
        }
        Matrix upstream = loss.gradient(a, targets);
        List<double[]> pieces = new ArrayList<>();
        for (int l = layers.size() - 1; l >= 0; l--) {
            DenseLayer layer = layers.get(l);
            Matrix delta = throughActivation(l, layer.activation(), zs.get(l), as.get(l), upstream);
            Matrix input = l == 0 ? inputs : as.get(l - 1);
            Matrix weightGradient = input.transpose().times(delta);
            if (layer.hasBias()) {
                pieces.add(0, delta.columnSums().toRowMajorArray());
            }
            pieces.add(0, weightGradient.toRowMajorArray());
            upstream = delta.times(layer.weights().transpose());
        }
        double[] gradient = new double[network.parameterCount()];
        int offset = 0;
        for (double[] piece : pieces) {
            System.arraycopy(piece, 0, gradient, offset, piece.length);
            offset += piece.length;
        }
        return gradient;
    }

    private Matrix throughActivation(int layer, Activation activation, Matrix z, Matrix a, Matrix upstream) {
        if (layer == layerWithoutDerivative) {
            return upstream;
        }
        if (activation == Activation.SOFTMAX) {
            // dJ/dz[j] = sum over k of dJ/da[k] * da[k]/dz[j], da[k]/dz[j] = a[k] (delta_kj - a[j]).
            double[][] out = new double[z.rows()][z.columns()];
            for (int i = 0; i < z.rows(); i++) {
                for (int j = 0; j < z.columns(); j++) {
                    for (int k = 0; k < z.columns(); k++) {
                        double jacobian = a.get(i, k) * ((k == j ? 1.0 : 0.0) - a.get(i, j));
                        out[i][j] += upstream.get(i, k) * jacobian;
                    }
                }
            }
            return Matrix.of(out);
        }
        Matrix derivative = activation == Activation.TANH && tanhPrimeAsOneMinusYSquared
                ? a.map(y -> (1 - y) * (1 - y))
                : ((ElementwiseActivation) activation).derivative(z);
        return upstream.multiplyElements(derivative);
    }

    @Override
    public String toString() {
        return "ReferenceBackprop[layerWithoutDerivative " + layerWithoutDerivative + ", tanhPrimeAsOneMinusYSquared "
                + tanhPrimeAsOneMinusYSquared + "]";
    }
}
