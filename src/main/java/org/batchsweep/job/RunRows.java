package org.batchsweep.job;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.diagnose.Diagnoser;
import org.batchsweep.diagnose.Verdict;

/**
 * Executor side: one {@link Table#RUNS} row per outcome, carrying the run's whole configuration (so
 * any run can be rebuilt from its row), its result, and its comparison with the reference.
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

  @Override
  public Row call(RunOutcome run) {
    if (diagnoser == null) {
      diagnoser = new Diagnoser(ctx.reference(), ctx.tolerance(), data.value().train());
    }
    Reference reference = ctx.reference();
    RunConfig config = run.config();
    double slopeError = run.slope() - reference.slope();
    double interceptError = run.intercept() - reference.intercept();
    Verdict verdict = diagnoser.diagnose(run);
    return RowFactory.create(
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
        run.initSlope(),
        run.initIntercept(),
        run.slope(),
        run.intercept(),
        run.trainMse(),
        ctx.hasValidation() ? (Double) run.validationMse() : null,
        run.lastBatchLoss(),
        run.steps(),
        slopeError,
        interceptError,
        run.trainMse() - reference.trainMse(),
        run.isFinite() && ctx.tolerance().converged(slopeError, interceptError),
        verdict.diagnosis().label(),
        verdict.detail(),
        run.nanos(),
        verdict.objectiveSlope(),
        verdict.objectiveIntercept(),
        Double.isNaN(verdict.stepsNeeded()) ? null : (Double) verdict.stepsNeeded(),
        run.stepsToTarget() == RunOutcome.NOT_REACHED ? null : (Long) run.stepsToTarget(),
        config.optimizer().nesterov(),
        config.optimizer().weightDecay(),
        config.schedule().label(),
        config.lrScaling().label(),
        config.effectiveLr());
  }
}
