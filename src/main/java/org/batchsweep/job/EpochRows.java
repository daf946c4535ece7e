package org.batchsweep.job;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.store.EpochRow;

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
                        e.slope(),
                        e.intercept(),
                        e.trainMse(),
                        List.of(e.slope()))
                    .toRow())
        .iterator();
  }
}
