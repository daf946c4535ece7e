package org.batchsweep.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The convergence map's numbers: for a sweep that varies two numeric axes (batch size × learning
 * rate, say), the runs and converged runs of every cell, per loss and shuffle setting. Seeds and
 * any further axis are pooled into the cell.
 *
 * @param x the axis across (batch size when it varies)
 * @param y the axis up
 * @param pooled the other axes the sweep varied, pooled into each cell (besides seeds)
 */
record ConvergenceGrid(String x, String y, List<String> pooled, List<Cell> cells) {

  /** One cell of one panel: its axis values and how many of its runs converged. */
  record Cell(String loss, boolean shuffle, double x, double y, long runs, long converged) {
    double share() {
      return runs == 0 ? Double.NaN : (double) converged / runs;
    }
  }

  ConvergenceGrid {
    pooled = List.copyOf(pooled);
    cells = List.copyOf(cells);
  }

  /** The grid, or empty when the sweep varies fewer than two numeric axes. */
  static Optional<ConvergenceGrid> of(Dataset<Row> runs, SweepAxes axes) {
    List<String> numeric = axes.numeric();
    if (numeric.size() < 2) {
      return Optional.empty();
    }
    String x = numeric.get(0);
    String y = numeric.get(1);
    List<String> pooled = new ArrayList<>(numeric.subList(2, numeric.size()));
    axes.variants().stream().filter(v -> !numeric.contains(v)).forEach(pooled::add);
    List<Cell> cells = new ArrayList<>();
    for (Row r :
        runs.groupBy(col("loss"), col("shuffle"), col(x).cast("double"), col(y).cast("double"))
            .agg(count(lit(1)), sum(when(col("converged"), 1).otherwise(0)))
            .orderBy(col("loss"), col("shuffle"))
            .collectAsList()) {
      cells.add(
          new Cell(r.getString(0), r.getBoolean(1), r.getDouble(2), r.getDouble(3), r.getLong(4), r.getLong(5)));
    }
    return Optional.of(new ConvergenceGrid(x, y, pooled, cells));
  }
}
