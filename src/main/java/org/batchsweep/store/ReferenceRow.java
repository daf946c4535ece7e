package org.batchsweep.store;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.batchsweep.store.RowSchema.DOUBLES;
import static org.batchsweep.store.RowSchema.col;

import java.util.List;
import org.apache.spark.sql.Row;

/** A row of {@link Table#REFERENCE}: the exact least-squares fit runs are compared with. */
public record ReferenceRow(
    String sweepId,
    String method,
    Double slope,
    double intercept,
    double trainMse,
    Double validationMse,
    Double r2,
    List<Double> weights,
    Double conditionNumber) {

  public static final String SWEEP_ID = Table.PARTITION_COLUMN;
  public static final String METHOD = "method";
  public static final String SLOPE = "slope";
  public static final String INTERCEPT = "intercept";
  public static final String TRAIN_MSE = "train_mse";

  /** Null without a validation split. */
  public static final String VALIDATION_MSE = "validation_mse";

  public static final String R2 = "r2";

  /** The fitted weights, [slope] for one feature. */
  public static final String WEIGHTS = "weights";

  /** Of the centred feature covariance: 1 for one feature. */
  public static final String CONDITION_NUMBER = "condition_number";

  /** The columns in contract order: append new ones at the end, never rename or reorder. */
  public static final RowSchema<ReferenceRow> SCHEMA =
      RowSchema.of(
          col(SWEEP_ID, StringType, ReferenceRow::sweepId),
          col(METHOD, StringType, ReferenceRow::method),
          col(SLOPE, DoubleType, ReferenceRow::slope),
          col(INTERCEPT, DoubleType, ReferenceRow::intercept),
          col(TRAIN_MSE, DoubleType, ReferenceRow::trainMse),
          col(VALIDATION_MSE, DoubleType, ReferenceRow::validationMse),
          col(R2, DoubleType, ReferenceRow::r2),
          col(WEIGHTS, DOUBLES, ReferenceRow::weights),
          col(CONDITION_NUMBER, DoubleType, ReferenceRow::conditionNumber));

  public Row toRow() {
    return SCHEMA.toRow(this);
  }

  /** Reads a stored row by column name (a column an older table lacks reads as null). */
  public static ReferenceRow from(Row row) {
    return new ReferenceRow(
        Rows.<String>get(row, SWEEP_ID),
        Rows.<String>get(row, METHOD),
        Rows.<Double>get(row, SLOPE),
        Rows.<Double>get(row, INTERCEPT),
        Rows.<Double>get(row, TRAIN_MSE),
        Rows.<Double>get(row, VALIDATION_MSE),
        Rows.<Double>get(row, R2),
        Rows.list(row, WEIGHTS),
        Rows.<Double>get(row, CONDITION_NUMBER));
  }
}
