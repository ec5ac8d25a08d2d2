/**
 * Saving and loading models: {@link io.github.diynn.io.ModelFile} reads and writes
 * {@link io.github.diynn.io.SavedModel}s (a network, its optional input and target scalers, the
 * names of its inputs, outputs and classes, and {@link io.github.diynn.io.ModelMetadata}) in a
 * readable, versioned JSON format with a SHA-256 checksum (specified in {@code docs/model-format.md}),
 * from files, streams and resources on the class path or the module path.
 *
 * <p>Contract for the whole package: every public type is immutable and safe to share between
 * threads; nothing here uses Java serialization; saving to a path is atomic; loading is strict and
 * refuses any bad input with a {@link io.github.diynn.io.ModelFormatException} (unchecked) naming
 * the source, line and column, checking every declared size before allocating for it. I/O failures (a missing file, a failing stream) are checked
 * {@link java.io.IOException}s, declared by every method that reads or writes; a format error is an
 * unchecked exception naming the place. The policy is the same in every package and described in
 * {@code docs/data.md} ("Files and failures").
 * {@link io.github.diynn.io.HistoryCsv} writes a training history as CSV. Null arguments are
 * refused with an {@link java.lang.IllegalArgumentException}.
 */
package io.github.diynn.io;
