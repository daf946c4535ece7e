package org.batchsweep.store;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.batchsweep.store.RowSchema.DOUBLES;
import static org.batchsweep.store.RowSchema.INTEGERS;
import static org.batchsweep.store.RowSchema.col;

import java.util.List;
import org.apache.spark.sql.Row;

/** A row of {@link Table#BATCH_SCALING}: S(B) = S_min·(1 + B_crit/B) fitted for one setting. */
public record BatchScalingRow(
    String sweepId,
    String setting,
    Double sMin,
    Double eMin,
    Double bCrit,
    Double bNoisePredicted,
    Double fitR2,
    List<Integer> batchSizesUsed,
    List<Double> medianSteps,
    List<Double> bestLr,
    int batchSizesTried,
    String note,
    Integer lrsTried) {

  public static final String SWEEP_ID = Table.PARTITION_COLUMN;
  public static final String SETTING = "setting";
  public static final String S_MIN = "s_min";
  public static final String E_MIN = "e_min";
  public static final String B_CRIT = "b_crit";
  public static final String B_NOISE_PREDICTED = "b_noise_predicted";
  public static final String FIT_R2 = "fit_r2";
  public static final String BATCH_SIZES_USED = "batch_sizes_used";

  /** Aligned with batch_sizes_used: the median steps to target and the lr that gave it. */
  public static final String MEDIAN_STEPS = "median_steps";

  public static final String BEST_LR = "best_lr";
  public static final String BATCH_SIZES_TRIED = "batch_sizes_tried";
  public static final String NOTE = "note";

  /** Distinct lrs the setting tried: 1 means the lr was not tuned per batch size. */
  public static final String LRS_TRIED = "lrs_tried";

  /** The columns in contract order: append new ones at the end, never rename or reorder. */
  public static final RowSchema<BatchScalingRow> SCHEMA =
      RowSchema.of(
          col(SWEEP_ID, StringType, BatchScalingRow::sweepId),
          col(SETTING, StringType, BatchScalingRow::setting),
          col(S_MIN, DoubleType, BatchScalingRow::sMin),
          col(E_MIN, DoubleType, BatchScalingRow::eMin),
          col(B_CRIT, DoubleType, BatchScalingRow::bCrit),
          col(B_NOISE_PREDICTED, DoubleType, BatchScalingRow::bNoisePredicted),
          col(FIT_R2, DoubleType, BatchScalingRow::fitR2),
          col(BATCH_SIZES_USED, INTEGERS, BatchScalingRow::batchSizesUsed),
          col(MEDIAN_STEPS, DOUBLES, BatchScalingRow::medianSteps),
          col(BEST_LR, DOUBLES, BatchScalingRow::bestLr),
          col(BATCH_SIZES_TRIED, IntegerType, BatchScalingRow::batchSizesTried),
          col(NOTE, StringType, BatchScalingRow::note),
          col(LRS_TRIED, IntegerType, BatchScalingRow::lrsTried));

  public Row toRow() {
    return SCHEMA.toRow(this);
  }

  /** Reads a stored row by column name (a column an older table lacks reads as null). */
  public static BatchScalingRow from(Row row) {
    return new BatchScalingRow(
        Rows.<String>get(row, SWEEP_ID),
        Rows.<String>get(row, SETTING),
        Rows.<Double>get(row, S_MIN),
        Rows.<Double>get(row, E_MIN),
        Rows.<Double>get(row, B_CRIT),
        Rows.<Double>get(row, B_NOISE_PREDICTED),
        Rows.<Double>get(row, FIT_R2),
        Rows.list(row, BATCH_SIZES_USED),
        Rows.list(row, MEDIAN_STEPS),
        Rows.list(row, BEST_LR),
        Rows.<Integer>get(row, BATCH_SIZES_TRIED),
        Rows.<String>get(row, NOTE),
        Rows.<Integer>get(row, LRS_TRIED));
  }
}
