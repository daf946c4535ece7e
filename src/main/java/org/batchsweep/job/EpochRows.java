package org.batchsweep.job;

import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.store.EpochRow;
import org.batchsweep.store.Rows;

/** Executor side: the {@link EpochRow}s of one run's recorded trajectory. */
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
                new EpochRow(
                        sweepId,
                        runId,
                        e.epoch(),
                        e.params().length == 2 ? e.slope() : null,
                        e.intercept(),
                        e.trainMse(),
                        Rows.list(e.weights()))
                    .toRow())
        .iterator();
  }
}
