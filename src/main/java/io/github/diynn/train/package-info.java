/**
 * Training: {@link io.github.diynn.train.Trainer} turns a network and data into a new network and
 * its loss history.
 *
 * <p>Trainers are immutable configuration with no lifecycle; every random choice takes an explicit
 * seed; a run that turns NaN or infinite stops with a {@link io.github.diynn.train.DivergenceException}.
 */
package io.github.diynn.train;
