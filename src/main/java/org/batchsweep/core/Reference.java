package org.batchsweep.core;

import java.io.Serializable;

/**
 * The closed-form least-squares line every run is judged against, with its mean squared error on
 * each split (validation NaN when there is none) and its r² on the training split.
 */
public record Reference(
    String method, double slope, double intercept, double trainMse, double validationMse, double r2)
    implements Serializable {}
