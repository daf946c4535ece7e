package org.batchsweep.report;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.batchsweep.answer.SweepAnswers;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/**
 * The short answer printed after a sweep: the reference line, then per setting the share of runs
 * that converged in each batch-size band. Computed from the sweep's tables, so it reads the same
 * after {@code run} as after any later query.
 */
public final class ConvergenceSummary {

  private ConvergenceSummary() {}

  /** Rows of the per-setting table before the rest are counted in one line. */
  static final int MAX_ROWS = 20;

  public static void print(
      TableStore store, String sweepId, SweepAnswers answers, PrintStream out) {
    Row ref = store.read(Table.REFERENCE, sweepId).first();
    out.printf(
        Locale.ROOT,
        "reference (%s): y = %.4f·x %+.4f   train MSE %.5g   validation MSE %s   r² %.4f%n",
        ref.getString(1),
        ref.getDouble(2),
        ref.getDouble(3),
        ref.getDouble(4),
        ref.isNullAt(5) ? "-" : String.format(Locale.ROOT, "%.5g", ref.getDouble(5)),
        ref.getDouble(6));

    ConvergenceSpec tolerance = StoredSweep.spec(store, sweepId).converged();
    out.println();
    out.printf(
        Locale.ROOT,
        "share of runs that converged (|slope error| <= %s and |intercept error| <= %s), by setting and batch size:%n",
        tolerance.slopeTol(),
        tolerance.interceptTol());
    out.print(answers.table(MAX_ROWS));
  }
}
