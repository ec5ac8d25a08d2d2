/**
 * Data for training: {@link io.github.diynn.data.Dataset} (inputs, targets, seeded shuffles and
 * splits), {@link io.github.diynn.data.CsvLoader} (strict numeric CSV loading) and
 * {@link io.github.diynn.data.Scaler} (per-column scaling fitted on training rows).
 *
 * <p>Every public type here is immutable and safe to share between threads. Loaders are strict:
 * bad input is refused with a {@link io.github.diynn.data.CsvException} naming the file, line and
 * column. Every random choice takes a seed or a {@link java.util.random.RandomGenerator}.
 */
package io.github.diynn.data;
