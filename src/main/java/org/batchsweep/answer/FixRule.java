package org.batchsweep.answer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.Loss;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.Scale;
import org.batchsweep.diagnose.Curvature;
import org.batchsweep.diagnose.Diagnosis;
import org.batchsweep.optim.SgdConfig;

/**
 * The cheapest change that should make a failed run converge, per failure kind, and what to try
 * next when the trained fix still fails. Every number proposed here is verified by training it
 * ({@link Fixes}); one that did not work is reported as such.
 */
final class FixRule {

  /** No one-feature fixed run is trained for more optimizer steps than this (about a second). */
  static final long MAX_STEPS = 50_000_000L;

  /**
   * With d features a step from prefix sums costs about 0.05·d µs on one core (README, Performance,
   * FeatureBench), so this over d steps is a few tenths of a second, a fix's share of a sweep.
   */
  static final long MAX_FEATURE_STEPS_TIMES_D = 5_000_000L;

  /** Rounds of train, diagnose, adjust per failed run. */
  static final int MAX_ATTEMPTS = 6;

  /** Margin over a step estimate: the estimates are lower bounds. */
  private static final double MARGIN = 1.25;

  private final int n;
  private final Curvature curvature;

  /** The curvature on standardized features, or null when standardizing cannot help (d = 1). */
  private final Curvature standardized;

  /** {@link #MAX_STEPS} for the data's number of features. */
  private final long maxSteps;

  FixRule(int n, Curvature curvature) {
    this(n, curvature, null, 1);
  }

  FixRule(int n, Curvature curvature, Curvature standardized, int features) {
    this.n = n;
    this.curvature = curvature;
    this.standardized = standardized;
    this.maxSteps = features == 1 ? MAX_STEPS : MAX_FEATURE_STEPS_TIMES_D / features;
  }

  /**
   * SGD on raw features whose curvature is ill-conditioned, where standardizing them would remove
   * most of it: the lr that keeps the steepest direction stable crawls along the flattest, so more
   * epochs or a smaller lr only trade one failure for the other.
   */
  private boolean standardizingHelps(RunConfig run) {
    return standardized != null
        && run.scale() == Scale.NONE
        && run.optimizer() instanceof SgdConfig
        && curvature.conditionNumber() >= Curvature.ILL_CONDITIONED
        && standardized.conditionNumber() * 10 <= curvature.conditionNumber();
  }

  /** scale=standardize, with an lr within the standardized features' stability limit. */
  private void standardize(Map<String, Change> changes, RunConfig run) {
    changes.put("scale", new Change.Standardize());
    // Half the standardized features' stability limit: the lr that suited the raw features'
    // steepest direction would crawl on standardized ones, and one above the limit would diverge.
    double half = 0.5 * standardized.stabilityLimit(run.optimizer().momentum());
    double lr = run.optimizer().lr();
    if (!(lr <= half && lr >= 0.1 * half)) {
      changes.put("lr", new Change.LearningRate(readable(half)));
    }
  }

  /** Whether a failure kind has a fix at all. */
  static boolean fixable(Diagnosis diagnosis) {
    return switch (diagnosis) {
      case WRONG_OBJECTIVE, STEP_BUDGET, DIVERGED, OSCILLATION, NOISE_FLOOR -> true;
      case CONVERGED, NOT_CONVERGED -> false;
    };
  }

