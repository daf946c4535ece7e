package org.batchsweep.train;

import java.io.Serializable;
import org.batchsweep.optim.OptimizerConfig;
import org.batchsweep.optim.Precision;

/**
 * Everything that determines one training run, and so its result. {@code runId} is a stable hash
 * of all of it (and of the dataset), so the same run gets the same id on any master and on re-runs.
 */
public record RunConfig(
    String runId,
    OptimizerConfig optimizer,
    Loss loss,
    int batchSize,
    boolean shuffle,
    int epochs,
    long seed,
    Precision precision,
    Init init)
    implements Serializable {

  /** Optimizer steps this run takes on {@code n} training points. */
  public long plannedSteps(int n) {
    return (long) epochs * EpochOrder.stepsPerEpoch(n, batchSize);
  }
}
