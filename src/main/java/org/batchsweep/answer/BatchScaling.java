package org.batchsweep.answer;

import java.util.ArrayList;
import java.util.List;
import org.batchsweep.store.BatchScalingRow;
import org.batchsweep.store.NoiseScaleRow;
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
    return of(
        store
            .read(Table.BATCH_SCALING, sweepId)
            .orderBy(BatchScalingRow.SETTING)
            .collectAsList()
            .stream()
            .map(BatchScalingRow::from)
            .toList(),
        store.read(Table.NOISE_SCALE, sweepId).collectAsList().stream()
            .map(NoiseScaleRow::from)
            .toList());
  }

  /**
   * The science of a sweep from its rows as written, or null when it has none.
   *
   * @param scalingRows one per setting, in the order of their labels
   */
  public static BatchScaling of(List<BatchScalingRow> scalingRows, List<NoiseScaleRow> noiseRows) {
    List<Setting> settings = new ArrayList<>();
    for (BatchScalingRow r : scalingRows) {
      settings.add(
          new Setting(
              r.setting(),
              number(r.sMin()),
              number(r.eMin()),
              number(r.bCrit()),
              number(r.bNoisePredicted()),
              number(r.fitR2()),
              r.batchSizesUsed(),
              r.medianSteps(),
              r.bestLr(),
              r.batchSizesTried(),
              r.note(),
              r.lrsTried() == null ? 0 : r.lrsTried()));
    }
    double zero = Double.NaN;
    double halfway = Double.NaN;
    long n = 0;
    for (NoiseScaleRow r : noiseRows) {
      n = r.n();
      if ("zero".equals(r.point())) {
        zero = number(r.bNoise());
      } else if ("halfway".equals(r.point())) {
        halfway = number(r.bNoise());
      }
    }
    if (settings.isEmpty() || Double.isNaN(halfway)) {
      return null;
    }
    return new BatchScaling(List.copyOf(settings), zero, halfway, n);
  }

  private static double number(Double value) {
    return value == null ? Double.NaN : value;
  }
}
