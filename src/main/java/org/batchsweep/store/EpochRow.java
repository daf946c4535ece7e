package org.batchsweep.store;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.batchsweep.store.RowSchema.DOUBLES;
import static org.batchsweep.store.RowSchema.col;

import java.util.List;
import org.apache.spark.sql.Row;

/** A row of {@link Table#EPOCHS}: a run's parameters after one epoch (0 = initial). */
public record EpochRow(
    String sweepId,
    String runId,
    int epoch,
    Double slope,
    double intercept,
    double trainMse,
    List<Double> weights) {

  public static final String SWEEP_ID = Table.PARTITION_COLUMN;
  public static final String RUN_ID = "run_id";
  public static final String EPOCH = "epoch";
  public static final String SLOPE = "slope";
  public static final String INTERCEPT = "intercept";
  public static final String TRAIN_MSE = "train_mse";

  /** [slope] for one feature. */
  public static final String WEIGHTS = "weights";

  /** The columns in contract order: append new ones at the end, never rename or reorder. */
  public static final RowSchema<EpochRow> SCHEMA =
      RowSchema.of(
              col(SWEEP_ID, StringType, EpochRow::sweepId),
              col(RUN_ID, StringType, EpochRow::runId),
              col(EPOCH, IntegerType, EpochRow::epoch),
              col(SLOPE, DoubleType, EpochRow::slope),
              col(INTERCEPT, DoubleType, EpochRow::intercept),
              col(TRAIN_MSE, DoubleType, EpochRow::trainMse),
              col(WEIGHTS, DOUBLES, EpochRow::weights))
          // A run's parameters and loss after each epoch: new values in every row.
          .plainEncoded(SLOPE, INTERCEPT, TRAIN_MSE, WEIGHTS);

  public Row toRow() {
    return SCHEMA.toRow(this);
  }

  /** Reads a stored row by column name (a column an older table lacks reads as null). */
  public static EpochRow from(Row row) {
    return new EpochRow(
        Rows.<String>get(row, SWEEP_ID),
        Rows.<String>get(row, RUN_ID),
        Rows.<Integer>get(row, EPOCH),
        Rows.<Double>get(row, SLOPE),
        Rows.<Double>get(row, INTERCEPT),
        Rows.<Double>get(row, TRAIN_MSE),
        Rows.list(row, WEIGHTS));
  }
}
