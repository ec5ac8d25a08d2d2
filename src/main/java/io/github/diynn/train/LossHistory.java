package io.github.diynn.train;

/**
 * What the training history records for each epoch of a minibatch run: a closed set. A full-batch
 * run records the loss after each epoch's one step either way (the tutorial's {@code errors} list),
 * and computes it for free with the next step's gradient.
 */
public enum LossHistory {

    /**
     * The exact loss of the whole training set at the parameters the epoch ended with: the loss of
     * the network a listener sees, and the default. A minibatch run pays one forward pass over the
     * training set per epoch for it.
     */
    AFTER_EPOCH,

    /**
     * The loss of the whole set estimated from the batches of the epoch, each measured at the
     * parameters its step started from, as Keras reports it: the sum of the batch losses for
     * {@link io.github.diynn.core.Loss#SUM_SQUARED_ERROR}, which sums over samples, and their mean
     * weighted by batch size for the losses that average. No extra pass; the figure lags the
     * parameters by up to one epoch.
     */
    BATCH_ESTIMATE
}
