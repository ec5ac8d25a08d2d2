/**
 * ONNX export and import: {@link io.github.diynn.onnx.OnnxExport} writes a network or a saved model
 * (scalers included) as an ONNX model that ONNX Runtime, Triton and other ONNX consumers run, and
 * {@link io.github.diynn.onnx.OnnxImport} reads the dense MLPs that PyTorch, Keras and scikit-learn
 * exporters produce back into diynn. Both are written by hand against {@code onnx.proto}, with no
 * protobuf library: the library keeps zero runtime dependencies.
 *
 * <p>Contract for the whole package: exports are deterministic (same model, same bytes) and saving
 * to a path is atomic; imports are strict, check every declared size before allocating for it, and
 * refuse bad input with an {@link io.github.diynn.onnx.OnnxFormatException} (unchecked) naming the
 * source and the byte offset (and, for an unsupported graph, the node and its operator). I/O failures (a missing file, a failing stream) are checked
 * {@link java.io.IOException}s, declared by every method that reads or writes; a format error is an
 * unchecked exception naming the place. The policy is the same in every package and described in
 * {@code docs/data.md} ("Files and failures"). Null arguments are
 * refused with an {@link java.lang.IllegalArgumentException}. The format and its limits are
 * described in {@code docs/onnx.md}.
 */
package io.github.diynn.onnx;
