/**
 * The immutable maths of diynn: {@link io.github.diynn.core.Matrix}, the closed sets
 * {@link io.github.diynn.core.Activation} and {@link io.github.diynn.core.Loss},
 * {@link io.github.diynn.core.DenseLayer}, {@link io.github.diynn.core.Network}, the sources of
 * gradients ({@link io.github.diynn.core.GradientSource#backpropagation()},
 * {@link io.github.diynn.core.FiniteDifferences})
 * and {@link io.github.diynn.core.GradientCheck}, which compares the two.
 *
 * <p>Contract for the whole package: every public type is immutable and safe to share between
 * threads; every operation returns a new value; arguments are checked at the boundary and rejected
 * with an {@link java.lang.IllegalArgumentException} naming the bad value or both shapes. A network's
 * one link to training is its flat parameter vector ({@link io.github.diynn.core.Network#parameters()}
 * and {@link io.github.diynn.core.Network#withParameters(double[])}); every gradient is returned in
 * the same layout, as {@code dJ/dtheta} (a trainer subtracts it).
 *
 * <p>The workspaces {@link io.github.diynn.core.BatchEvaluator}, {@link io.github.diynn.core.ParallelEvaluator}
 * and {@link io.github.diynn.core.Predictor} are mutable buffers of one caller each. A
 * {@link io.github.diynn.core.Parallelism} lets a call share its work among threads; the work is cut
 * by the data alone and combined in a fixed order, so no result depends on the thread count.
 */
package io.github.diynn.core;
