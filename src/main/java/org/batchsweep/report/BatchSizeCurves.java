package org.batchsweep.report;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
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
import org.apache.spark.sql.RowFactory;
import org.batchsweep.diagnose.Diagnosis;

/**
 * The batch-size figures' numbers: per setting and batch size, the replicate seeds' median, minimum
 * and maximum of the final slope, intercept and train loss, aggregated by Spark so only one row per
 * plotted point reaches the driver.
 *
 * <p>The driver's share is bounded whatever the sweep's size: at most {@link #MAX_BATCH_SIZES}
 * batch sizes are plotted (evenly thinned when the sweep has more; a line of a few hundred pixels
 * shows no more), and only the settings the figures draw are aggregated.
 *
 * <p>Non-finite results (diverged runs) are left out of the statistics and counted in {@link
 * Point#nonFinite}. When the runs table has {@code objective_slope} / {@code objective_intercept},
 * their medians are the objective's own minimiser; otherwise (tables written before those columns)
 * they are NaN.
 */
final class BatchSizeCurves {

  static final String OBJECTIVE_SLOPE = "objective_slope";
  static final String OBJECTIVE_INTERCEPT = "objective_intercept";
  static final int MAX_BATCH_SIZES = 120;

  /** Median, minimum and maximum over a point's seeds; NaN when no seed has a finite value. */
  record Spread(double median, double min, double max) {}

  /**
   * One plotted batch size of one setting.
   *
   * @param diverged runs diagnosed {@code diverged}, finite or not
   * @param line the setting without its loss, as it reads in a legend ({@code shuffled · lr 0.1})
   * @param initSlope the range of the runs' initial slopes (NaN when the table has none)
   */
  record Point(
      Setting setting,
      String line,
      int batchSize,
      long runs,
      long nonFinite,
      long converged,
      long diverged,
      Spread slope,
      Spread intercept,
      Spread trainMse,
      double objectiveSlope,
      double objectiveIntercept,
      Spread initSlope,
      Spread initIntercept) {

    /** Whether most of the point's runs did not diverge: its median may set an axis. */
    boolean sane() {
      return 2 * diverged < runs;
    }

    String loss() {
      return String.valueOf(setting.get("loss"));
    }
  }

  private BatchSizeCurves() {}

  /** Every setting's points, ordered by setting and batch size. */
  static List<Point> of(Dataset<Row> runs, SweepAxes axes) {
    return of(runs, axes, plottedBatchSizes(runs), null);
  }

  /**
   * The points of the given settings (null: all) at the given batch sizes, ordered by setting and
   * batch size.
   *
   * @param settings settings as listed by {@link SettingList}, with its columns
   */
  static List<Point> of(
      Dataset<Row> runs, SweepAxes axes, List<Integer> batchSizes, List<Setting> settings) {
    List<String> columns = axes.settingColumns();
    Dataset<Row> chosen = runs.where(col("batch_size").isin(batchSizes.toArray()));
    if (settings != null) {
      chosen = only(chosen, columns, settings);
    }
    List<Column> groups = new ArrayList<>();
    columns.forEach(c -> groups.add(col(c)));
    groups.add(col("batch_size"));

    List<String> present = Arrays.asList(runs.columns());
    boolean hasObjective = present.containsAll(List.of(OBJECTIVE_SLOPE, OBJECTIVE_INTERCEPT));
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(
        sum(
            when(finite(col("slope")).isNull().or(finite(col("intercept")).isNull()), 1)
                .otherwise(0)));
    aggregates.add(sum(when(col("converged"), 1).otherwise(0)));
    aggregates.add(sum(when(col("diagnosis").equalTo(Diagnosis.DIVERGED.label()), 1).otherwise(0)));
    for (String metric : List.of("slope", "intercept", "train_mse")) {
      Column value = finite(col(metric));
      aggregates.add(median(value));
      aggregates.add(min(value));
      aggregates.add(max(value));
    }
    aggregates.add(hasObjective ? median(finite(col(OBJECTIVE_SLOPE))) : lit(null).cast("double"));
    aggregates.add(
        hasObjective ? median(finite(col(OBJECTIVE_INTERCEPT))) : lit(null).cast("double"));
    for (String init : List.of("init_slope", "init_intercept")) {
      Column value = present.contains(init) ? finite(col(init)) : lit(null).cast("double");
      aggregates.add(median(value));
      aggregates.add(min(value));
      aggregates.add(max(value));
    }

    List<String> variants =
        columns.stream().filter(c -> !c.equals("loss") && !c.equals("shuffle")).toList();
    List<Point> points = new ArrayList<>();
    for (Row r :
        chosen
            .groupBy(groups.toArray(Column[]::new))
            .agg(count(lit(1)), aggregates.toArray(Column[]::new))
            .orderBy(groups.toArray(Column[]::new))
            .collectAsList()) {
      Setting setting = Setting.of(columns, r);
      List<String> lineColumns = new ArrayList<>();
      lineColumns.add("shuffle");
      lineColumns.addAll(variants);
      int k = columns.size();
      int batchSize = r.getInt(k++);
      long count = r.getLong(k++);
      long nonFinite = r.getLong(k++);
      long converged = r.getLong(k++);
      long diverged = r.getLong(k++);
      Spread slope = new Spread(number(r, k++), number(r, k++), number(r, k++));
      Spread intercept = new Spread(number(r, k++), number(r, k++), number(r, k++));
      Spread trainMse = new Spread(number(r, k++), number(r, k++), number(r, k++));
      double objectiveSlope = number(r, k++);
      double objectiveIntercept = number(r, k++);
      Spread initSlope = new Spread(number(r, k++), number(r, k++), number(r, k++));
      Spread initIntercept = new Spread(number(r, k++), number(r, k++), number(r, k));
      points.add(
          new Point(
              setting,
              setting.label(lineColumns),
              batchSize,
              count,
              nonFinite,
              converged,
              diverged,
              slope,
              intercept,
              trainMse,
              objectiveSlope,
              objectiveIntercept,
              initSlope,
              initIntercept));
    }
    return points;
  }

  /**
   * The batch sizes drawn: all of them, or {@link #MAX_BATCH_SIZES} evenly spread, ends included.
   */
  static List<Integer> plottedBatchSizes(Dataset<Row> runs) {
    List<Integer> all =
        runs
            .select(col("batch_size"))
            .distinct()
            .orderBy(col("batch_size"))
            .collectAsList()
            .stream()
            .map(r -> r.getInt(0))
            .toList();
    return thin(all, MAX_BATCH_SIZES);
  }

  /** At most {@code max} of the values, evenly spread by index, the first and last included. */
  static <T> List<T> thin(List<T> values, int max) {
    if (values.size() <= max) {
      return values;
    }
    List<T> kept = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      kept.add(values.get((int) Math.round(i * (values.size() - 1.0) / (max - 1))));
    }
    return kept;
  }

  /** The runs of the given settings only: a join with a small broadcast table of them. */
  static Dataset<Row> only(Dataset<Row> runs, List<String> columns, List<Setting> settings) {
    Dataset<Row> keys = runs.select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
    List<Row> rows = settings.stream().map(s -> RowFactory.create(s.values().toArray())).toList();
    Dataset<Row> wanted = runs.sparkSession().createDataFrame(rows, keys.schema());
    Column match = lit(true);
    for (String c : columns) {
      match = match.and(runs.col(c).eqNullSafe(wanted.col(c)));
    }
    Dataset<Row> joined = runs.join(broadcast(wanted), match, "left_semi");
    return joined;
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
