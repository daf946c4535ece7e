package org.batchsweep.store;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.batchsweep.store.RowSchema.STRINGS;
import static org.batchsweep.store.RowSchema.col;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;

/** A row of {@link Table#SWEEPS}: one sweep, its effective spec and whether it is whole. */
public record SweepRow(
    String sweepId,
    String name,
    String spec,
    Timestamp createdAt,
    String master,
    String sparkVersion,
    Long runs,
    Double wallSeconds,
    String status,
    List<String> varyingAxes) {

  public static final String SWEEP_ID = Table.PARTITION_COLUMN;
  public static final String NAME = "name";

  /** The effective YAML. */
  public static final String SPEC = "spec";

  public static final String CREATED_AT = "created_at";
  public static final String MASTER = "master";
  public static final String SPARK_VERSION = "spark_version";
  public static final String RUNS = "runs";
  public static final String WALL_SECONDS = "wall_seconds";

  /** 'running' from the moment a sweep starts writing until every table is written. */
  public static final String STATUS = "status";

  /**
   * The grid's axes (runs columns of {@link RunRow#AXES}) that take more than one value in the
   * sweep, in that order: what {@code explain} and {@code report} group by, stored so that they
   * need not scan the runs to find them. Null in rows written before the column existed.
   */
  public static final String VARYING_AXES = "varying_axes";

  /** The columns in contract order: append new ones at the end, never rename or reorder. */
  public static final RowSchema<SweepRow> SCHEMA =
      RowSchema.of(
          col(SWEEP_ID, StringType, SweepRow::sweepId),
          col(NAME, StringType, SweepRow::name),
          col(SPEC, StringType, SweepRow::spec),
          col(CREATED_AT, TimestampType, SweepRow::createdAt),
          col(MASTER, StringType, SweepRow::master),
          col(SPARK_VERSION, StringType, SweepRow::sparkVersion),
          col(RUNS, LongType, SweepRow::runs),
          col(WALL_SECONDS, DoubleType, SweepRow::wallSeconds),
          col(STATUS, StringType, SweepRow::status),
          col(VARYING_AXES, STRINGS, SweepRow::varyingAxes));

  public Row toRow() {
    return SCHEMA.toRow(this);
  }

  /** Reads a stored row by column name (a column an older table lacks reads as null). */
  public static SweepRow from(Row row) {
    return new SweepRow(
        Rows.<String>get(row, SWEEP_ID),
        Rows.<String>get(row, NAME),
        Rows.<String>get(row, SPEC),
        Rows.<Timestamp>get(row, CREATED_AT),
        Rows.<String>get(row, MASTER),
        Rows.<String>get(row, SPARK_VERSION),
        Rows.<Long>get(row, RUNS),
        Rows.<Double>get(row, WALL_SECONDS),
        Rows.<String>get(row, STATUS),
        Rows.<String>list(row, VARYING_AXES));
  }
}
