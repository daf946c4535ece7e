package org.batchsweep.diagnose;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.Scale;
import org.batchsweep.core.Schedule;
import org.batchsweep.core.Standardization;
import org.batchsweep.core.TrainingSet;
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
 * Distances are in units of the tolerance: max(|Δslope|/slope_tol, |Δintercept|/intercept_tol),
 * with d features the largest |Δw_j|/slope_tol. With d features the details name the weights, and
 * an SGD run on ill-conditioned features ({@link Conditioning}) says so, with the feature scales
 * that cause it and standardization as the fix. Not thread-safe (it caches minimisers); use one per
 * task.
 */
public final class Diagnoser {

  private final Reference reference;
  private final ConvergenceSpec tolerance;
  private final Points train;
  private final Map<Scale, View> views = new EnumMap<>(Scale.class);
  private final List<String> featureNames;
  private final double[] referenceParams;
  private final Map<String, double[]> minimisers = new HashMap<>();

  public Diagnoser(Reference reference, ConvergenceSpec tolerance, Points train) {
    this(reference, tolerance, train, null);
  }

  /** With the features' names, for the words that name them (null: x1..xd). */
  public Diagnoser(
      Reference reference, ConvergenceSpec tolerance, Points train, List<String> featureNames) {
    this.featureNames =
        featureNames != null ? featureNames : TrainingSet.defaultFeatureNames(train.features());
    this.reference = reference;
    this.tolerance = tolerance;
    this.train = train;
    this.referenceParams = ParamWords.referenceParams(reference);
    this.unknownObjective = new double[train.features() + 1];
    Arrays.fill(unknownObjective, Double.NaN);
  }

  /**
   * What a run on features of some {@link Scale} sees: their curvature, their conditioning, and the
   * standardization (null for the data as given). A standardized run's objective has the same
   * minimiser in the original units (it is a reparametrisation) except under weight decay, which
   * penalises the standardized weights.
   */
  private record View(
      Curvature curvature, Conditioning conditioning, Standardization standardization) {}

  private View view(RunConfig run) {
    return views.computeIfAbsent(
        run.scale(),
        scale -> {
          Standardization s = scale == Scale.NONE ? null : Standardization.of(train);
          Points seen = s == null ? train : s.apply(train);
          Curvature curvature = Curvature.of(seen);
          return new View(curvature, Conditioning.of(seen, curvature, featureNames), s);
        });
  }

  public double[] objectiveMinimiser(RunConfig run) {
    double decay = run.optimizer().weightDecay();
    Standardization standardization = view(run).standardization();
    if (decay > 0 && standardization != null && !run.optimizer().decoupledWeightDecay()) {
      return minimisers.computeIfAbsent(
          run.loss() + "/" + run.shuffle() + "/" + run.batchSize() + "/" + decay + "/standardized",
          k -> {
            double[] v =
                ObjectiveMinimiser.ridge(
                    run.loss(),
                    run.shuffle(),
                    run.batchSize(),
                    decay,
                    standardization.apply(train));
            return standardization.toOriginal(v, v);
          });
    }
    if (decay > 0) {
      if (run.optimizer().decoupledWeightDecay()) {
        return unknownObjective;
      }
      return minimisers.computeIfAbsent(
          run.loss() + "/" + run.shuffle() + "/" + run.batchSize() + "/" + decay,
          k ->
              train.features() == 1
                  ? RidgeObjective.of(run.loss(), run.shuffle(), run.batchSize(), decay, train)
                  : ObjectiveMinimiser.ridge(
                      run.loss(), run.shuffle(), run.batchSize(), decay, train));
    }
    return minimisers.computeIfAbsent(
        run.loss() + "/" + run.shuffle() + "/" + run.batchSize(),
        k -> ObjectiveMinimiser.of(run.loss(), run.shuffle(), run.batchSize(), train));
  }

  /**
   * AdamW's decoupled decay has no closed-form fixed point (it depends on Adam's normaliser, and so
   * on the gradient noise): its objective minimiser is unknown, and no number is given for it.
   */
  private final double[] unknownObjective;

