package org.batchsweep.diagnose;

import java.util.Locale;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunOutcome;

/**
 * The verdict of a finite run whose objective has no closed-form minimiser (AdamW with weight
 * decay): converged when it reached the line; step-budget when, at AdamW's pace of about lr per
 * step, it had too few steps to travel to the line at all (a lower bound that needs no objective);
 * otherwise not-converged, saying that the objective's minimiser is unknown.
 */
final class UnknownObjectiveVerdict {

  private UnknownObjectiveVerdict() {}

  static Verdict of(
      RunOutcome run,
      Reference reference,
      ConvergenceSpec tolerance,
      StepModel model,
      Verdict.Builder verdict) {
    if (tolerance.converged(
        run.slope() - reference.slope(), run.intercept() - reference.intercept())) {
      return verdict.done(
          Diagnosis.CONVERGED,
          format(
              "slope %.4f, intercept %.4f: within tolerance of the reference line (slope %.4f, intercept %.4f)",
              run.slope(), run.intercept(), reference.slope(), reference.intercept()),
          Double.NaN);
    }
    String unknown =
        format(
            "AdamW's decoupled weight decay %.3g has no closed-form minimiser (its fixed point depends on"
                + " Adam's normaliser and so on the gradient noise), so none is given",
            run.config().optimizer().weightDecay());
    if (model.pace() == StepModel.Pace.SIGN_LIKE) {
      // Within tolerance of the line needs at least the travel beyond the tolerance.
      double travel =
          Math.max(
              Math.abs(run.initSlope() - reference.slope()) - tolerance.slopeTol(),
              Math.abs(run.initIntercept() - reference.intercept()) - tolerance.interceptTol());
      double needed = Math.max(0, travel) / model.lr();
      if (run.steps() < needed) {
        return verdict.done(
            Diagnosis.STEP_BUDGET,
            format(
                "%d steps taken, but reaching the line (slope %.3f, intercept %.3f) takes at least ≈ %.0f"
                    + " (%s); more epochs or a larger lr; %s",
                run.steps(),
                reference.slope(),
                reference.intercept(),
                needed,
                model.paceWords(),
                unknown),
            needed);
      }
    }
    return verdict.done(
        Diagnosis.NOT_CONVERGED,
        format(
            "ended at slope %.4f, intercept %.4f after %d steps, not within tolerance of the line; %s",
            run.slope(), run.intercept(), run.steps(), unknown),
        Double.NaN);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
