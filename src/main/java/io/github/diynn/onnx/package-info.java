/**
 * ONNX export and import: {@link io.github.diynn.onnx.OnnxExport} writes a network or a saved model
 * (scalers included) as an ONNX model that ONNX Runtime, Triton and other ONNX consumers run. It is written by hand against {@code onnx.proto}, with no
 * protobuf library: the library keeps zero runtime dependencies.
 *
 * <p>Contract for the whole package: exports are deterministic (same model, same bytes) and saving
 * to a path is atomic. Null arguments are
 * refused with an {@link java.lang.IllegalArgumentException}. The format is described in
 * {@code docs/onnx.md}.
 */
package io.github.diynn.onnx;
