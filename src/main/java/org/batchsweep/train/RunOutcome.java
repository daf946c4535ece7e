package org.batchsweep.train;

import java.io.Serializable;

/**
 * The result of one training run. {@code trainMse} and {@code validationMse} are the correct mean
 * squared error over the whole split (NaN for validation when there is none), whatever loss the
 * run trained with; {@code lastBatchLoss} is the training loss of the final step, before its update.
 */
public record RunOutcome(
    RunConfig config,
    double initSlope,
    double initIntercept,
    double slope,
    double intercept,
    double trainMse,
    double validationMse,
    double lastBatchLoss,
    long steps,
    long nanos,
    Trajectory trajectory)
    implements Serializable {

  public boolean isFinite() {
    return Double.isFinite(slope) && Double.isFinite(intercept);
  }
}
