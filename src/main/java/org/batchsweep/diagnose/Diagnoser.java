package org.batchsweep.diagnose;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.Schedule;
import org.batchsweep.core.Trajectory;

/**
 * Explains a finished run: not only whether it reached the reference line but, when it did not,
 * why. Checks in order, first match wins:
 *
 * <ol>
 *   <li>{@code wrong-objective}: the objective's own minimiser is not the line (outside the
 *       tolerance), whatever else happened: no step count or lr can give convergence then (checked
 *       first for non-finite runs, and right after {@code converged} for the others);
 *   <li>{@code diverged}: parameters became non-finite, or the run ended farther from its
 *       objective's minimiser than twice where it started;
 *   <li>{@code converged}: within tolerance of the reference line;
 *   <li>{@code step-budget}: still travelling toward the minimiser when training stopped: fewer
 *       steps than needed (Adam moves each parameter by about lr per step, so it needs at least
 *       distance/lr; SGD's rate follows from the curvature; a run seen still moving at the end
 *       needs as many more steps as its speed over the final window implies);
 *   <li>{@code noise-floor}: shuffled, wanders around the minimiser with a spread above the
 *       tolerance;
 *   <li>{@code oscillation}: stopped approaching the minimiser without settling (an adaptive
 *       optimizer's constant-size steps circling it, or SGD at or above its stability limit);
 *   <li>{@code not-converged}: anything else, with what was observed.
 * </ol>
 *
 * Distances are in units of the tolerance: max(|Δslope|/slope_tol, |Δintercept|/intercept_tol). Not
 * thread-safe (it caches minimisers); use one per task.
 */
public final class Diagnoser {

  private final Reference reference;
  private final ConvergenceSpec tolerance;
  private final Points train;
  private final Curvature curvature;
  private final Map<String, double[]> minimisers = new HashMap<>();

  public Diagnoser(Reference reference, ConvergenceSpec tolerance, Points train) {
    this.reference = reference;
    this.tolerance = tolerance;
    this.train = train;
    this.curvature = Curvature.of(train);
  }

  public double[] objectiveMinimiser(RunConfig run) {
    double decay = run.optimizer().weightDecay();
    if (decay > 0) {
      if (run.optimizer().decoupledWeightDecay()) {
        return UNKNOWN_OBJECTIVE;
      }
      return minimisers.computeIfAbsent(
          run.loss() + "/" + run.shuffle() + "/" + run.batchSize() + "/" + decay,
          k -> RidgeObjective.of(run.loss(), run.shuffle(), run.batchSize(), decay, train));
    }
    return minimisers.computeIfAbsent(
        run.loss() + "/" + run.shuffle() + "/" + run.batchSize(),
        k -> ObjectiveMinimiser.of(run.loss(), run.shuffle(), run.batchSize(), train));
  }

  /**
   * AdamW's decoupled decay has no closed-form fixed point (it depends on Adam's normaliser, and so
   * on the gradient noise): its objective minimiser is unknown, and no number is given for it.
   */
  private static final double[] UNKNOWN_OBJECTIVE = {Double.NaN, Double.NaN};

