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
 * A row of {@link Table#RUNS}: one run's whole configuration (so any run can be rebuilt from its
 * row), its result, its comparison with the reference and its diagnosis.
 */
public record RunRow(
    String sweepId,
    String runId,
    String optimizer,
    double lr,
    double momentum,
    int batchSize,
    boolean shuffle,
    String loss,
    int epochs,
    long seed,
    String precision,
    Double initSlope,
    double initIntercept,
    Double slope,
    double intercept,
    double trainMse,
    Double validationMse,
    double lastBatchLoss,
    long steps,
    Double slopeError,
    double interceptError,
    double excessMse,
    boolean converged,
    String diagnosis,
    String detail,
    long nanos,
    Double objectiveSlope,
    Double objectiveIntercept,
    Double stepsNeeded,
    Long stepsToTarget,
    Boolean nesterov,
    Double weightDecay,
    String schedule,
    String lrScaling,
    Double effectiveLr,
    List<Double> weights,
    List<Double> initWeights,
    List<Double> objectiveWeights,
    Double weightError,
    String scale) {

  public static final String SWEEP_ID = Table.PARTITION_COLUMN;
  public static final String RUN_ID = "run_id";
  public static final String OPTIMIZER = "optimizer";
  public static final String LR = "lr";
  public static final String MOMENTUM = "momentum";
  public static final String BATCH_SIZE = "batch_size";
  public static final String SHUFFLE = "shuffle";
  public static final String LOSS = "loss";
  public static final String EPOCHS = "epochs";
  public static final String SEED = "seed";
  public static final String PRECISION = "precision";
  public static final String INIT_SLOPE = "init_slope";
  public static final String INIT_INTERCEPT = "init_intercept";
  public static final String SLOPE = "slope";
  public static final String INTERCEPT = "intercept";
  public static final String TRAIN_MSE = "train_mse";

  /** Null without a validation split. */
  public static final String VALIDATION_MSE = "validation_mse";

  public static final String LAST_BATCH_LOSS = "last_batch_loss";
  public static final String STEPS = "steps";
  public static final String SLOPE_ERROR = "slope_error";
  public static final String INTERCEPT_ERROR = "intercept_error";
  public static final String EXCESS_MSE = "excess_mse";
  public static final String CONVERGED = "converged";
  public static final String DIAGNOSIS = "diagnosis";
  public static final String DETAIL = "detail";
  public static final String NANOS = "nanos";

  /** Where the run's own objective has its minimum, and the steps needed to get there. */
  public static final String OBJECTIVE_SLOPE = "objective_slope";

  public static final String OBJECTIVE_INTERCEPT = "objective_intercept";
  public static final String STEPS_NEEDED = "steps_needed";

  /**
   * The step from which the run stayed within tolerance of the reference; null if it ended outside.
   */
  public static final String STEPS_TO_TARGET = "steps_to_target";

  /** The optimizer settings beyond optimizer, lr and momentum (effective_lr: after lr_scaling). */
  public static final String NESTEROV = "nesterov";

  public static final String WEIGHT_DECAY = "weight_decay";
  public static final String SCHEDULE = "schedule";
  public static final String LR_SCALING = "lr_scaling";
  public static final String EFFECTIVE_LR = "effective_lr";

  /** The final weights, [slope] for one feature. */
  public static final String WEIGHTS = "weights";

  public static final String INIT_WEIGHTS = "init_weights";

  /** The objective's minimiser's weights; null when unknown, as objective_slope is NaN. */
  public static final String OBJECTIVE_WEIGHTS = "objective_weights";

  /** max over j of |w_j - w*_j|: |slope_error| for one feature. */
  public static final String WEIGHT_ERROR = "weight_error";

  /** How the features were scaled before training ({@code none}). */
  public static final String SCALE = "scale";

  /**
   * The grid's axes as runs-table columns, in the order settings are named and grouped (the
   * broadest first). Batch size is the x axis and seeds are replicates; every other axis a sweep
   * varies makes its settings. Tables written by an older build may lack some of them.
   */
  public static final List<String> AXES =
      List.of(
          LOSS,
          OPTIMIZER,
          SHUFFLE,
          LR,
          MOMENTUM,
          NESTEROV,
          WEIGHT_DECAY,
          SCHEDULE,
          LR_SCALING,
          SCALE,
          EPOCHS,
          PRECISION,
          BATCH_SIZE,
          SEED);

  /** The columns in contract order: append new ones at the end, never rename or reorder. */
  public static final RowSchema<RunRow> SCHEMA =
      RowSchema.of(
              col(SWEEP_ID, StringType, RunRow::sweepId),
              col(RUN_ID, StringType, RunRow::runId),
              col(OPTIMIZER, StringType, RunRow::optimizer),
              col(LR, DoubleType, RunRow::lr),
              col(MOMENTUM, DoubleType, RunRow::momentum),
              col(BATCH_SIZE, IntegerType, RunRow::batchSize),
              col(SHUFFLE, BooleanType, RunRow::shuffle),
              col(LOSS, StringType, RunRow::loss),
              col(EPOCHS, IntegerType, RunRow::epochs),
              col(SEED, LongType, RunRow::seed),
              col(PRECISION, StringType, RunRow::precision),
              col(INIT_SLOPE, DoubleType, RunRow::initSlope),
              col(INIT_INTERCEPT, DoubleType, RunRow::initIntercept),
              col(SLOPE, DoubleType, RunRow::slope),
              col(INTERCEPT, DoubleType, RunRow::intercept),
              col(TRAIN_MSE, DoubleType, RunRow::trainMse),
              col(VALIDATION_MSE, DoubleType, RunRow::validationMse),
              col(LAST_BATCH_LOSS, DoubleType, RunRow::lastBatchLoss),
              col(STEPS, LongType, RunRow::steps),
              col(SLOPE_ERROR, DoubleType, RunRow::slopeError),
              col(INTERCEPT_ERROR, DoubleType, RunRow::interceptError),
              col(EXCESS_MSE, DoubleType, RunRow::excessMse),
              col(CONVERGED, BooleanType, RunRow::converged),
              col(DIAGNOSIS, StringType, RunRow::diagnosis),
              col(DETAIL, StringType, RunRow::detail),
              col(NANOS, LongType, RunRow::nanos),
              col(OBJECTIVE_SLOPE, DoubleType, RunRow::objectiveSlope),
              col(OBJECTIVE_INTERCEPT, DoubleType, RunRow::objectiveIntercept),
              col(STEPS_NEEDED, DoubleType, RunRow::stepsNeeded),
              col(STEPS_TO_TARGET, LongType, RunRow::stepsToTarget),
              col(NESTEROV, BooleanType, RunRow::nesterov),
              col(WEIGHT_DECAY, DoubleType, RunRow::weightDecay),
              col(SCHEDULE, StringType, RunRow::schedule),
              col(LR_SCALING, StringType, RunRow::lrScaling),
              col(EFFECTIVE_LR, DoubleType, RunRow::effectiveLr),
              col(WEIGHTS, DOUBLES, RunRow::weights),
              col(INIT_WEIGHTS, DOUBLES, RunRow::initWeights),
              col(OBJECTIVE_WEIGHTS, DOUBLES, RunRow::objectiveWeights),
              col(WEIGHT_ERROR, DoubleType, RunRow::weightError),
              col(SCALE, StringType, RunRow::scale))
          // What every run ends with on its own: Parquet's dictionaries of these came out as large
          // as the values and were dropped (large.yaml's files), after hashing 10^6 values each.
          .plainEncoded(
              RUN_ID,
              SLOPE,
              INTERCEPT,
              TRAIN_MSE,
              VALIDATION_MSE,
              LAST_BATCH_LOSS,
              SLOPE_ERROR,
              INTERCEPT_ERROR,
              EXCESS_MSE,
              WEIGHTS,
              WEIGHT_ERROR);

  public Row toRow() {
    return SCHEMA.toRow(this);
  }

  /** Reads a stored row by column name (a column an older table lacks reads as null). */
  public static RunRow from(Row row) {
    return new RunRow(
        Rows.<String>get(row, SWEEP_ID),
        Rows.<String>get(row, RUN_ID),
        Rows.<String>get(row, OPTIMIZER),
        Rows.<Double>get(row, LR),
        Rows.<Double>get(row, MOMENTUM),
        Rows.<Integer>get(row, BATCH_SIZE),
        Rows.<Boolean>get(row, SHUFFLE),
        Rows.<String>get(row, LOSS),
        Rows.<Integer>get(row, EPOCHS),
        Rows.<Long>get(row, SEED),
        Rows.<String>get(row, PRECISION),
        Rows.<Double>get(row, INIT_SLOPE),
        Rows.<Double>get(row, INIT_INTERCEPT),
        Rows.<Double>get(row, SLOPE),
        Rows.<Double>get(row, INTERCEPT),
        Rows.<Double>get(row, TRAIN_MSE),
        Rows.<Double>get(row, VALIDATION_MSE),
        Rows.<Double>get(row, LAST_BATCH_LOSS),
        Rows.<Long>get(row, STEPS),
        Rows.<Double>get(row, SLOPE_ERROR),
        Rows.<Double>get(row, INTERCEPT_ERROR),
        Rows.<Double>get(row, EXCESS_MSE),
        Rows.<Boolean>get(row, CONVERGED),
        Rows.<String>get(row, DIAGNOSIS),
        Rows.<String>get(row, DETAIL),
        Rows.<Long>get(row, NANOS),
        Rows.<Double>get(row, OBJECTIVE_SLOPE),
        Rows.<Double>get(row, OBJECTIVE_INTERCEPT),
        Rows.<Double>get(row, STEPS_NEEDED),
        Rows.<Long>get(row, STEPS_TO_TARGET),
        Rows.<Boolean>get(row, NESTEROV),
        Rows.<Double>get(row, WEIGHT_DECAY),
        Rows.<String>get(row, SCHEDULE),
        Rows.<String>get(row, LR_SCALING),
        Rows.<Double>get(row, EFFECTIVE_LR),
        Rows.list(row, WEIGHTS),
        Rows.list(row, INIT_WEIGHTS),
        Rows.list(row, OBJECTIVE_WEIGHTS),
        Rows.<Double>get(row, WEIGHT_ERROR),
        Rows.<String>get(row, SCALE));
  }
}
