package org.batchsweep.store;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.batchsweep.store.RowSchema.col;

import org.apache.spark.sql.Row;

/** A row of {@link Table#NOISE_SCALE}: the exact gradient noise scale at one point. */
public record NoiseScaleRow(
    String sweepId,
    String point,
    Double bSimple,
    Double bNoise,
    Double gradNorm2,
    Double traceSigma,
    Double lambdaMax,
    Double lambdaMin,
    Double slope,
    double intercept,
    long n) {

  public static final String SWEEP_ID = Table.PARTITION_COLUMN;
  public static final String POINT = "point";
  public static final String B_SIMPLE = "b_simple";
  public static final String B_NOISE = "b_noise";
  public static final String GRAD_NORM2 = "grad_norm2";
  public static final String TRACE_SIGMA = "trace_sigma";
  public static final String LAMBDA_MAX = "lambda_max";
  public static final String LAMBDA_MIN = "lambda_min";

  /** The point's parameters, and the training points the sums ran over. */
  public static final String SLOPE = "slope";

  public static final String INTERCEPT = "intercept";
  public static final String N = "n";

  /** The columns in contract order: append new ones at the end, never rename or reorder. */
  public static final RowSchema<NoiseScaleRow> SCHEMA =
      RowSchema.of(
          col(SWEEP_ID, StringType, NoiseScaleRow::sweepId),
          col(POINT, StringType, NoiseScaleRow::point),
          col(B_SIMPLE, DoubleType, NoiseScaleRow::bSimple),
          col(B_NOISE, DoubleType, NoiseScaleRow::bNoise),
          col(GRAD_NORM2, DoubleType, NoiseScaleRow::gradNorm2),
          col(TRACE_SIGMA, DoubleType, NoiseScaleRow::traceSigma),
          col(LAMBDA_MAX, DoubleType, NoiseScaleRow::lambdaMax),
          col(LAMBDA_MIN, DoubleType, NoiseScaleRow::lambdaMin),
          col(SLOPE, DoubleType, NoiseScaleRow::slope),
          col(INTERCEPT, DoubleType, NoiseScaleRow::intercept),
          col(N, LongType, NoiseScaleRow::n));

  public Row toRow() {
    return SCHEMA.toRow(this);
  }

  /** Reads a stored row by column name (a column an older table lacks reads as null). */
  public static NoiseScaleRow from(Row row) {
    return new NoiseScaleRow(
        Rows.<String>get(row, SWEEP_ID),
        Rows.<String>get(row, POINT),
        Rows.<Double>get(row, B_SIMPLE),
        Rows.<Double>get(row, B_NOISE),
        Rows.<Double>get(row, GRAD_NORM2),
        Rows.<Double>get(row, TRACE_SIGMA),
        Rows.<Double>get(row, LAMBDA_MAX),
        Rows.<Double>get(row, LAMBDA_MIN),
        Rows.<Double>get(row, SLOPE),
        Rows.<Double>get(row, INTERCEPT),
        Rows.<Long>get(row, N));
  }
}