  public Verdict diagnose(RunOutcome run) {
    RunConfig config = run.config();
    double[] objective = objectiveMinimiser(config);
    Verdict.Builder verdict = new Verdict.Builder(objective);
    Trajectory trajectory = run.trajectory();
    boolean objectiveIsLine =
        tolerance.converged(objective[0] - reference.slope(), objective[1] - reference.intercept());
    if (!run.isFinite()) {
      String blewUp = blewUp(config, trajectory.firstNonFiniteStep(), run.steps());
      return objectiveIsLine
          ? verdict.done(Diagnosis.DIVERGED, blewUp, Double.NaN)
          : verdict.done(
              Diagnosis.WRONG_OBJECTIVE,
              wrongObjective(config, objective) + "; besides, its " + blewUp,
              Double.NaN);
    }
    if (Double.isNaN(objective[0])) {
      return UnknownObjectiveVerdict.of(
          run, reference, tolerance, StepModel.of(config, curvature), verdict);
    }
    double startDistance = distance(run.initSlope(), run.initIntercept(), objective);
    double endDistance = distance(run.slope(), run.intercept(), objective);
    double stepsNeeded = stepsNeeded(run, objective, startDistance, endDistance);

    if (tolerance.converged(
        run.slope() - reference.slope(), run.intercept() - reference.intercept())) {
      return verdict.done(
          Diagnosis.CONVERGED,
          format(
              "slope %.4f, intercept %.4f: within tolerance of the reference line (slope %.4f, intercept %.4f)",
              run.slope(), run.intercept(), reference.slope(), reference.intercept()),
          stepsNeeded);
    }
    if (!objectiveIsLine) {
      // Whatever else happened (still travelling, wandering, moving away): even a perfect optimizer
      // with unlimited steps would stop at this minimiser, so no advice about steps may be given.
      return verdict.done(
          Diagnosis.WRONG_OBJECTIVE,
          wrongObjective(config, objective) + endedNote(run, objective, endDistance),
          Double.NaN);
    }
    if (endDistance > 2 * startDistance + 1) {
      return verdict.done(
          Diagnosis.DIVERGED,
          format(
              "moved away from its objective's minimiser (slope %.3g, intercept %.3g): from %.3g to %.3g"
                  + " tolerances%s",
              objective[0], objective[1], startDistance, endDistance, stabilityNote(config)),
          finiteOrNaN(stepsNeeded));
    }
    double spread = spread(trajectory);
    boolean moving = isMoving(run);
    // Infinity, not NaN: NaN means no step model (e.g. under a schedule), not an unstable lr.
    boolean sgdAboveLimit = isSgd(config) && stepsNeeded == Double.POSITIVE_INFINITY;
    if (endDistance > 1 && sgdAboveLimit && !moving) {
      return verdict.done(
          Diagnosis.OSCILLATION, sgdBouncing(run, objective, endDistance), Double.NaN);
    }
    if (endDistance > 1 && sgdAboveLimit) {
      return verdict.done(
          Diagnosis.NOT_CONVERGED,
          format(
              "ended at slope %.4f, intercept %.4f, %.3g tolerances from its objective's minimiser"
                  + " (slope %.4f, intercept %.4f) after %d steps, still finite and still moving although"
                  + "%s; no step count can be promised above that limit",
              run.slope(),
              run.intercept(),
              endDistance,
              objective[0],
              objective[1],
              run.steps(),
              stabilityNote(config).substring(1)),
          Double.NaN);
    }
    // Travelling: seen moving toward the minimiser at the end, or SGD (below its stability limit,
    // where the epoch map is a contraction) whose rate says it had not had time to arrive.
    if (endDistance > 1 && run.steps() < stepsNeeded && (moving || isSgd(config))) {
      return verdict.done(
          Diagnosis.STEP_BUDGET, stepBudget(run, objective, stepsNeeded), stepsNeeded);
    }
    if (config.shuffle() && spread > 1 && endDistance <= Math.max(1, spread) && !moving) {
      return verdict.done(
          Diagnosis.NOISE_FLOOR,
          format(
              "wanders around its objective's minimiser (slope %.4f, intercept %.4f): over the last %d"
                  + " epochs slope spread %.3g, intercept spread %.3g, above the tolerance %.3g/%.3g;"
                  + " a smaller lr or a larger batch settles it",
              objective[0],
              objective[1],
              trajectory.windowEpochs(),
              trajectory.windowSlopeSpread(),
              trajectory.windowInterceptSpread(),
              tolerance.slopeTol(),
              tolerance.interceptTol()),
          stepsNeeded);
    }
    if (endDistance > 1 && !moving && !isSgd(config)) {
      return verdict.done(
          Diagnosis.OSCILLATION, oscillation(run, objective, endDistance), Double.NaN);
    }
    return verdict.done(
        Diagnosis.NOT_CONVERGED,
        format(
            "ended at slope %.4f, intercept %.4f, %.3g tolerances from its objective's minimiser"
                + " (slope %.4f, intercept %.4f) after %d steps, neither settled nor still approaching it",
            run.slope(), run.intercept(), endDistance, objective[0], objective[1], run.steps()),
        finiteOrNaN(stepsNeeded));
  }

