package org.batchsweep.job;

import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.batchsweep.core.RunOutcome;

/** Executor side: the {@link Table#EPOCHS} rows of one run's recorded trajectory. */
final class EpochRows implements FlatMapFunction<RunOutcome, Row> {

  private final String sweepId;

  EpochRows(String sweepId) {
    this.sweepId = sweepId;
  }

  @Override
  public Iterator<Row> call(RunOutcome run) {
    String runId = run.config().runId();
    return run.trajectory().epochs().stream()
        .map(
            e ->
                RowFactory.create(
                    sweepId, runId, e.epoch(), e.slope(), e.intercept(), e.trainMse()))
        .iterator();
  }
}
