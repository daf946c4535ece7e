package org.batchsweep.core;

import java.io.Serializable;
import java.util.List;

/**
 * What a run did along the way, summarised for diagnosis: where the parameters were when the final
 * window of epochs began and their range over it (whether the run still travels or wanders), and
 * the first step at which a parameter stopped being finite (0 when none did). {@code epochs} holds
 * every epoch's record when the spec asks for trajectories, else is empty.
 */
public record Trajectory(
    int windowEpochs,
    long windowSteps,
    double windowStartSlope,
    double windowStartIntercept,
    double windowSlopeMin,
    double windowSlopeMax,
    double windowInterceptMin,
    double windowInterceptMax,
    long firstNonFiniteStep,
    List<EpochRecord> epochs)
    implements Serializable {

  public double windowSlopeSpread() {
    return windowSlopeMax - windowSlopeMin;
  }

  public double windowInterceptSpread() {
    return windowInterceptMax - windowInterceptMin;
  }
}
