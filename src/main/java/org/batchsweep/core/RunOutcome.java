package org.batchsweep.core;

import java.io.Serializable;

/**
 * The result of one training run. {@code trainMse} and {@code validationMse} are the correct mean
 * squared error over the whole split (NaN for validation when there is none), whatever loss the run
 * trained with; {@code lastBatchLoss} is the training loss of the final step, before its update.
 * {@code stepsToTarget} is the number of steps after which the run was inside the trainer's {@link
 * Target} and stayed there to the end (0 when it started there), or {@link #NOT_REACHED} when it
 * ended outside or trained without a target.
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
    Trajectory trajectory,
    long stepsToTarget)
    implements Serializable {

  public static final long NOT_REACHED = -1;

  /** An outcome trained without a target. */
  public RunOutcome(
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
      Trajectory trajectory) {
    this(
        config,
        initSlope,
        initIntercept,
        slope,
        intercept,
        trainMse,
        validationMse,
        lastBatchLoss,
        steps,
        nanos,
        trajectory,
        NOT_REACHED);
  }

  public boolean isFinite() {
    return Double.isFinite(slope) && Double.isFinite(intercept);
  }
}
