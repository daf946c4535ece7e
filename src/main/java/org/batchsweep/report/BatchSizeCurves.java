package org.batchsweep.report;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The seed figure's numbers: per loss, line and batch size, the replicate seeds' median, minimum
 * and maximum of the final slope, intercept and train loss, aggregated by Spark so only one row
 * per plotted point reaches the driver.
 *
 * <p>A line is one shuffle setting, further split by any other axis the sweep varied (optimizer,
 * lr, momentum, epochs, precision), so the seeds of a point differ in their seed only. Non-finite
 * results (diverged runs) are left out of the statistics and counted in {@link Point#nonFinite}.
 * When the runs table has {@code objective_slope} / {@code objective_intercept}, their medians are
 * the objective's own minimiser; otherwise (tables written before those columns) they are NaN.
 */
final class BatchSizeCurves {

  static final String OBJECTIVE_SLOPE = "objective_slope";
  static final String OBJECTIVE_INTERCEPT = "objective_intercept";

  /** Median, minimum and maximum over a point's seeds; NaN when no seed has a finite value. */
  record Spread(double median, double min, double max) {}

  /** One plotted batch size of one line. */
  record Point(
      String loss,
      String line,
      int batchSize,
      long runs,
      long nonFinite,
      Spread slope,
      Spread intercept,
      Spread trainMse,
      double objectiveSlope,
      double objectiveIntercept) {}

  private BatchSizeCurves() {}

  /** Points ordered by loss, line (fixed order before shuffled) and batch size. */
  static List<Point> of(Dataset<Row> runs, SweepAxes axes) {
    List<String> variants = axes.variants();
    List<Column> groups = new ArrayList<>();
    groups.add(col("loss"));
    groups.add(col("shuffle"));
    variants.forEach(v -> groups.add(col(v)));
    groups.add(col("batch_size"));

    boolean hasObjective = Arrays.asList(runs.columns()).containsAll(List.of(OBJECTIVE_SLOPE, OBJECTIVE_INTERCEPT));
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(
        sum(when(finite(col("slope")).isNull().or(finite(col("intercept")).isNull()), 1).otherwise(0)));
    for (String metric : List.of("slope", "intercept", "train_mse")) {
      Column value = finite(col(metric));
      aggregates.add(median(value));
      aggregates.add(min(value));
      aggregates.add(max(value));
    }
    aggregates.add(hasObjective ? median(finite(col(OBJECTIVE_SLOPE))) : lit(null).cast("double"));
    aggregates.add(hasObjective ? median(finite(col(OBJECTIVE_INTERCEPT))) : lit(null).cast("double"));

    List<Point> points = new ArrayList<>();
    for (Row r :
        runs.groupBy(groups.toArray(Column[]::new))
            .agg(count(lit(1)), aggregates.toArray(Column[]::new))
            .orderBy(groups.toArray(Column[]::new))
            .collectAsList()) {
      int k = 0;
      String loss = r.getString(k++);
      boolean shuffle = r.getBoolean(k++);
      StringBuilder line = new StringBuilder(Labels.shuffle(shuffle));
      for (String variant : variants) {
        line.append(" · ").append(Labels.axisValue(variant, r.get(k++)));
      }
      int batchSize = r.getInt(k++);
      long count = r.getLong(k++);
      long nonFinite = r.getLong(k++);
      Spread slope = new Spread(number(r, k++), number(r, k++), number(r, k++));
      Spread intercept = new Spread(number(r, k++), number(r, k++), number(r, k++));
      Spread trainMse = new Spread(number(r, k++), number(r, k++), number(r, k++));
      points.add(
          new Point(loss, line.toString(), batchSize, count, nonFinite, slope, intercept, trainMse,
              number(r, k++), number(r, k)));
    }
    return points;
  }

  /** The value, or null when it is missing, NaN or infinite. */
  static Column finite(Column value) {
    return when(value.isNaN().or(abs(value).equalTo(lit(Double.POSITIVE_INFINITY))), lit(null))
        .otherwise(value);
  }

  private static double number(Row row, int i) {
    return row.isNullAt(i) ? Double.NaN : ((Number) row.get(i)).doubleValue();
  }
}
