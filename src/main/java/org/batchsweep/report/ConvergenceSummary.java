package org.batchsweep.report;

import java.io.PrintStream;
import java.util.Locale;
import org.batchsweep.answer.SweepAnswers;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.Reference;

/**
 * The short answer printed after a sweep: the reference line, then per setting the share of runs
 * that converged in each batch-size band. Computed from the sweep's tables, so it reads the same
 * after {@code run} as after any later query.
 */
public final class ConvergenceSummary {

  private ConvergenceSummary() {}

  /** Rows of the per-setting table before the rest are counted in one line. */
  static final int MAX_ROWS = 20;

  /**
   * Prints the summary from what the command already holds: the sweep's reference, its convergence
   * tolerance (from its spec) and its answers, so nothing is read or parsed a second time.
   */
  public static void print(
      Reference ref, ConvergenceSpec tolerance, SweepAnswers answers, PrintStream out) {
    out.printf(
        Locale.ROOT,
        "reference (%s): y = %s %+.4f   train MSE %.5g   validation MSE %s   r² %.4f%s%n",
        ref.method(),
        model(ref),
        ref.intercept(),
        ref.trainMse(),
        Double.isNaN(ref.validationMse())
            ? "-"
            : String.format(Locale.ROOT, "%.5g", ref.validationMse()),
        ref.r2(),
        ref.features() == 1
            ? ""
            : String.format(
                Locale.ROOT,
                "   condition number %.3g (centred feature covariance)",
                ref.conditionNumber()));
    out.println();
    if (tolerance.byExcessMse()) {
      out.printf(
          Locale.ROOT,
          "share of runs that converged (train MSE <= %s × the reference's), by setting and batch size:%n",
          Labels.number(1 + tolerance.excessMseRel()));
    } else {
      out.printf(
          Locale.ROOT,
          "share of runs that converged (%s <= %s and |intercept error| <= %s), by setting and batch size:%n",
          ref.features() == 1 ? "|slope error|" : "every |weight error|",
          tolerance.slopeTol(),
          tolerance.interceptTol());
    }
    out.print(answers.table(MAX_ROWS));
  }

  /** "-3.9958·x" for one feature; "1.9908·x1 -0.9994·x2 ..." for several (at most 10 written). */
  private static String model(Reference ref) {
    if (ref.features() == 1) {
      return String.format(Locale.ROOT, "%.4f·x", ref.slope());
    }
    StringBuilder text = new StringBuilder();
    int shown = Math.min(ref.features(), 10);
    for (int j = 0; j < shown; j++) {
      text.append(
          String.format(Locale.ROOT, j == 0 ? "%.4g·x%d" : " %+.4g·x%d", ref.weight(j), j + 1));
    }
    if (shown < ref.features()) {
      text.append(" … (").append(ref.features()).append(" features)");
    }
    return text.toString();
  }
}
