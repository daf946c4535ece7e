package org.batchsweep.answer;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/**
 * A sweep's batch-size science as stored: the fit of steps to target against batch size per setting
 * ({@code batch_scaling}) and the exact noise scale ({@code noise_scale}). Both tables are a few
 * rows per sweep; a sweep written before they existed has none.
 */
public record BatchScaling(
    List<Setting> settings, double bNoiseZero, double bNoiseHalfway, long n) {

  /**
   * One setting's row; {@code sMin}, {@code eMin}, {@code bCrit}, {@code r2} NaN when not fitted.
   */
  public record Setting(
      String setting,
      double sMin,
      double eMin,
      double bCrit,
      double bNoisePredicted,
      double r2,
      List<Integer> batchSizes,
      List<Double> steps,
      List<Double> lrs,
      int tried,
      String note,
      int lrsTried) {

    public boolean fitted() {
      return !Double.isNaN(sMin);
    }

    /**
     * The setting as people read it: "all runs" when the sweep varies nothing but B, seed and lr.
     */
    public String label() {
      return setting.isEmpty() ? "all runs" : setting;
    }
  }

  /** The stored rows, or null when the sweep has none. */
  public static BatchScaling load(TableStore store, String sweepId) {
    if (!store.exists(Table.BATCH_SCALING) || !store.exists(Table.NOISE_SCALE)) {
      return null;
    }
    List<Setting> settings = new ArrayList<>();
    for (Row r : store.read(Table.BATCH_SCALING, sweepId).orderBy("setting").collectAsList()) {
      settings.add(
          new Setting(
              r.getAs("setting"),
              number(r, "s_min"),
              number(r, "e_min"),
              number(r, "b_crit"),
              number(r, "b_noise_predicted"),
              number(r, "fit_r2"),
              r.getList(r.fieldIndex("batch_sizes_used")),
              r.getList(r.fieldIndex("median_steps")),
              r.getList(r.fieldIndex("best_lr")),
              r.<Integer>getAs("batch_sizes_tried"),
              r.getAs("note"),
              r.isNullAt(r.fieldIndex("lrs_tried")) ? 0 : r.<Integer>getAs("lrs_tried")));
    }
    double zero = Double.NaN;
    double halfway = Double.NaN;
    long n = 0;
    for (Row r : store.read(Table.NOISE_SCALE, sweepId).collectAsList()) {
      String point = r.getAs("point");
      n = r.<Long>getAs("n");
      if ("zero".equals(point)) {
        zero = number(r, "b_noise");
      } else if ("halfway".equals(point)) {
        halfway = number(r, "b_noise");
      }
    }
    if (settings.isEmpty() || Double.isNaN(halfway)) {
      return null;
    }
    return new BatchScaling(List.copyOf(settings), zero, halfway, n);
  }

  private static double number(Row r, String column) {
    int i = r.fieldIndex(column);
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }
}
