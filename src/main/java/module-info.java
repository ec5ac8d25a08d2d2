/**
 * diynn: small dense neural networks in plain Java, with zero runtime dependencies.
 *
 * <p>{@link io.github.diynn.core} holds the immutable maths (matrices, activations, losses, layers,
 * networks and gradients), {@link io.github.diynn.train} the trainers, and
 * {@link io.github.diynn.data} data sets, CSV loading and scaling; {@link io.github.diynn.io} saves
 * and loads models and writes training histories; {@link io.github.diynn.metrics} measures
 * predictions; {@link io.github.diynn.onnx} exports to and imports from ONNX.
 */
module io.github.diynn {
    exports io.github.diynn.core;
    exports io.github.diynn.train;
    exports io.github.diynn.data;
    exports io.github.diynn.metrics;
    exports io.github.diynn.io;
    exports io.github.diynn.onnx;
}