  /**
   * The first change for a run of this failure kind; empty when none applies.
   *
   * @param stepsNeeded the run's own estimate (NaN when it has none)
   */
  Map<String, Change> initial(Diagnosis diagnosis, RunConfig run, double stepsNeeded) {
    Map<String, Change> changes = new LinkedHashMap<>();
    switch (diagnosis) {
      case WRONG_OBJECTIVE -> changes.put("loss", new Change.UseLoss(Loss.MSE));
      case STEP_BUDGET -> {
        if (standardizingHelps(run)) {
          standardize(changes, run);
        } else {
          int epochs =
              Double.isFinite(stepsNeeded)
                  ? epochsFor(run, stepsNeeded * MARGIN)
                  : run.epochs() * 4;
          changes.put("epochs", new Change.Epochs(Math.max(epochs, run.epochs() + 1)));
        }
      }
      case DIVERGED -> {
        if (standardizingHelps(run)) {
          standardize(changes, run);
        } else {
          changes.put("lr", new Change.LearningRate(stableLr(run, run.optimizer().lr())));
        }
      }
      // A decaying schedule is the natural first fix for these once schedules exist: put it here.
      case OSCILLATION, NOISE_FLOOR ->
          changes.put("lr", new Change.LearningRate(readable(run.optimizer().lr() / 10)));
      case CONVERGED, NOT_CONVERGED -> {}
    }
    return changes;
  }

  /**
   * What to try after a fixed run ended with {@code diagnosis}: the changes so far adjusted, or
   * null to stop (it converged, or nothing sensible is left within {@link #MAX_STEPS}).
   */
  Map<String, Change> next(
      Map<String, Change> changes, RunConfig original, Diagnosis diagnosis, double stepsNeeded) {
    RunConfig tried = apply(original, changes);
    Map<String, Change> next = new LinkedHashMap<>(changes);
    switch (diagnosis) {
      case CONVERGED -> {
        return null;
      }
      case STEP_BUDGET -> {
        int wanted = Double.isFinite(stepsNeeded) ? epochsFor(tried, stepsNeeded * MARGIN) : 0;
        next.put("epochs", new Change.Epochs(Math.max(wanted, tried.epochs() * 2)));
      }
      // SGD that neither settles nor approaches is stuck in a cycle of its batches: a smaller lr
      // breaks it; another optimizer still moving without arriving gets more epochs.
      case NOT_CONVERGED -> {
        if (tried.optimizer() instanceof SgdConfig) {
          next.put("lr", new Change.LearningRate(readable(tried.optimizer().lr() / 4)));
        } else {
          next.put("epochs", new Change.Epochs(tried.epochs() * 2));
        }
      }
      case DIVERGED ->
          next.put("lr", new Change.LearningRate(stableLr(tried, tried.optimizer().lr() / 2)));
      case OSCILLATION, NOISE_FLOOR ->
          next.put("lr", new Change.LearningRate(readable(tried.optimizer().lr() / 4)));
      case WRONG_OBJECTIVE -> {
        if (tried.loss() == Loss.MSE) {
          return null;
        }
        next.put("loss", new Change.UseLoss(Loss.MSE));
      }
    }
    return apply(original, next).plannedSteps(n) > maxSteps ? null : next;
  }

  static RunConfig apply(RunConfig run, Map<String, Change> changes) {
    RunConfig changed = run;
    for (Change c : changes.values()) {
      changed = c.apply(changed);
    }
    return changed;
  }

  private int epochsFor(RunConfig run, double steps) {
    double epochs = Math.ceil(steps / EpochOrder.stepsPerEpoch(n, run.batchSize()));
    return (int) Math.min(epochs, maxSteps / EpochOrder.stepsPerEpoch(n, run.batchSize()) + 1);
  }

  /**
   * SGD: half its stability limit (fast and safely stable); other optimizers: a tenth of the lr.
   */
  private double stableLr(RunConfig run, double lr) {
    if (run.optimizer() instanceof SgdConfig sgd) {
      Curvature seen = run.scale() == Scale.STANDARDIZE ? standardized : curvature;
      return readable(Math.min(lr, 0.5 * seen.stabilityLimit(sgd.momentum())));
    }
    return readable(run.optimizer().lr() / 10);
  }

  /** An lr a person would type: two significant digits, rounded down (never above a limit). */
  static double readable(double lr) {
    return new java.math.BigDecimal(lr)
        .round(new java.math.MathContext(2, java.math.RoundingMode.DOWN))
        .doubleValue();
  }
}
