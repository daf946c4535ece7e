package org.batchsweep.store;

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
 * The result tables and their columns (see README, The tables). Each is Parquet under {@code
 * <out>/tables/<name>/}, partitioned by {@code sweep_id}; columns are only ever added.
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
  POINTS(
      "points",
      col("sweep_id", StringType),
      col("split", StringType),
      col("x", DoubleType),
      col("y", DoubleType)),
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
      col("steps_needed", DoubleType),
      // The step from which the run stayed within tolerance of the reference; null if it ended
      // outside.
      col("steps_to_target", LongType),
      // The optimizer settings beyond optimizer, lr and momentum (effective_lr: after lr_scaling).
      col("nesterov", BooleanType),
      col("weight_decay", DoubleType),
      col("schedule", StringType),
      col("lr_scaling", StringType),
      col("effective_lr", DoubleType)),
  EPOCHS(
      "epochs",
      col("sweep_id", StringType),
      col("run_id", StringType),
      col("epoch", IntegerType),
      col("slope", DoubleType),
      col("intercept", DoubleType),
      col("train_mse", DoubleType)),
  /** Each computed fix as trained: the failed run, the change, and how the changed run ended. */
  FIXES(
      "fixes",
      col("sweep_id", StringType),
      col("setting", StringType),
      col("diagnosis", StringType),
      col("change", StringType),
      col("run_id", StringType),
      col("fixed_run_id", StringType),
      col("batch_size", IntegerType),
      col("seed", LongType),
      col("weights", DataTypes.createArrayType(DoubleType)),
      col("intercept", DoubleType),
      col("steps", LongType),
      col("converged", BooleanType),
      col("detail", StringType),
      col("fixed_diagnosis", StringType)),
  /** The exact gradient noise scale of the training data at two points in parameter space. */
  NOISE_SCALE(
      "noise_scale",
      col("sweep_id", StringType),
      col("point", StringType),
      col("b_simple", DoubleType),
      col("b_noise", DoubleType),
      col("grad_norm2", DoubleType),
      col("trace_sigma", DoubleType),
      col("lambda_max", DoubleType),
      col("lambda_min", DoubleType),
      // The point's parameters, and the training points the sums ran over.
      col("slope", DoubleType),
      col("intercept", DoubleType),
      col("n", LongType)),
  /** Per setting: S(B) = S_min·(1 + B_crit/B) fitted to the median steps to target. */
  BATCH_SCALING(
      "batch_scaling",
      col("sweep_id", StringType),
      col("setting", StringType),
      col("s_min", DoubleType),
      col("e_min", DoubleType),
      col("b_crit", DoubleType),
      col("b_noise_predicted", DoubleType),
      col("fit_r2", DoubleType),
      col("batch_sizes_used", DataTypes.createArrayType(IntegerType)),
      // Aligned with batch_sizes_used: the median steps to target and the lr that gave it.
      col("median_steps", DataTypes.createArrayType(DoubleType)),
      col("best_lr", DataTypes.createArrayType(DoubleType)),
      col("batch_sizes_tried", IntegerType),
      col("note", StringType),
      // Distinct lrs the setting tried: 1 means the lr was not tuned per batch size.
      col("lrs_tried", IntegerType));

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
