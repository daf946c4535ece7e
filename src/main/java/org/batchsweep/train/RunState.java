package org.batchsweep.train;

import java.util.ArrayList;
import java.util.List;
import org.batchsweep.core.EpochRecord;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Points;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.Trajectory;

/**
 * One run while it trains: its optimizer (which holds the parameters) and what it has observed so
 * far. Both trainers drive a run through this class, so they record results the same way.
 */
final class RunState {

  final RunConfig config;
  final Optimizer optimizer;
  private final Points train;
  private final double initSlope;
  private final double initIntercept;
  private final int windowStart;
  private final List<EpochRecord> epochs;
  private final Target target;

  private double lastBatchLoss = Double.NaN;
  private double windowStartSlope;
  private double windowStartIntercept;
  private long windowStartStep;
  private double windowSlopeMin = Double.POSITIVE_INFINITY;
  private double windowSlopeMax = Double.NEGATIVE_INFINITY;
  private double windowInterceptMin = Double.POSITIVE_INFINITY;
  private double windowInterceptMax = Double.NEGATIVE_INFINITY;
  private long firstNonFiniteStep;

  /** The last step after which the run was outside the target (0: the start; −1: never). */
  private long lastOutsideStep;

  private long nanos;

  RunState(RunConfig config, Points train, boolean recordEpochs) {
    this(config, train, recordEpochs, Target.NONE);
  }

  RunState(RunConfig config, Points train, boolean recordEpochs, Target target) {
    this.config = config;
    this.target = target;
    this.train = train;
    double[] init = config.init().draw(config.seed());
    this.optimizer = config.startOptimizer(train.size(), init[0], init[1]);
    this.initSlope = optimizer.slope();
    this.initIntercept = optimizer.intercept();
    // The last fifth of training (at least one epoch) shows whether a run has settled.
    this.windowStart = config.epochs() - Math.max(1, config.epochs() / 5) + 1;
    this.epochs = recordEpochs ? new ArrayList<>(config.epochs() + 1) : List.of();
    this.windowStartSlope = initSlope;
    this.windowStartIntercept = initIntercept;
    this.lastOutsideStep = target.contains(initSlope, initIntercept) ? -1 : 0;
    if (recordEpochs) {
      epochs.add(new EpochRecord(0, initSlope, initIntercept, train.mse(initSlope, initIntercept)));
    }
  }

  /** One optimizer step from the batch gradient. */
  void step(double gradSlope, double gradIntercept) {
    optimizer.step(gradSlope, gradIntercept);
    double w = optimizer.slope();
    double b = optimizer.intercept();
    // Inside the target implies finite, so the finiteness check runs only for steps outside it.
    if (!target.contains(w, b)) {
      lastOutsideStep = optimizer.steps();
      if (firstNonFiniteStep == 0 && !(Double.isFinite(w) && Double.isFinite(b))) {
        firstNonFiniteStep = lastOutsideStep;
      }
    }
  }

  void lastBatchLoss(double loss) {
    this.lastBatchLoss = loss;
  }

  void addNanos(long elapsed) {
    nanos += elapsed;
  }

  double slope() {
    return optimizer.slope();
  }

  double intercept() {
    return optimizer.intercept();
  }

  /** Records the end of {@code epoch} (counted from 1). */
  void endEpoch(int epoch) {
    double w = optimizer.slope();
    double b = optimizer.intercept();
    if (epoch == windowStart - 1) {
      windowStartSlope = w;
      windowStartIntercept = b;
      windowStartStep = optimizer.steps();
    }
    if (epoch >= windowStart) {
      windowSlopeMin = Math.min(windowSlopeMin, w);
      windowSlopeMax = Math.max(windowSlopeMax, w);
      windowInterceptMin = Math.min(windowInterceptMin, b);
      windowInterceptMax = Math.max(windowInterceptMax, b);
    }
    if (!epochs.isEmpty()) {
      epochs.add(new EpochRecord(epoch, w, b, train.mse(w, b)));
    }
  }

  RunOutcome finish(Points validation) {
    double w = optimizer.slope();
    double b = optimizer.intercept();
    Trajectory trajectory =
        new Trajectory(
            config.epochs() - windowStart + 1,
            optimizer.steps() - windowStartStep,
            windowStartSlope,
            windowStartIntercept,
            windowSlopeMin,
            windowSlopeMax,
            windowInterceptMin,
            windowInterceptMax,
            firstNonFiniteStep,
            epochs);
    return new RunOutcome(
        config,
        initSlope,
        initIntercept,
        w,
        b,
        train.mse(w, b),
        validation == null ? Double.NaN : validation.mse(w, b),
        lastBatchLoss,
        optimizer.steps(),
        nanos,
        trajectory,
        lastOutsideStep == optimizer.steps() ? RunOutcome.NOT_REACHED : lastOutsideStep + 1);
  }
}