  /** Whether the run follows gradient descent's contraction model (SGD), not an adaptive step. */
  private boolean isSgd(RunConfig config) {
    return StepModel.of(config, curvature).pace() == StepModel.Pace.GRADIENT_DESCENT;
  }

  private static double finiteOrNaN(double value) {
    return Double.isFinite(value) ? value : Double.NaN;
  }

  /** Where a wrong-objective run actually ended, when that is not at its minimiser. */
  private String endedNote(RunOutcome run, double[] objective, double endDistance) {
    return endDistance <= 1
        ? ""
        : format(
            " (it ended at slope %.3f, intercept %.3f, not yet at that minimiser either)",
            run.slope(), run.intercept());
  }

  /**
   * An adaptive optimizer that stopped approaching its minimiser: with a constant lr each step is
   * about lr long whatever the gradient, so near the minimiser it overshoots and, in fixed order,
   * returns to the same points every epoch (a limit cycle); shuffled, it bounces without settling.
   */
  private String oscillation(RunOutcome run, double[] objective, double endDistance) {
    Trajectory t = run.trajectory();
    double lr = run.config().optimizer().lr();
    return format(
        "stopped approaching its objective's minimiser (slope %.4f, intercept %.4f): ended %.3g"
            + " tolerances from it, over the last %d epochs it moved %.3g tolerances net within a range of"
            + " %.3g%s; %s at lr %.3g takes steps of about lr whatever the gradient, so it overshoots"
            + " and cycles instead of settling: a smaller lr (or a decaying schedule) settles it, more"
            + " steps do not",
        objective[0],
        objective[1],
        endDistance,
        t.windowEpochs(),
        windowDisplacement(run),
        spread(t),
        spread(t) < 1e-9 ? " (the same point at every epoch's end: a limit cycle)" : "",
        run.config().optimizer().name(),
        lr);
  }

  private String sgdBouncing(RunOutcome run, double[] objective, double endDistance) {
    return format(
        "ended %.3g tolerances from its objective's minimiser (slope %.4f, intercept %.4f) and"
            + " stopped approaching it: %s; it bounces across the valley instead of settling, and no number"
            + " of steps fixes that: use an lr below the limit",
        endDistance, objective[0], objective[1], stabilityNote(run.config()).substring(2));
  }

  /**
   * Steps needed from the initial parameters to the minimiser: for Adam at least distance/lr, for
   * SGD what the curvature allows; more when the run is seen still moving toward it, by the speed
   * it moved over the final window. A lower bound: Adam slows down further in the narrow valley
   * between slope and intercept, which no window of the past shows.
   */
  private double stepsNeeded(
      RunOutcome run, double[] objective, double startDistance, double endDistance) {
    RunConfig config = run.config();
    double travel =
        Math.max(
            Math.abs(run.initSlope() - objective[0]), Math.abs(run.initIntercept() - objective[1]));
    StepModel model = StepModel.of(config, curvature);
    double needed = model.stepsNeeded(travel, startDistance);
    if (needed == Double.POSITIVE_INFINITY) {
      return needed;
    }
    if (Double.isNaN(needed)) {
      // No model of the pace: only a constant-lr run seen still moving gives a (lower) estimate.
      if (!(config.schedule() instanceof Schedule.Constant)
          || !(endDistance > 1 && isMoving(run))) {
        return Double.NaN;
      }
      needed = 0;
    }
    Trajectory t = run.trajectory();
    double displacement = windowDisplacement(run);
    if (endDistance > 1 && isMoving(run) && t.windowSteps() > 0) {
      needed = Math.max(needed, run.steps() + (endDistance - 1) / (displacement / t.windowSteps()));
    }
    return needed;
  }

