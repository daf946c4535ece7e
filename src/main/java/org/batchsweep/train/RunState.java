package org.batchsweep.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchsweep.core.EpochRecord;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Points;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.Standardization;
import org.batchsweep.core.Trajectory;

/**
 * One run while it trains: its optimizer (which holds the parameters: the d weights, then the bias)
 * and what it has observed so far. Both trainers drive a run through this class, so they record
 * results the same way. One-feature runs step through {@link #step(double, double)}, which touches
 * no array, so the common case stays as fast as it always was.
 *
 * <p>A run on standardized features trains on them, but everything it records (the target test, the
 * window, the epochs, the outcome) is in the original features' units; its MSEs are computed on the
 * standardized points, which for the mapped model are the same predictions.
 */
final class RunState {

  final RunConfig config;
  final Optimizer optimizer;
  private final Points train;
  private final Standardization standardization;
  private final int parameters;
  private final double[] initParams;
  private final int windowStart;
  private final List<EpochRecord> epochs;
  private final Target target;

  private double lastBatchLoss = Double.NaN;
  private final double[] windowStartParams;
  private long windowStartStep;
  private final double[] windowMin;
  private final double[] windowMax;
  private long firstNonFiniteStep;

  /** The parameters after the latest step, for runs with more than one feature. */
  private final double[] current;

  private final double[] endRaw;
  private final double[] inTargetUnits;
  private final double[] endOriginal;

  /** The last step after which the run was outside the target (0: the start; −1: never). */
  private long lastOutsideStep;

  private long nanos;

  RunState(RunConfig config, Points train, boolean recordEpochs) {
    this(config, train, recordEpochs, Target.NONE);
  }

  RunState(RunConfig config, Points train, boolean recordEpochs, Target target) {
    this(config, train, null, recordEpochs, target);
  }

  /**
   * A run on {@code train}; {@code standardization} is how those points were standardized (null
   * when they are the data as given).
   */
  RunState(
      RunConfig config,
      Points train,
      Standardization standardization,
      boolean recordEpochs,
      Target target) {
    this.config = config;
    this.target = target;
    this.train = train;
    this.standardization = standardization;
    double[] init = config.init().draw(config.seed(), train.features());
    this.optimizer = config.startOptimizer(train.size(), init);
    this.parameters = init.length;
    this.current = new double[parameters];
    this.endRaw = new double[parameters];
    this.inTargetUnits = new double[parameters];
    this.endOriginal = new double[parameters];
    double[] start = params();
    this.initParams = original(start.clone());
    // The last fifth of training (at least one epoch) shows whether a run has settled.
    this.windowStart = config.epochs() - Math.max(1, config.epochs() / 5) + 1;
    this.epochs = recordEpochs ? new ArrayList<>(config.epochs() + 1) : List.of();
    this.windowStartParams = initParams.clone();
    this.windowMin = new double[parameters];
    this.windowMax = new double[parameters];
    Arrays.fill(windowMin, Double.POSITIVE_INFINITY);
    Arrays.fill(windowMax, Double.NEGATIVE_INFINITY);
    this.lastOutsideStep = inside(start) ? -1 : 0;
    if (recordEpochs) {
      epochs.add(new EpochRecord(0, initParams.clone(), mse(start)));
    }
  }

  /**
   * Whether the parameters as the optimizer holds them ({@code raw}, left unchanged) are inside the
   * target: its MSE bound (computed on the points this run sees: the same predictions), or its box
   * in the original units.
   */
  private boolean inside(double[] raw) {
    if (target.byMse()) {
      return mse(raw) <= target.maxTrainMse();
    }
    System.arraycopy(raw, 0, inTargetUnits, 0, parameters);
    return target.contains(original(inTargetUnits));
  }

  /** {@code params} in the original features' units (in place). */
  private double[] original(double[] params) {
    return standardization == null ? params : standardization.toOriginal(params, params);
  }

  /** The parameters as the optimizer holds them now (a fresh array, in its own units). */
  private double[] params() {
    double[] p = new double[parameters];
    for (int j = 0; j < parameters; j++) {
      p[j] = optimizer.param(j);
    }
    return p;
  }

  private double mse(double[] params) {
    return train.mseOfParams(params);
  }

  /** One optimizer step of a one-feature run from the batch gradient. */
  void step(double gradSlope, double gradIntercept) {
    optimizer.step(gradSlope, gradIntercept);
    if (standardization != null || target.byMse()) {
      observe();
      return;
    }
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

  /** One optimizer step from the gradient with respect to every parameter. */
  void step(double[] gradient) {
    optimizer.step(gradient);
    observe();
  }

  /** Tests the parameters after a step against the target, in the original units. */
  private void observe() {
    boolean finite = true;
    for (int j = 0; j < parameters; j++) {
      double p = optimizer.param(j);
      current[j] = p;
      finite &= Double.isFinite(p);
    }
    if (!inside(current)) {
      lastOutsideStep = optimizer.steps();
      if (firstNonFiniteStep == 0 && !finite) {
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

  /** Parameter {@code j}: weight j, or the bias for j = d. */
  double param(int j) {
    return optimizer.param(j);
  }

  int parameters() {
    return parameters;
  }

  /** Records the end of {@code epoch} (counted from 1). */
  void endEpoch(int epoch) {
    // Reused arrays: this runs once per epoch of every run, so it allocates only for records.
    double[] raw = endRaw;
    double[] p = endOriginal;
    for (int j = 0; j < parameters; j++) {
      raw[j] = optimizer.param(j);
      p[j] = raw[j];
    }
    original(p);
    if (epoch == windowStart - 1) {
      System.arraycopy(p, 0, windowStartParams, 0, parameters);
      windowStartStep = optimizer.steps();
    }
    if (epoch >= windowStart) {
      for (int j = 0; j < parameters; j++) {
        windowMin[j] = Math.min(windowMin[j], p[j]);
        windowMax[j] = Math.max(windowMax[j], p[j]);
      }
    }
    if (!epochs.isEmpty()) {
      epochs.add(new EpochRecord(epoch, p.clone(), mse(raw)));
    }
  }

  RunOutcome finish(Points validation) {
    double[] p = params();
    double[] reported = original(p.clone());
    Trajectory trajectory =
        new Trajectory(
            config.epochs() - windowStart + 1,
            optimizer.steps() - windowStartStep,
            windowStartParams,
            windowMin,
            windowMax,
            firstNonFiniteStep,
            epochs);
    double validationMse = validation == null ? Double.NaN : validation.mseOfParams(p);
    return new RunOutcome(
        config,
        initParams,
        reported,
        mse(p),
        validationMse,
        lastBatchLoss,
        optimizer.steps(),
        nanos,
        trajectory,
        lastOutsideStep == optimizer.steps() ? RunOutcome.NOT_REACHED : lastOutsideStep + 1);
  }
}
