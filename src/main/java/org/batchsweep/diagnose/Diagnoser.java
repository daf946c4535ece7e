package org.batchsweep.diagnose;

import java.io.Serializable;
import java.util.Locale;
import org.batchsweep.reference.Reference;
import org.batchsweep.spec.ConvergenceSpec;
import org.batchsweep.train.RunOutcome;

/** Explains a finished run relative to the reference line. */
public final class Diagnoser implements Serializable {

  private final Reference reference;
  private final ConvergenceSpec tolerance;

  public Diagnoser(Reference reference, ConvergenceSpec tolerance) {
    this.reference = reference;
    this.tolerance = tolerance;
  }

  public Verdict diagnose(RunOutcome run) {
    double slopeError = run.slope() - reference.slope();
    double interceptError = run.intercept() - reference.intercept();
    if (!run.isFinite()) {
      return new Verdict(
          Diagnosis.DIVERGED,
          format("parameters became non-finite at step %d of %d",
              run.trajectory().firstNonFiniteStep(), run.steps()));
    }
    if (tolerance.converged(slopeError, interceptError)) {
      return new Verdict(
          Diagnosis.CONVERGED,
          format("slope %.4f, intercept %.4f: within %.3g/%.3g of the reference line",
              run.slope(), run.intercept(), tolerance.slopeTol(), tolerance.interceptTol()));
    }
    return new Verdict(
        Diagnosis.NOT_CONVERGED,
        format("ended at slope %.4f, intercept %.4f; the reference line is slope %.4f, intercept %.4f",
            run.slope(), run.intercept(), reference.slope(), reference.intercept()));
  }

  static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
