package org.batchsweep.job;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.core.Reference;
import org.batchsweep.diagnose.NoiseMoments;
import org.batchsweep.diagnose.NoiseScale;
import org.batchsweep.diagnose.ScalingFit;
import org.batchsweep.store.BatchScalingRow;
import org.batchsweep.store.NoiseScaleRow;
import org.batchsweep.store.PointRow;
import org.batchsweep.store.RunRow;
import org.batchsweep.store.SettingAxes;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/**
 * Writes the batch-size science of a sweep: {@link Table#NOISE_SCALE}, the exact gradient noise
 * scale from one aggregation over the training points, and {@link Table#BATCH_SCALING}, the
 * steps-to-target model fitted per setting from Spark aggregates of the runs (one row per setting ×
 * lr × batch size reaches the driver, never a run).
 */
final class BatchScience {

  static final String ZERO = "zero";
  static final String HALFWAY = "halfway";

  /**
   * Axes that make a setting, where the runs table has them: the grid's axes but batch size, seed
   * and lr (the lr is tuned per batch size within a setting).
   */
  static final List<String> SETTING_AXES =
      RunRow.AXES.stream()
          .filter(a -> !List.of(RunRow.BATCH_SIZE, RunRow.SEED, RunRow.LR).contains(a))
          .toList();

  /** Stands for "never reached" in the median over seeds, far above any step count. */
  private static final double NEVER = 1e18;

  private final SparkSession spark;
  private final TableStore store;

  BatchScience(SparkSession spark, TableStore store) {
    this.spark = spark;
    this.store = store;
  }

  /**
   * The most features for which the noise scale is computed: its one-pass sums hold the fourth
   * moments, O(d⁴) per point (d = 20: 194,481 numbers a point), so wider data skips it.
   */
  static final int MAX_NOISE_FEATURES = 20;

  /**
   * Writes both tables; {@code trainPoints} are the training points (the points table's columns x,
   * y and features).
   *
   * @return the rows written, so what reads them next need not read them back
   */
  BatchScienceRows write(
      String sweepId, SettingAxes axes, Dataset<Row> trainPoints, Reference reference) {
    int d = reference.features();
    double predicted = Double.NaN;
    List<NoiseScaleRow> noise = List.of();
    if (d <= MAX_NOISE_FEATURES) {
      NoiseMoments sums =
          trainPoints
              .select(PointRow.FEATURES, PointRow.Y)
              .javaRDD()
              .treeAggregate(NoiseMoments.empty(d), new AddPoint(d), new Merge());
      double[] zero = new double[d + 1];
      double[] halfway = new double[d + 1];
      for (int j = 0; j < d; j++) {
        halfway[j] = reference.weight(j) / 2;
      }
      halfway[d] = reference.intercept() / 2;
      NoiseScale atZero = sums.at(zero);
      NoiseScale atHalfway = sums.at(halfway);
      noise =
          List.of(
              noiseRow(sweepId, ZERO, atZero, zero, sums.count()),
              noiseRow(sweepId, HALFWAY, atHalfway, halfway, sums.count()));
      store.write(
          Table.NOISE_SCALE,
          spark.createDataFrame(
              noise.stream().map(NoiseScaleRow::toRow).toList(), Table.NOISE_SCALE.schema()));
      predicted = NoiseScale.withoutReplacement(atHalfway.bNoise(), sums.count());
    }
    List<BatchScalingRow> scaling = scalingRows(sweepId, axes, predicted);
    store.write(
        Table.BATCH_SCALING,
        spark.createDataFrame(
            scaling.stream().map(BatchScalingRow::toRow).toList(), Table.BATCH_SCALING.schema()));
    return new BatchScienceRows(scaling, noise);
  }

  private static NoiseScaleRow noiseRow(
      String sweepId, String point, NoiseScale s, double[] theta, long n) {
    return new NoiseScaleRow(
        sweepId,
        point,
        s.bSimple(),
        s.bNoise(),
        s.gradNorm2(),
        s.traceSigma(),
        s.lambdaMax(),
        s.lambdaMin(),
        theta.length == 2 ? theta[0] : null,
        theta[theta.length - 1],
        n);
  }

