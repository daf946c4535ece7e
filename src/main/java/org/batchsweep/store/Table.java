package org.batchsweep.store;

import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * The result tables (see README, The tables). Each is Parquet under {@code <out>/tables/<name>/},
 * partitioned by {@code sweep_id}; columns are only ever added. A table's columns are defined once,
 * by its row record's {@code SCHEMA}, which also maps the record to and from a Spark row.
 */
public enum Table {
  SWEEPS("sweeps", SweepRow.SCHEMA),
  POINTS("points", PointRow.SCHEMA),
  REFERENCE("reference", ReferenceRow.SCHEMA),
  RUNS("runs", RunRow.SCHEMA),
  /** A run's trajectory, epoch by epoch, when the spec records it. */
  EPOCHS("epochs", EpochRow.SCHEMA),
  /** Each computed fix as trained: the failed run, the change, and how the changed run ended. */
  FIXES("fixes", FixRow.SCHEMA),
  /** The exact gradient noise scale of the training data at two points in parameter space. */
  NOISE_SCALE("noise_scale", NoiseScaleRow.SCHEMA),
  /** Per setting: S(B) = S_min·(1 + B_crit/B) fitted to the median steps to target. */
  BATCH_SCALING("batch_scaling", BatchScalingRow.SCHEMA);

  public static final String PARTITION_COLUMN = "sweep_id";

  private final String tableName;
  private final StructType schema;
  private final Map<String, String> writeOptions;

  Table(String tableName, RowSchema<?> columns) {
    this.tableName = tableName;
    this.schema = columns.struct();
    this.writeOptions = columns.writeOptions();
  }

  /** The table's name, also its folder and its SQL view name. */
  public String tableName() {
    return tableName;
  }

  /** All columns in contract order, {@code sweep_id} first. */
  public StructType schema() {
    return schema;
  }

  /** Options for Spark's Parquet writer of this table (see {@link RowSchema#writeOptions}). */
  public Map<String, String> writeOptions() {
    return writeOptions;
  }

  public String[] columnNames() {
    return schema.fieldNames();
  }
}