  /** How far the run moved over the final window of epochs, in tolerances. */
  private double windowDisplacement(RunOutcome run) {
    Trajectory t = run.trajectory();
    return Math.max(
        Math.abs(run.slope() - t.windowStartSlope()) / tolerance.slopeTol(),
        Math.abs(run.intercept() - t.windowStartIntercept()) / tolerance.interceptTol());
  }

  /**
   * Whether the run was still going somewhere at the end: over the final window it moved a tenth of
   * a tolerance or more, in a direction (net displacement at least half its range) rather than to
   * and fro.
   */
  private boolean isMoving(RunOutcome run) {
    double displacement = windowDisplacement(run);
    return displacement >= 0.1 && displacement >= 0.5 * spread(run.trajectory());
  }

  private double spread(Trajectory t) {
    return Math.max(
        t.windowSlopeSpread() / tolerance.slopeTol(),
        t.windowInterceptSpread() / tolerance.interceptTol());
  }

  private String blewUp(RunConfig config, long step, long steps) {
    return format(
        "parameters became non-finite at step %d of %d%s", step, steps, stabilityNote(config));
  }

  private String stabilityNote(RunConfig config) {
    return StepModel.of(config, curvature).stabilityWords();
  }

  private String wrongObjective(RunConfig config, double[] objective) {
    String why =
        config.loss() == Loss.MSE_BROADCAST
            ? "mse-broadcast fits every prediction to its batch's mean target; "
                + (config.shuffle()
                    ? format(
                        "with shuffling (B %d) its minimiser is slope %.2f, intercept %.2f",
                        config.batchSize(), objective[0], objective[1])
                    : format(
                        "with fixed batches of %d its minimiser is slope %.2f, intercept %.2f",
                        config.batchSize(), objective[0], objective[1]))
            : format(
                "with fixed batches the remainder batch weighs its points more; the minimiser is slope %.3f, intercept %.3f",
                objective[0], objective[1]);
    if (config.optimizer().weightDecay() > 0) {
      why =
          format(
              "weight decay %.3g makes the objective a ridge regression (intercept penalised too)"
                  + " whose minimiser is slope %.3f, intercept %.3f%s",
              config.optimizer().weightDecay(),
              objective[0],
              objective[1],
              config.loss() == Loss.MSE_BROADCAST
                  ? " (of mse-broadcast's batch-mean targets)"
                  : "");
    }
    return why
        + format(
            ", not the line (slope %.2f, intercept %.2f): no learning rate or step count fixes that%s",
            reference.slope(),
            reference.intercept(),
            config.loss() == Loss.MSE_BROADCAST
                ? "; use loss mse"
                : config.optimizer().weightDecay() > 0 ? "; use weight_decay 0" : "");
  }

  private String stepBudget(RunOutcome run, double[] objective, double stepsNeeded) {
    RunConfig config = run.config();
    int n = train.size();
    long steps = run.steps();
    int perEpoch = EpochOrder.stepsPerEpoch(n, config.batchSize());
    long epochsNeeded = (long) Math.ceil(stepsNeeded / perEpoch);
    StringBuilder fixes = new StringBuilder(format("at least %d epochs", epochsNeeded));
    StepModel model = StepModel.of(config, curvature);
    if (config.loss() == Loss.MSE) {
      long stepsPerEpochNeeded = (long) Math.ceil(stepsNeeded / config.epochs());
      long batch = n / Math.max(1, stepsPerEpochNeeded);
      if (batch >= 1 && stepsPerEpochNeeded > perEpoch) {
        fixes.append(format(", or batch size at most %d at the same epochs", batch));
      }
    }
    String pace = model.paceWords();
    return format(
        "still travelling toward its objective's minimiser (slope %.3f, intercept %.3f): %d steps"
            + " taken, at least ≈ %.0f needed (%s); more steps fix it: %s (lower bounds; the fixes table"
            + " holds counts verified by training)",
        objective[0], objective[1], steps, stepsNeeded, pace, fixes);
  }

  private double distance(double slope, double intercept, double[] target) {
    return Math.max(
        Math.abs(slope - target[0]) / tolerance.slopeTol(),
        Math.abs(intercept - target[1]) / tolerance.interceptTol());
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
