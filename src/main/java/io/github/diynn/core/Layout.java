package io.github.diynn.core;

import java.util.List;

/**
 * Where each layer's weights and bias sit in the flat parameter vector, computed once per network:
 * the one place that encodes the layout of {@link Network#parameters()}.
 *
 * <pre>  theta = [ W[0] row-major, b[0] (if any), W[1] row-major, b[1] (if any), ... ]</pre>
 */
final class Layout {

    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final int parameterCount;

    Layout(List<DenseLayer> layers) {
        weightOffsets = new int[layers.size()];
        biasOffsets = new int[layers.size()];
        int offset = 0;
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            weightOffsets[l] = offset;
            offset = Math.addExact(offset, Math.multiplyExact(layer.inputSize(), layer.outputSize()));
            biasOffsets[l] = layer.hasBias() ? offset : -1;
            if (layer.hasBias()) {
                offset = Math.addExact(offset, layer.outputSize());
            }
        }
        parameterCount = offset;
    }

    /** The index of layer {@code l}'s first weight, {@code W[l][0][0]}. */
    int weightOffset(int l) {
        return weightOffsets[l];
    }

    /** The index of layer {@code l}'s first bias, or -1 if the layer has none. */
    int biasOffset(int l) {
        return biasOffsets[l];
    }

    /** The length of the parameter vector. */
    int parameterCount() {
        return parameterCount;
    }

    /** The layer that holds parameter {@code index}, which must lie in {@code [0, parameterCount)}. */
    int layerOf(int index) {
        int l = weightOffsets.length - 1;
        while (weightOffsets[l] > index) {
            l--;
        }
        return l;
    }
}
