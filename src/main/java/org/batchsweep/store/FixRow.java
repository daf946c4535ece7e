package org.batchsweep.store;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.batchsweep.store.RowSchema.DOUBLES;
import static org.batchsweep.store.RowSchema.col;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * A row of {@link Table#FIXES}: a failed run, the change a fix made, and how the changed run ended.
 */
public record FixRow(
    String sweepId,
    String setting,
    String diagnosis,
    String change,
    String runId,
    String fixedRunId,
    int batchSize,
    long seed,
    List<Double> weights,
    double intercept,
    long steps,
    boolean converged,
    String detail,
    String fixedDiagnosis) {

  public static final String SWEEP_ID = Table.PARTITION_COLUMN;
  public static final String SETTING = "setting";
  public static final String DIAGNOSIS = "diagnosis";
  public static final String CHANGE = "change";
  public static final String RUN_ID = "run_id";
  public static final String FIXED_RUN_ID = "fixed_run_id";
  public static final String BATCH_SIZE = "batch_size";
  public static final String SEED = "seed";
  public static final String WEIGHTS = "weights";
  public static final String INTERCEPT = "intercept";
  public static final String STEPS = "steps";
  public static final String CONVERGED = "converged";
  public static final String DETAIL = "detail";
  public static final String FIXED_DIAGNOSIS = "fixed_diagnosis";

  /** The columns in contract order: append new ones at the end, never rename or reorder. */
  public static final RowSchema<FixRow> SCHEMA =
      RowSchema.of(
          col(SWEEP_ID, StringType, FixRow::sweepId),
          col(SETTING, StringType, FixRow::setting),
          col(DIAGNOSIS, StringType, FixRow::diagnosis),
          col(CHANGE, StringType, FixRow::change),
          col(RUN_ID, StringType, FixRow::runId),
          col(FIXED_RUN_ID, StringType, FixRow::fixedRunId),
          col(BATCH_SIZE, IntegerType, FixRow::batchSize),
          col(SEED, LongType, FixRow::seed),
          col(WEIGHTS, DOUBLES, FixRow::weights),
          col(INTERCEPT, DoubleType, FixRow::intercept),
          col(STEPS, LongType, FixRow::steps),
          col(CONVERGED, BooleanType, FixRow::converged),
          col(DETAIL, StringType, FixRow::detail),
          col(FIXED_DIAGNOSIS, StringType, FixRow::fixedDiagnosis));

  public Row toRow() {
    return SCHEMA.toRow(this);
  }

  /** Reads a stored row by column name (a column an older table lacks reads as null). */
  public static FixRow from(Row row) {
    return new FixRow(
        Rows.<String>get(row, SWEEP_ID),
        Rows.<String>get(row, SETTING),
        Rows.<String>get(row, DIAGNOSIS),
        Rows.<String>get(row, CHANGE),
        Rows.<String>get(row, RUN_ID),
        Rows.<String>get(row, FIXED_RUN_ID),
        Rows.<Integer>get(row, BATCH_SIZE),
        Rows.<Long>get(row, SEED),
        Rows.list(row, WEIGHTS),
        Rows.<Double>get(row, INTERCEPT),
        Rows.<Long>get(row, STEPS),
        Rows.<Boolean>get(row, CONVERGED),
        Rows.<String>get(row, DETAIL),
        Rows.<String>get(row, FIXED_DIAGNOSIS));
  }
}
