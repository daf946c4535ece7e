package org.batchsweep.job;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.diagnose.Diagnoser;
import org.batchsweep.diagnose.Verdict;
import org.batchsweep.store.Rows;
import org.batchsweep.store.RunRow;

/**
 * Executor side: one {@link RunRow} per outcome, carrying the run's whole configuration (so any run
 * can be rebuilt from its row), its result, and its comparison with the reference.
 */
final class RunRows implements Function<RunOutcome, Row> {

  private final RowContext ctx;

  private final Broadcast<TrainingSet> data;
  // One per task: it caches objective minimisers, which many runs of a task share.
  private transient Diagnoser diagnoser;

  RunRows(RowContext ctx, Broadcast<TrainingSet> data) {
    this.ctx = ctx;
    this.data = data;
  }

  /**
   * What {@link #call} writes in each of the grid's axis columns, by column, in {@link RunRow#AXES}
   * order (SweepPlanAxesIT holds the two to each other).
   */
  static final Map<String, java.util.function.Function<RunConfig, Object>> AXIS_VALUES =
      axisValues();

  private static Map<String, java.util.function.Function<RunConfig, Object>> axisValues() {
    Map<String, java.util.function.Function<RunConfig, Object>> values = new LinkedHashMap<>();
    values.put(RunRow.LOSS, c -> c.loss().label());
    values.put(RunRow.OPTIMIZER, c -> c.optimizer().name());
    values.put(RunRow.SHUFFLE, RunConfig::shuffle);
    values.put(RunRow.LR, c -> c.optimizer().lr());
    values.put(RunRow.MOMENTUM, c -> c.optimizer().momentum());
    values.put(RunRow.NESTEROV, c -> c.optimizer().nesterov());
    values.put(RunRow.WEIGHT_DECAY, c -> c.optimizer().weightDecay());
    values.put(RunRow.SCHEDULE, c -> c.schedule().label());
    values.put(RunRow.LR_SCALING, c -> c.lrScaling().label());
    values.put(RunRow.SCALE, c -> c.scale().label());
    values.put(RunRow.EPOCHS, RunConfig::epochs);
    values.put(RunRow.PRECISION, c -> c.precision().label());
    values.put(RunRow.BATCH_SIZE, RunConfig::batchSize);
    values.put(RunRow.SEED, RunConfig::seed);
    if (!values.keySet().equals(new HashSet<>(RunRow.AXES))) {
      throw new IllegalStateException(
          "an axis of RunRow.AXES has no value here: " + values.keySet());
    }
    return Collections.unmodifiableMap(values);
  }

  @Override
  public Row call(RunOutcome run) {
    if (diagnoser == null) {
      diagnoser =
          new Diagnoser(
              ctx.reference(), ctx.tolerance(), data.value().train(), data.value().featureNames());
    }
    Reference reference = ctx.reference();
    RunConfig config = run.config();
    int d = run.features();
    double[] weightErrors = reference.weightErrors(run.weights());
    double weightError = 0;
    for (double e : weightErrors) {
      double error = Math.abs(e);
      weightError = Double.isNaN(error) ? error : Math.max(weightError, error);
    }
    double slopeError = weightErrors[0];
    double interceptError = run.intercept() - reference.intercept();
    Verdict verdict = diagnoser.diagnose(run);
    double objectiveSlope = verdict.objectiveSlope();
    boolean one = d == 1;
    return new RunRow(
            ctx.sweepId(),
            config.runId(),
            config.optimizer().name(),
            config.optimizer().lr(),
            config.optimizer().momentum(),
            config.batchSize(),
            config.shuffle(),
            config.loss().label(),
            config.epochs(),
            config.seed(),
            config.precision().label(),
            one ? run.initSlope() : null,
            run.initIntercept(),
            one ? run.slope() : null,
            run.intercept(),
            run.trainMse(),
            ctx.hasValidation() ? (Double) run.validationMse() : null,
            run.lastBatchLoss(),
            run.steps(),
            one ? slopeError : null,
            interceptError,
            run.trainMse() - reference.trainMse(),
            run.isFinite()
                && ctx.tolerance()
                    .converged(weightErrors, interceptError, run.trainMse(), reference.trainMse()),
            verdict.diagnosis().label(),
            verdict.detail(),
            run.nanos(),
            one ? objectiveSlope : null,
            verdict.objectiveIntercept(),
            Double.isNaN(verdict.stepsNeeded()) ? null : (Double) verdict.stepsNeeded(),
            run.stepsToTarget() == RunOutcome.NOT_REACHED ? null : (Long) run.stepsToTarget(),
            config.optimizer().nesterov(),
            config.optimizer().weightDecay(),
            config.schedule().label(),
            config.lrScaling().label(),
            config.effectiveLr(),
            Rows.list(run.weights()),
            Rows.list(run.initWeights()),
            Double.isNaN(objectiveSlope) ? null : Rows.list(verdict.objectiveWeights()),
            weightError,
            config.scale().label())
        .toRow();
  }
}
