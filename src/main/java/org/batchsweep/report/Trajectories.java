package org.batchsweep.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.batchsweep.store.EpochRow;

/**
 * One representative run per diagnosis and its path epoch by epoch: the run with the median batch
 * size among the runs of that diagnosis (ties broken by run id). Spark picks the runs and thins
 * long trajectories to at most {@link #MAX_POINTS} epochs, so the driver collects a few hundred
 * rows whatever the sweep's size.
 */
final class Trajectories {

  static final int MAX_POINTS = 1000;

  /** A run's slope and intercept after each recorded epoch (epoch 0 is the initial point). */
  record Path(
      String runId,
      String diagnosis,
      String label,
      double[] epochs,
      double[] slopes,
      double[] intercepts) {}

  private Trajectories() {}

  static List<Path> of(Dataset<Row> runs, Dataset<Row> epochs, SweepAxes axes) {
    WindowSpec byDiagnosis = Window.partitionBy("diagnosis").orderBy("batch_size", "run_id");
    WindowSpec all = Window.partitionBy("diagnosis");
    List<Row> picked =
        runs.where(col("diagnosis").isNotNull())
            .join(epochs.select("run_id").distinct(), "run_id")
            .withColumn("rank", row_number().over(byDiagnosis))
            .withColumn("of", count(lit(1)).over(all))
            .where(col("rank").equalTo(floor(col("of").plus(1).divide(2))))
            .orderBy("diagnosis")
            .collectAsList();
    if (picked.isEmpty()) {
      return List.of();
    }
    Map<String, Row> byRun = new LinkedHashMap<>();
    picked.forEach(r -> byRun.put(r.getAs("run_id"), r));

    Dataset<Row> chosen =
        epochs
            .where(col("run_id").isin(byRun.keySet().toArray()))
            .select(EpochRow.RUN_ID, EpochRow.EPOCH, EpochRow.SLOPE, EpochRow.INTERCEPT);
    long lastEpoch = ((Number) chosen.agg(max("epoch")).first().get(0)).longValue();
    long stride = Math.max(1, (lastEpoch + MAX_POINTS) / MAX_POINTS);
    List<Row> rows =
        chosen
            .where(col("epoch").mod(stride).equalTo(0).or(col("epoch").equalTo(lastEpoch)))
            .orderBy("run_id", "epoch")
            .collectAsList();

    List<Path> paths = new ArrayList<>();
    for (Row run : byRun.values()) {
      String runId = run.getAs("run_id");
      List<Row> mine =
          rows.stream().filter(r -> r.<String>getAs(EpochRow.RUN_ID).equals(runId)).toList();
      paths.add(
          new Path(
              runId,
              run.getAs("diagnosis"),
              label(run, axes),
              mine.stream().mapToDouble(r -> r.<Integer>getAs(EpochRow.EPOCH)).toArray(),
              mine.stream().mapToDouble(r -> orNaN(r, EpochRow.SLOPE)).toArray(),
              mine.stream().mapToDouble(r -> orNaN(r, EpochRow.INTERCEPT)).toArray()));
    }
    return paths;
  }

  private static double orNaN(Row r, String column) {
    Double value = r.getAs(column);
    return value == null ? Double.NaN : value;
  }

  // "wrong-objective: mse-broadcast, shuffled, B 500, seed 2" (and any other axis the sweep
  // varies).
  private static String label(Row run, SweepAxes axes) {
    StringBuilder text = new StringBuilder();
    text.append(run.<String>getAs("diagnosis")).append(": ").append(run.<String>getAs("loss"));
    text.append(", ").append(Labels.shuffle(run.getAs("shuffle")));
    text.append(", ").append(Labels.axisValue("batch_size", run.getAs("batch_size")));
    for (String variant : axes.variants()) {
      text.append(", ").append(Labels.axisValue(variant, run.getAs(variant)));
    }
    text.append(", seed ").append(run.<Long>getAs("seed"));
    return text.toString();
  }
}
