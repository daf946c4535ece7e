package org.batchsweep.core;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The result of one training run. Parameters are the d weights, then the bias, at the start ({@code
 * initParams}) and at the end ({@code params}). {@code trainMse} and {@code validationMse} are the
 * correct mean squared error over the whole split (NaN for validation when there is none), whatever
 * loss the run trained with; {@code lastBatchLoss} is the training loss of the final step, before
 * its update. {@code stepsToTarget} is the number of steps after which the run was inside the
 * trainer's target and stayed there to the end (0 when it started there), or {@link #NOT_REACHED}
 * when it ended outside or trained without a target.
 */
public record RunOutcome(
    RunConfig config,
    double[] initParams,
    double[] params,
    double trainMse,
    double validationMse,
    double lastBatchLoss,
    long steps,
    long nanos,
    Trajectory trajectory,
    long stepsToTarget)
    implements Serializable {

  public static final long NOT_REACHED = -1;

  /** A one-feature outcome. */
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
      Trajectory trajectory,
      long stepsToTarget) {
    this(
        config,
        new double[] {initSlope, initIntercept},
        new double[] {slope, intercept},
        trainMse,
        validationMse,
        lastBatchLoss,
        steps,
        nanos,
        trajectory,
        stepsToTarget);
  }

  /** A one-feature outcome trained without a target. */
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

  /** The number of features d. */
  public int features() {
    return params.length - 1;
  }

  /** The first weight: the slope when there is one feature. */
  public double slope() {
    return params[0];
  }

  public double intercept() {
    return params[params.length - 1];
  }

  public double initSlope() {
    return initParams[0];
  }

  public double initIntercept() {
    return initParams[initParams.length - 1];
  }

  /** The final weights (a copy). */
  public double[] weights() {
    return Arrays.copyOf(params, params.length - 1);
  }

  /** The initial weights (a copy). */
  public double[] initWeights() {
    return Arrays.copyOf(initParams, initParams.length - 1);
  }

  public boolean isFinite() {
    for (double p : params) {
      if (!Double.isFinite(p)) {
        return false;
      }
    }
    return true;
  }

  // Arrays compare by content, so equal outcomes are equal values.
  @Override
  public boolean equals(Object other) {
    return other instanceof RunOutcome o
        && Objects.equals(config, o.config)
        && Arrays.equals(initParams, o.initParams)
        && Arrays.equals(params, o.params)
        && Double.compare(trainMse, o.trainMse) == 0
        && Double.compare(validationMse, o.validationMse) == 0
        && Double.compare(lastBatchLoss, o.lastBatchLoss) == 0
        && steps == o.steps
        && nanos == o.nanos
        && Objects.equals(trajectory, o.trajectory)
        && stepsToTarget == o.stepsToTarget;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        config,
        Arrays.hashCode(initParams),
        Arrays.hashCode(params),
        trainMse,
        validationMse,
        lastBatchLoss,
        steps,
        nanos,
        trajectory,
        stepsToTarget);
  }

  @Override
  public String toString() {
    return "RunOutcome["
        + "config="
        + config
        + ", "
        + "initParams="
        + Arrays.toString(initParams)
        + ", "
        + "params="
        + Arrays.toString(params)
        + ", "
        + "trainMse="
        + trainMse
        + ", "
        + "validationMse="
        + validationMse
        + ", "
        + "lastBatchLoss="
        + lastBatchLoss
        + ", "
        + "steps="
        + steps
        + ", "
        + "nanos="
        + nanos
        + ", "
        + "trajectory="
        + trajectory
        + ", "
        + "stepsToTarget="
        + stepsToTarget
        + "]";
  }
}
