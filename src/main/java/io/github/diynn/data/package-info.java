/**
 * Data for training: {@link io.github.diynn.data.Dataset}, loading numeric CSV files and scaling.
 *
 * <p>Every public type here is immutable and safe to share between threads. Loaders are strict:
 * bad input is refused with an exception naming the file, line and column.
 */
package io.github.diynn.data;
