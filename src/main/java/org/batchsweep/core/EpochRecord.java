package org.batchsweep.core;

import java.io.Serializable;

/** A run's parameters and training MSE at the end of an epoch (epoch 0: the initial parameters). */
public record EpochRecord(int epoch, double slope, double intercept, double trainMse)
    implements Serializable {}