  public Verdict diagnose(RunOutcome run) {
    RunConfig config = run.config();
    double[] objective = objectiveMinimiser(config);
    Verdict.Builder verdict = new Verdict.Builder(objective);
    Trajectory trajectory = run.trajectory();
    boolean objectiveIsLine =
        converged(
            objective,
            // The MSE is needed only when convergence is judged by it.
            tolerance.byExcessMse() ? train.mseOfParams(objective) : Double.NaN);
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
          run, reference, tolerance, StepModel.of(config, view(config).curvature()), verdict);
    }
    double startDistance = distance(config, run.initParams(), objective);
    double endDistance = distance(config, run.params(), objective);
    double stepsNeeded = stepsNeeded(run, objective, startDistance, endDistance);

    if (converged(run.params(), run.trainMse())) {
      return verdict.done(
          Diagnosis.CONVERGED,
          format(
              "%s: within tolerance of the reference %s (%s)",
              words(run.params(), "%.4f"),
              train.features() == 1 ? "line" : "model",
              words(referenceParams, "%.4f")),
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
              "moved away from its objective's minimiser (%s): from %.3g to %.3g tolerances%s",
              words(objective, "%.3g"), startDistance, endDistance, stabilityNote(config)),
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
              "ended at %s, %.3g tolerances from its objective's minimiser"
                  + " (%s) after %d steps, still finite and still moving although"
                  + "%s; no step count can be promised above that limit",
              words(run.params(), "%.4f"),
              endDistance,
              words(objective, "%.4f"),
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
              "wanders around its objective's minimiser (%s): over the last %d"
                  + " epochs %s spread %.3g, intercept spread %.3g, above the tolerance %.3g/%.3g;"
                  + " a smaller lr or a larger batch settles it",
              words(objective, "%.4f"),
              trajectory.windowEpochs(),
              train.features() == 1 ? "slope" : "largest weight",
              trajectory.windowWeightSpread(),
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
            "ended at %s, %.3g tolerances from its objective's minimiser"
                + " (%s) after %d steps, neither settled nor still approaching it",
            words(run.params(), "%.4f"), endDistance, words(objective, "%.4f"), run.steps()),
        finiteOrNaN(stepsNeeded));
  }

  /** Whether the run follows gradient descent's contraction model (SGD), not an adaptive step. */
  private boolean isSgd(RunConfig config) {
    return StepModel.of(config, view(config).curvature()).pace() == StepModel.Pace.GRADIENT_DESCENT;
  }

  private static double finiteOrNaN(double value) {
    return Double.isFinite(value) ? value : Double.NaN;
  }

  /** Where a wrong-objective run actually ended, when that is not at its minimiser. */
  private String endedNote(RunOutcome run, double[] objective, double endDistance) {
    return endDistance <= 1
        ? ""
        : format(
            " (it ended at %s, not yet at that minimiser either)", words(run.params(), "%.3f"));
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
        "stopped approaching its objective's minimiser (%s): ended %.3g"
            + " tolerances from it, over the last %d epochs it moved %.3g tolerances net within a range of"
            + " %.3g%s; %s at lr %.3g takes steps of about lr whatever the gradient, so it overshoots"
            + " and cycles instead of settling: a smaller lr (or a decaying schedule) settles it, more"
            + " steps do not",
        words(objective, "%.4f"),
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
        "ended %.3g tolerances from its objective's minimiser (%s) and"
            + " stopped approaching it: %s; it bounces across the valley instead of settling, and no number"
            + " of steps fixes that: use an lr below the limit%s",
        endDistance,
        words(objective, "%.4f"),
        stabilityNote(run.config()).substring(2),
        view(run.config()).conditioning().steepestWords());
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
    // Travel in the units the run trains in: an adaptive step moves each of those by about lr.
    double[] from = run.initParams();
    double[] to = objective;
    Standardization standardization = view(config).standardization();
    if (standardization != null) {
      from = standardization.fromOriginal(from, new double[from.length]);
      to = standardization.fromOriginal(to, new double[to.length]);
    }
    double travel = 0;
    for (int j = 0; j < to.length; j++) {
      travel = Math.max(travel, Math.abs(from[j] - to[j]));
    }
    StepModel model = StepModel.of(config, view(config).curvature());
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
    return distance(run.config(), run.params(), run.trajectory().windowStart());
  }

  /**
   * Whether the run was still going somewhere at the end: over the final window it moved in a
   * direction (net displacement at least half its range) rather than to and fro, by a tenth of a
   * tolerance or more, or, for an adaptive optimizer, by at least half of what its lr allows (a
   * tiny lr travels less than a tenth of a tolerance in a window, but at full speed).
   */
  private boolean isMoving(RunOutcome run) {
    double displacement = windowDisplacement(run);
    if (!(displacement >= 0.5 * spread(run.trajectory()))) {
      return false;
    }
    if (displacement >= 0.1) {
      return true;
    }
    StepModel model = StepModel.of(run.config(), view(run.config()).curvature());
    double fullSpeed =
        model.lr()
            * run.trajectory().windowSteps()
            / Math.max(tolerance.slopeTol(), tolerance.interceptTol());
    return model.pace() == StepModel.Pace.SIGN_LIKE
        && displacement > 0
        && displacement >= 0.5 * fullSpeed;
  }

  private double spread(Trajectory t) {
    return Math.max(
        t.windowWeightSpread() / tolerance.slopeTol(),
        t.windowInterceptSpread() / tolerance.interceptTol());
  }

  private String blewUp(RunConfig config, long step, long steps) {
    return format(
        "parameters became non-finite at step %d of %d%s", step, steps, stabilityNote(config));
  }

  private String stabilityNote(RunConfig config) {
    return StepModel.of(config, view(config).curvature()).stabilityWords();
  }

  private String wrongObjective(RunConfig config, double[] objective) {
    String why =
        config.loss() == Loss.MSE_BROADCAST
            ? "mse-broadcast fits every prediction to its batch's mean target; "
                + (config.shuffle()
                    ? format(
                        "with shuffling (B %d) its minimiser is %s",
                        config.batchSize(), words(objective, "%.2f"))
                    : format(
                        "with fixed batches of %d its minimiser is %s",
                        config.batchSize(), words(objective, "%.2f")))
            : format(
                "with fixed batches the remainder batch weighs its points more; the minimiser is %s",
                words(objective, "%.3f"));
    if (config.optimizer().weightDecay() > 0) {
      why =
          format(
              "weight decay %.3g makes the objective a ridge regression (intercept penalised too)"
                  + " whose minimiser is %s%s",
              config.optimizer().weightDecay(),
              words(objective, "%.3f"),
              config.loss() == Loss.MSE_BROADCAST
                  ? " (of mse-broadcast's batch-mean targets)"
                  : "");
    }
    return why
        + format(
            ", not the %s (%s): no learning rate or step count fixes that%s",
            train.features() == 1 ? "line" : "least-squares fit",
            words(referenceParams, "%.2f"),
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
    StepModel model = StepModel.of(config, view(config).curvature());
    if (config.loss() == Loss.MSE) {
      long stepsPerEpochNeeded = (long) Math.ceil(stepsNeeded / config.epochs());
      long batch = n / Math.max(1, stepsPerEpochNeeded);
      if (batch >= 1 && stepsPerEpochNeeded > perEpoch) {
        fixes.append(format(", or batch size at most %d at the same epochs", batch));
      }
    }
    String pace = model.paceWords();
    return format(
        "still travelling toward its objective's minimiser (%s): %d steps"
            + " taken, at least ≈ %.0f needed (%s); more steps fix it: %s (lower bounds; the fixes table"
            + " holds counts verified by training)%s",
        words(objective, "%.3f"),
        steps,
        stepsNeeded,
        pace,
        fixes,
        model.pace() == StepModel.Pace.GRADIENT_DESCENT
            ? view(config).conditioning().crawlWords()
            : "");
  }

  /**
   * {@link #distance(double[], double[])} in the units the run trains in: for a standardized run,
   * of its standardized parameters, weight j's tolerance σ_j·slope_tol (the same change of the
   * original weight). The original intercept mixes every standardized parameter, so a standardized
   * run's distance there would swing with each of them.
   */
  private double distance(RunConfig config, double[] params, double[] target) {
    Standardization s = view(config).standardization();
    if (s == null) {
      return distance(params, target);
    }
    double[] p = s.fromOriginal(params, new double[params.length]);
    double[] t = s.fromOriginal(target, new double[target.length]);
    int d = p.length - 1;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < d; j++) {
      max = Math.max(max, Math.abs(p[j] - t[j]) / (tolerance.slopeTol() * s.std()[j]));
    }
    return Math.max(max, Math.abs(p[d] - t[d]) / tolerance.interceptTol());
  }

  /** max over the weights of |Δw_j|/slope_tol and |Δb|/intercept_tol. */
  private double distance(double[] params, double[] target) {
    int d = params.length - 1;
    double weights = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < d; j++) {
      weights = Math.max(weights, Math.abs(params[j] - target[j]) / tolerance.slopeTol());
    }
    return Math.max(weights, Math.abs(params[d] - target[d]) / tolerance.interceptTol());
  }

  /**
   * Whether a model with these parameters (and training MSE) counts as converged, by the same test
   * as the runs table's converged column: {@link ConvergenceSpec#converged(double[], double,
   * double, double)}.
   */
  private boolean converged(double[] params, double trainMse) {
    int d = params.length - 1;
    return tolerance.converged(reference, Arrays.copyOf(params, d), params[d], trainMse);
  }

  private String words(double[] params, String number) {
    return ParamWords.of(params, number);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
