package org.batchsweep.job;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The result tables and their columns (see README, The tables). Each is Parquet under
 * {@code <out>/tables/<name>/}, partitioned by {@code sweep_id}; columns are only ever added.
 */
public enum Table {
  SWEEPS(
      "sweeps",
      col("sweep_id", StringType),
      col("name", StringType),
      col("spec", StringType),
      col("created_at", TimestampType),
      col("master", StringType),
      col("spark_version", StringType),
      col("runs", LongType),
      col("wall_seconds", DoubleType),
      // 'running' from the moment a sweep starts writing until every table is written.
      col("status", StringType)),
  POINTS("points", col("sweep_id", StringType), col("split", StringType), col("x", DoubleType), col("y", DoubleType)),
  REFERENCE(
      "reference",
      col("sweep_id", StringType),
      col("method", StringType),
      col("slope", DoubleType),
      col("intercept", DoubleType),
      col("train_mse", DoubleType),
      col("validation_mse", DoubleType),
      col("r2", DoubleType)),
  RUNS(
      "runs",
      col("sweep_id", StringType),
      col("run_id", StringType),
      col("optimizer", StringType),
      col("lr", DoubleType),
      col("momentum", DoubleType),
      col("batch_size", IntegerType),
      col("shuffle", BooleanType),
      col("loss", StringType),
      col("epochs", IntegerType),
      col("seed", LongType),
      col("precision", StringType),
      col("init_slope", DoubleType),
      col("init_intercept", DoubleType),
      col("slope", DoubleType),
      col("intercept", DoubleType),
      col("train_mse", DoubleType),
      col("validation_mse", DoubleType),
      col("last_batch_loss", DoubleType),
      col("steps", LongType),
      col("slope_error", DoubleType),
      col("intercept_error", DoubleType),
      col("excess_mse", DoubleType),
      col("converged", BooleanType),
      col("diagnosis", StringType),
      col("detail", StringType),
      col("nanos", LongType),
      // Where the run's own objective has its minimum, and the steps needed to get there.
      col("objective_slope", DoubleType),
      col("objective_intercept", DoubleType),
      col("steps_needed", DoubleType)),
  EPOCHS(
      "epochs",
      col("sweep_id", StringType),
      col("run_id", StringType),
      col("epoch", IntegerType),
      col("slope", DoubleType),
      col("intercept", DoubleType),
      col("train_mse", DoubleType));

  public static final String PARTITION_COLUMN = "sweep_id";

  private final String tableName;
  private final StructType schema;

  Table(String tableName, StructField... fields) {
    this.tableName = tableName;
    this.schema = DataTypes.createStructType(fields);
  }

  /** The table's name, also its folder and its SQL view name. */
  public String tableName() {
    return tableName;
  }

  /** All columns in contract order, {@code sweep_id} first. */
  public StructType schema() {
    return schema;
  }

  public String[] columnNames() {
    return schema.fieldNames();
  }

  private static StructField col(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
