package org.batchsweep.core;

import java.io.Serializable;

/**
 * Everything that determines one training run, and so its result. {@code runId} is a stable hash of
 * all of it (and of the dataset), so the same run gets the same id on any master and on re-runs.
 *
 * <p>The optimizer's lr is the lr as given; {@link #effectiveLr()} is the lr the run trains with
 * after {@code lrScaling} relative to {@code baseBatchSize}. Under OneCycleLR the optimizer's lr is
 * not used (as in PyTorch): the schedule's max_lr, scaled, is the effective lr.
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
    Init init,
    Schedule schedule,
    LrScaling lrScaling,
    int baseBatchSize,
    Scale scale)
    implements Serializable {

  /** PyTorch's default base batch size for lr scaling in batchsweep specs. */
  public static final int DEFAULT_BASE_BATCH_SIZE = 32;

  /** A run on the features as they are. */
  public RunConfig(
      String runId,
      OptimizerConfig optimizer,
      Loss loss,
      int batchSize,
      boolean shuffle,
      int epochs,
      long seed,
      Precision precision,
      Init init,
      Schedule schedule,
      LrScaling lrScaling,
      int baseBatchSize) {
    this(
        runId,
        optimizer,
        loss,
        batchSize,
        shuffle,
        epochs,
        seed,
        precision,
        init,
        schedule,
        lrScaling,
        baseBatchSize,
        Scale.NONE);
  }

  /** A run at a constant, unscaled lr. */
  public RunConfig(
      String runId,
      OptimizerConfig optimizer,
      Loss loss,
      int batchSize,
      boolean shuffle,
      int epochs,
      long seed,
      Precision precision,
      Init init) {
    this(
        runId,
        optimizer,
        loss,
        batchSize,
        shuffle,
        epochs,
        seed,
        precision,
        init,
        Schedule.CONSTANT,
        LrScaling.NONE,
        DEFAULT_BASE_BATCH_SIZE);
  }

  /** This run with another loss; everything else, schedule and lr scaling included, kept. */
  public RunConfig withLoss(Loss newLoss) {
    return new RunConfig(
        runId,
        optimizer,
        newLoss,
        batchSize,
        shuffle,
        epochs,
        seed,
        precision,
        init,
        schedule,
        lrScaling,
        baseBatchSize,
        scale);
  }

  /** This run trained for another number of epochs; everything else kept. */
  public RunConfig withEpochs(int newEpochs) {
    return new RunConfig(
        runId,
        optimizer,
        loss,
        batchSize,
        shuffle,
        newEpochs,
        seed,
        precision,
        init,
        schedule,
        lrScaling,
        baseBatchSize,
        scale);
  }

  /** This run with another optimizer configuration; everything else kept. */
  public RunConfig withOptimizer(OptimizerConfig newOptimizer) {
    return new RunConfig(
        runId,
        newOptimizer,
        loss,
        batchSize,
        shuffle,
        epochs,
        seed,
        precision,
        init,
        schedule,
        lrScaling,
        baseBatchSize,
        scale);
  }

  /** This run on features seen with another scale; everything else kept. */
  public RunConfig withScale(Scale newScale) {
    return new RunConfig(
        runId,
        optimizer,
        loss,
        batchSize,
        shuffle,
        epochs,
        seed,
        precision,
        init,
        schedule,
        lrScaling,
        baseBatchSize,
        newScale);
  }

  /** This run with another batch size and id (everything else the same). */
  public RunConfig with(String id, int newBatchSize) {
    return new RunConfig(
        id,
        optimizer,
        loss,
        newBatchSize,
        shuffle,
        epochs,
        seed,
        precision,
        init,
        schedule,
        lrScaling,
        baseBatchSize,
        scale);
  }

  /** Optimizer steps this run takes on {@code n} training points. */
  public long plannedSteps(int n) {
    return (long) epochs * EpochOrder.stepsPerEpoch(n, batchSize);
  }

  /** The lr the run trains with (under OneCycleLR: its peak, max_lr), after batch-size scaling. */
  public double effectiveLr() {
    double given = schedule instanceof Schedule.OneCycle o ? o.maxLr() : optimizer.lr();
    return lrScaling.scale(given, batchSize, baseBatchSize);
  }

  /**
   * A fresh optimizer for this run on {@code n} training points, at the given initial slope and
   * intercept (one feature).
   */
  public Optimizer startOptimizer(int n, double slope, double intercept) {
    return startOptimizer(n, new double[] {slope, intercept});
  }

  /**
   * A fresh optimizer for this run on {@code n} training points, at the given initial parameters
   * (the weights, then the bias).
   */
  public Optimizer startOptimizer(int n, double[] init) {
    double lr = effectiveLr();
    OptimizerConfig scaled = lr == optimizer.lr() ? optimizer : optimizer.withLr(lr);
    if (schedule instanceof Schedule.Constant) {
      return scaled.start(precision, init);
    }
    return scaled.start(
        precision,
        init,
        LrSchedule.of(schedule, lr, epochs, EpochOrder.stepsPerEpoch(n, batchSize)));
  }
}
