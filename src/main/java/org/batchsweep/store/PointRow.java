package org.batchsweep.store;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.batchsweep.store.RowSchema.DOUBLES;
import static org.batchsweep.store.RowSchema.col;

import java.util.List;
import org.apache.spark.sql.Row;

/** A row of {@link Table#POINTS}: one data point of a split. */
public record PointRow(String sweepId, String split, Double x, double y, List<Double> features) {

  public static final String SWEEP_ID = Table.PARTITION_COLUMN;

  /** {@code train} or {@code validation}. */
  public static final String SPLIT = "split";

  /** The values of {@link #SPLIT}. */
  public static final String TRAIN = "train";

  public static final String VALIDATION = "validation";

  public static final String X = "x";
  public static final String Y = "y";

  /** The point's features, [x] for one feature. */
  public static final String FEATURES = "features";

  /** The columns in contract order: append new ones at the end, never rename or reorder. */
  public static final RowSchema<PointRow> SCHEMA =
      RowSchema.of(
          col(SWEEP_ID, StringType, PointRow::sweepId),
          col(SPLIT, StringType, PointRow::split),
          col(X, DoubleType, PointRow::x),
          col(Y, DoubleType, PointRow::y),
          col(FEATURES, DOUBLES, PointRow::features));

  public Row toRow() {
    return SCHEMA.toRow(this);
  }

  /** Reads a stored row by column name (a column an older table lacks reads as null). */
  public static PointRow from(Row row) {
    return new PointRow(
        Rows.<String>get(row, SWEEP_ID),
        Rows.<String>get(row, SPLIT),
        Rows.<Double>get(row, X),
        Rows.<Double>get(row, Y),
        Rows.list(row, FEATURES));
  }
}
