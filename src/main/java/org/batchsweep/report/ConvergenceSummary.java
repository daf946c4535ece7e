package org.batchsweep.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.batchsweep.diagnose.BatchBands;
import org.batchsweep.diagnose.BatchBands.Band;
import org.batchsweep.job.Table;
import org.batchsweep.job.TableStore;
import org.batchsweep.spec.ConvergenceSpec;

/**
 * The short answer printed after a sweep: the reference line, then per loss × shuffle the share of
 * runs that converged in each batch-size band. Computed from the sweep's tables, so it reads the
 * same after {@code run} as after any later query.
 */
public final class ConvergenceSummary {

  /** Converged and total runs of one loss × shuffle × batch size. */
  record Cell(String loss, boolean shuffle, int batchSize, long runs, long converged) {}

  private ConvergenceSummary() {}

  public static void print(TableStore store, String sweepId, PrintStream out) {
    Row ref = store.read(Table.REFERENCE, sweepId).first();
    out.printf(
        Locale.ROOT,
        "reference (%s): y = %.4f·x %+.4f   train MSE %.5g   validation MSE %s   r² %.4f%n",
        ref.getString(1), ref.getDouble(2), ref.getDouble(3), ref.getDouble(4),
        ref.isNullAt(5) ? "-" : String.format(Locale.ROOT, "%.5g", ref.getDouble(5)), ref.getDouble(6));

    List<Cell> cells = new ArrayList<>();
    for (Row r :
        store.read(Table.RUNS, sweepId)
            .groupBy("loss", "shuffle", "batch_size")
            .agg(count(lit(1)), sum(when(col("converged"), 1).otherwise(0)))
            .orderBy("loss", "shuffle", "batch_size")
            .collectAsList()) {
      cells.add(new Cell(r.getString(0), r.getBoolean(1), r.getInt(2), r.getLong(3), r.getLong(4)));
    }
    ConvergenceSpec tolerance = StoredSweep.spec(store, sweepId).converged();
    out.println();
    out.printf(
        Locale.ROOT,
        "share of runs that converged (|slope error| <= %s and |intercept error| <= %s), by batch size:%n",
        tolerance.slopeTol(), tolerance.interceptTol());
    out.print(table(cells));
  }

  static String table(List<Cell> cells) {
    List<Band> bands = BatchBands.of(cells.stream().map(Cell::batchSize).toList());
    Map<String, long[][]> rows = new LinkedHashMap<>();
    for (Cell cell : cells) {
      long[][] counts =
          rows.computeIfAbsent(cell.loss() + "|" + cell.shuffle(), k -> new long[bands.size()][2]);
      for (int b = 0; b < bands.size(); b++) {
        if (bands.get(b).contains(cell.batchSize())) {
          counts[b][0] += cell.converged();
          counts[b][1] += cell.runs();
        }
      }
    }
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "  %-14s %-8s", "loss", "shuffle"));
    for (Band band : bands) {
      text.append(String.format(Locale.ROOT, " %14s", band.label()));
    }
    text.append('\n');
    for (Map.Entry<String, long[][]> row : rows.entrySet()) {
      String[] key = row.getKey().split("\\|", -1);
      text.append(String.format(Locale.ROOT, "  %-14s %-8s", key[0], key[1]));
      for (long[] count : row.getValue()) {
        String share =
            count[1] == 0
                ? "-"
                : String.format(Locale.ROOT, "%3.0f%% (%d/%d)", 100.0 * count[0] / count[1], count[0], count[1]);
        text.append(String.format(Locale.ROOT, " %14s", share));
      }
      text.append('\n');
    }
    return text.toString();
  }
}
