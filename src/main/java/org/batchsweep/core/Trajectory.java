package org.batchsweep.core;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a run did along the way, summarised for diagnosis: where each parameter (the weights, then
 * the bias) was when the final window of epochs began and its range over it (whether the run still
 * travels or wanders), and the first step at which a parameter stopped being finite (0 when none
 * did). {@code epochs} holds every epoch's record when the spec asks for trajectories, else is
 * empty.
 */
public record Trajectory(
    int windowEpochs,
    long windowSteps,
    double[] windowStart,
    double[] windowMin,
    double[] windowMax,
    long firstNonFiniteStep,
    List<EpochRecord> epochs)
    implements Serializable {

  /** One feature's trajectory. */
  public Trajectory(
      int windowEpochs,
      long windowSteps,
      double windowStartSlope,
      double windowStartIntercept,
      double windowSlopeMin,
      double windowSlopeMax,
      double windowInterceptMin,
      double windowInterceptMax,
      long firstNonFiniteStep,
      List<EpochRecord> epochs) {
    this(
        windowEpochs,
        windowSteps,
        new double[] {windowStartSlope, windowStartIntercept},
        new double[] {windowSlopeMin, windowInterceptMin},
        new double[] {windowSlopeMax, windowInterceptMax},
        firstNonFiniteStep,
        epochs);
  }

  private int bias() {
    return windowStart.length - 1;
  }

  public double windowStartSlope() {
    return windowStart[0];
  }

  public double windowStartIntercept() {
    return windowStart[bias()];
  }

  public double windowSlopeMin() {
    return windowMin[0];
  }

  public double windowSlopeMax() {
    return windowMax[0];
  }

  public double windowInterceptMin() {
    return windowMin[bias()];
  }

  public double windowInterceptMax() {
    return windowMax[bias()];
  }

  /** The range of parameter {@code j} over the window. */
  public double windowSpread(int j) {
    return windowMax[j] - windowMin[j];
  }

  public double windowSlopeSpread() {
    return windowSpread(0);
  }

  public double windowInterceptSpread() {
    return windowSpread(bias());
  }

  /**
   * The largest range of any weight over the window (the slope's when there is one feature); NaN
   * when a weight's range is.
   */
  public double windowWeightSpread() {
    double spread = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < bias(); j++) {
      double s = windowSpread(j);
      if (Double.isNaN(s)) {
        return s;
      }
      spread = Math.max(spread, s);
    }
    return spread;
  }

  // Arrays compare by content, so equal outcomes are equal values.
  @Override
  public boolean equals(Object other) {
    return other instanceof Trajectory o
        && windowEpochs == o.windowEpochs
        && windowSteps == o.windowSteps
        && Arrays.equals(windowStart, o.windowStart)
        && Arrays.equals(windowMin, o.windowMin)
        && Arrays.equals(windowMax, o.windowMax)
        && firstNonFiniteStep == o.firstNonFiniteStep
        && Objects.equals(epochs, o.epochs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        windowEpochs,
        windowSteps,
        Arrays.hashCode(windowStart),
        Arrays.hashCode(windowMin),
        Arrays.hashCode(windowMax),
        firstNonFiniteStep,
        epochs);
  }

  @Override
  public String toString() {
    return "Trajectory["
        + "windowEpochs="
        + windowEpochs
        + ", "
        + "windowSteps="
        + windowSteps
        + ", "
        + "windowStart="
        + Arrays.toString(windowStart)
        + ", "
        + "windowMin="
        + Arrays.toString(windowMin)
        + ", "
        + "windowMax="
        + Arrays.toString(windowMax)
        + ", "
        + "firstNonFiniteStep="
        + firstNonFiniteStep
        + ", "
        + "epochs="
        + epochs
        + "]";
  }
}
