/**
 * Training: {@link io.github.diynn.train.Trainer} turns a network and data into a new network and
 * its loss history ({@link io.github.diynn.train.TrainingResult}).
 *
 * <p>A trainer combines minibatches, an {@link io.github.diynn.train.Optimizer}, a
 * {@link io.github.diynn.train.LearningRateSchedule}, L2 weight decay, validation with early
 * stopping, and a {@link io.github.diynn.train.TrainingListener} such as the
 * {@link io.github.diynn.train.ProgressReporter}. Trainers, optimizers and schedules are immutable
 * values with no lifecycle; the mutable optimizer state lives inside one {@code train} call. Every
 * random choice takes an explicit seed, so a rerun is bit-identical, also on another number of threads
 * ({@link io.github.diynn.train.Trainer.Builder#parallelism}); a run that turns NaN or
 * infinite stops with a {@link io.github.diynn.train.DivergenceException} and never returns a model
 * with a non-finite weight, and by the {@link io.github.diynn.train.DivergenceGuard} so does a run
 * whose loss explodes or that stalls with every unit saturated. Listeners see each epoch's network
 * and may ask training to stop; {@link io.github.diynn.train.TrainingResult#stopReason()} says why
 * it ended.
 */
package io.github.diynn.train;
