/**
 * Data for training: {@link io.github.diynn.data.Dataset} (inputs, targets, seeded shuffles and
 * splits), {@link io.github.diynn.data.CsvLoader} (strict numeric CSV loading) and
 * {@link io.github.diynn.data.Scaler} (per-column scaling fitted on training rows).
 *
 * <p>Every public type here is immutable and safe to share between threads. Loaders are strict:
 * bad text is refused with a {@link io.github.diynn.data.CsvException} (unchecked) naming the
 * file, line and column. I/O failures (a missing file, a failing stream) are checked
 * {@link java.io.IOException}s, declared by every method that reads or writes; a format error is an
 * unchecked exception naming the place. The policy is the same in every package and described in
 * {@code docs/data.md} ("Files and failures"). Every random choice takes a seed or a {@link java.util.random.RandomGenerator}.
 */
package io.github.diynn.data;