  /**
   * One row per setting in the order of their labels, from the median steps to target per setting ×
   * lr × batch size.
   */
  private List<BatchScalingRow> scalingRows(
      String sweepId, SettingAxes settingAxes, double predicted) {
    Dataset<Row> runs = store.read(Table.RUNS, sweepId);
    List<String> axes = SETTING_AXES.stream().filter(settingAxes::varies).toList();
    List<Column> keys = new ArrayList<>();
    axes.forEach(a -> keys.add(col(a)));
    keys.add(col(RunRow.BATCH_SIZE));
    keys.add(col(RunRow.LR));
    List<Row> cells =
        runs.groupBy(keys.toArray(Column[]::new))
            .agg(
                median(coalesce(col(RunRow.STEPS_TO_TARGET).cast("double"), lit(NEVER))),
                count(lit(1)))
            .collectAsList();
    // setting -> batch size -> the best (fewest median steps) lr's cell
    Map<String, Map<Integer, double[]>> best = new LinkedHashMap<>();
    Map<String, Set<Double>> lrsTried = new HashMap<>();
    int k = axes.size();
    for (Row cell : cells) {
      StringBuilder setting = new StringBuilder();
      for (int i = 0; i < k; i++) {
        setting.append(i == 0 ? "" : ", ").append(axes.get(i)).append('=').append(cell.get(i));
      }
      int batchSize = cell.getInt(k);
      double lr = cell.getDouble(k + 1);
      double steps = cell.getDouble(k + 2);
      double[] candidate = {steps, lr};
      lrsTried.computeIfAbsent(setting.toString(), s -> new HashSet<>()).add(lr);
      best.computeIfAbsent(setting.toString(), s -> new TreeMap<>())
          .merge(
              batchSize, candidate, (a, b) -> b[0] < a[0] || (b[0] == a[0] && b[1] < a[1]) ? b : a);
    }
    List<BatchScalingRow> rows = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, double[]>> setting : new TreeMap<>(best).entrySet()) {
      List<ScalingFit.Point> points = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      List<Double> steps = new ArrayList<>();
      List<Double> lrs = new ArrayList<>();
      for (Map.Entry<Integer, double[]> b : setting.getValue().entrySet()) {
        if (b.getValue()[0] < NEVER / 2) {
          points.add(new ScalingFit.Point(b.getKey(), b.getValue()[0]));
          sizes.add(b.getKey());
          steps.add(b.getValue()[0]);
          lrs.add(b.getValue()[1]);
        }
      }
      int tried = setting.getValue().size();
      ScalingFit fit = ScalingFit.of(points);
      String note;
      if (fit == null) {
        note =
            String.format(
                Locale.ROOT,
                "too few converged batch sizes to fit: %d of %d (a fit needs %d)",
                sizes.size(),
                tried,
                ScalingFit.MIN_BATCH_SIZES);
      } else if (Double.isNaN(fit.bCrit())) {
        note =
            "steps to target do not fall as the batch grows: no critical batch size of the form S_min(1 + B_crit/B)";
      } else {
        note = String.format(Locale.ROOT, "fitted on %d of %d batch sizes", sizes.size(), tried);
      }
      rows.add(
          new BatchScalingRow(
              sweepId,
              setting.getKey(),
              fit == null ? null : fit.sMin(),
              fit == null ? null : fit.eMin(),
              fit == null || Double.isNaN(fit.bCrit()) ? null : fit.bCrit(),
              Double.isFinite(predicted) ? (Double) predicted : null,
              fit == null ? null : fit.r2(),
              sizes,
              steps,
              lrs,
              tried,
              note,
              lrsTried.get(setting.getKey()).size()));
    }
    return rows;
  }

  /** Executor side: adds a point (features, y) to the sums. */
  private static final class AddPoint implements Function2<NoiseMoments, Row, NoiseMoments> {
    private final int d;

    AddPoint(int d) {
      this.d = d;
    }

    @Override
    public NoiseMoments call(NoiseMoments sums, Row point) {
      List<Double> features = point.getList(0);
      if (d == 1) {
        return sums.add(features.get(0), point.getDouble(1));
      }
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = features.get(j);
      }
      return sums.add(x, point.getDouble(1));
    }
  }

  /** Executor side: merges two partitions' sums. */
  private static final class Merge implements Function2<NoiseMoments, NoiseMoments, NoiseMoments> {
    @Override
    public NoiseMoments call(NoiseMoments a, NoiseMoments b) {
      return a.merge(b);
    }
  }
}
