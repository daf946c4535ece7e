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
        "reference (%s): y = %.4f·x %+.4f   train MSE %.5g   validation MSE %s   r² %.4f%n",
        ref.method(),
        ref.slope(),
        ref.intercept(),
        ref.trainMse(),
        Double.isNaN(ref.validationMse())
            ? "-"
            : String.format(Locale.ROOT, "%.5g", ref.validationMse()),
        ref.r2());
    out.println();
    out.printf(
        Locale.ROOT,
        "share of runs that converged (|slope error| <= %s and |intercept error| <= %s), by setting and batch size:%n",
        tolerance.slopeTol(),
        tolerance.interceptTol());
    out.print(answers.table(MAX_ROWS));
  }
}
