package org.batchsweep.diagnose;

import java.util.Locale;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.Schedule;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.optim.AdamWConfig;
import org.batchsweep.optim.SgdConfig;

/**
 * What the diagnosis can honestly say about a run's optimizer: how far it moves per step, where it
 * becomes unstable, and how many steps it needs — or that these are unknown.
 *
 * <ul>
 *   <li>{@link Pace#SIGN_LIKE}: Adam and AdamW at a constant lr move each parameter by about lr per
 *       step whatever the gradient, so reaching a point at distance d takes at least ≈ d/lr steps.
 *   <li>{@link Pace#GRADIENT_DESCENT}: SGD at a constant lr on the quadratic loss. With weight
 *       decay λ the curvature is the loss's plus λ; with dampening τ the buffer steps by (1−τ)·lr.
 *       Stable below lr·h_max = 2(1+μ) (heavy ball, PyTorch's form) or 2(1+μ)/(1+2μ) (Nesterov),
 *       from the characteristic polynomial of the two-step recurrence; the error along the flattest
 *       direction shrinks by about lr·h_min/(1−μ) per step.
 *   <li>{@link Pace#UNKNOWN}: RMSprop and Adagrad (their step depends on the running gradient
 *       magnitudes the run saw), and any optimizer under a schedule (the lr changes with the number
 *       of steps itself, so "steps needed" has no single value): no step count or limit is given.
 * </ul>
 *
 * Rates use the run's effective lr (after lr scaling). For stability under a schedule the peak lr
 * counts: the lr itself for step, cosine and warmup, max_lr (with OneCycleLR's momentum 0.85 at the
 * peak) for onecycle.
 */
public final class StepModel {

  /** The kinds of pace a diagnosis can reason about. */
  public enum Pace {
    SIGN_LIKE,
    GRADIENT_DESCENT,
    UNKNOWN
  }

  private final RunConfig run;
  private final Pace pace;
  private final double lr;
  private final Curvature curvature;

  private StepModel(RunConfig run, Curvature loss) {
    this.run = run;
    this.lr = run.effectiveLr();
    OptimizerConfig optimizer = run.optimizer();
    boolean constant = run.schedule() instanceof Schedule.Constant;
    if (!constant) {
      pace = Pace.UNKNOWN;
    } else if (optimizer instanceof AdamConfig || optimizer instanceof AdamWConfig) {
      pace = Pace.SIGN_LIKE;
    } else if (optimizer instanceof SgdConfig) {
      pace = Pace.GRADIENT_DESCENT;
    } else {
      pace = Pace.UNKNOWN;
    }
    double decay = optimizer.decoupledWeightDecay() ? 0 : optimizer.weightDecay();
    this.curvature = new Curvature(loss.lambdaMin() + decay, loss.lambdaMax() + decay);
  }

  public static StepModel of(RunConfig run, Curvature lossCurvature) {
    return new StepModel(run, lossCurvature);
  }

  public Pace pace() {
    return pace;
  }

  /** The run's effective learning rate. */
  public double lr() {
    return lr;
  }

  /**
   * SGD's largest stable lr at the peak of its schedule (NaN for other optimizers): heavy ball
   * 2(1+μ)/((1−τ)·h_max), Nesterov 2(1+μ)/((1+2μ)·h_max).
   */
  public double sgdStabilityLimit() {
    if (!(run.optimizer() instanceof SgdConfig sgd)) {
      return Double.NaN;
    }
    double mu =
        run.schedule() instanceof Schedule.OneCycle
            ? Schedule.OneCycle.BASE_MOMENTUM
            : sgd.momentum();
    if (sgd.nesterov()) {
      return 2 * (1 + mu) / ((1 + 2 * mu) * curvature.lambdaMax());
    }
    return 2 * (1 + mu) / ((1 - sgd.dampening()) * curvature.lambdaMax());
  }

  /** Fraction of the remaining error SGD removes per step along the flattest direction. */
  public double sgdRate() {
    SgdConfig sgd = (SgdConfig) run.optimizer();
    return Math.min(1.0, lr * (1 - sgd.dampening()) * curvature.lambdaMin() / (1 - sgd.momentum()));
  }

  /**
   * At least how many steps it takes to close {@code travel} (the largest parameter distance) or
   * {@code startDistance} (in tolerances, for SGD's contraction); infinite for SGD above its
   * stability limit, NaN when unknown.
   */
  public double stepsNeeded(double travel, double startDistance) {
    switch (pace) {
      case SIGN_LIKE:
        return travel / lr;
      case GRADIENT_DESCENT:
        if (lr >= sgdStabilityLimit()) {
          return Double.POSITIVE_INFINITY;
        }
        return startDistance <= 1
            ? 0
            : Math.log(startDistance) / -Math.log1p(-Math.min(sgdRate(), 1 - 1e-12));
      default:
        return Double.NaN;
    }
  }

  /** The pace in words, for a step-budget detail. */
  public String paceWords() {
    String name = run.optimizer().name().equals(AdamWConfig.NAME) ? "AdamW" : "Adam";
    return switch (pace) {
      case SIGN_LIKE -> format("%s moves each parameter by about lr = %.3g per step", name, lr);
      case GRADIENT_DESCENT ->
          format(
              "SGD removes about %.3g of the remaining error per step along the flattest direction",
              sgdRate());
      case UNKNOWN -> unknownWords();
    };
  }

  /** Why no step count is given for this run. */
  public String unknownWords() {
    if (!(run.schedule() instanceof Schedule.Constant)) {
      return "under the schedule "
          + run.schedule().label()
          + " the lr depends on the run's length, so no step count is estimated";
    }
    return run.optimizer().name()
        + "'s step depends on the gradient magnitudes it has seen, so no"
        + " step count or stability limit is estimated";
  }

  /** A clause on stability for a diverged run. */
  public String stabilityWords() {
    double limit = sgdStabilityLimit();
    if (!Double.isNaN(limit)) {
      String peak = run.schedule() instanceof Schedule.Constant ? "lr" : "peak lr";
      String form =
          ((SgdConfig) run.optimizer()).nesterov()
              ? "2(1+μ)/((1+2μ)·λ_max)"
              : "2(1+μ)/((1−τ)·λ_max)";
      return lr > limit
          ? format("; %s %.3g is above SGD's stability limit %s = %.3g", peak, lr, form, limit)
          : format("; %s %.3g is within SGD's stability limit %.3g", peak, lr, limit);
    }
    if (run.optimizer() instanceof AdamConfig || run.optimizer() instanceof AdamWConfig) {
      return format(
          "; %s at lr %.3g overshoots on this data",
          run.optimizer() instanceof AdamWConfig ? "AdamW" : "Adam", lr);
    }
    return format("; no stability limit is known for %s (lr %.3g)", run.optimizer().name(), lr);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
