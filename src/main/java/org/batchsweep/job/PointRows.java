package org.batchsweep.job;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.batchsweep.core.Points;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.store.PointRow;

/**
 * Executor side: turns a range of indices into {@link PointRow}s from the broadcast points
 * (training points first, then validation points), so the points DataFrame is built in parallel and
 * is identical to what the trainers see.
 */
final class PointRows implements MapPartitionsFunction<Long, Row> {

  static final String TRAIN = PointRow.TRAIN;
  static final String VALIDATION = PointRow.VALIDATION;

  private final Broadcast<TrainingSet> data;
  private final String sweepId;

  PointRows(Broadcast<TrainingSet> data, String sweepId) {
    this.data = data;
    this.sweepId = sweepId;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> indices) {
    Points train = data.value().train();
    Points validation = data.value().validation();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return indices.hasNext();
      }

      @Override
      public Row next() {
        int i = Math.toIntExact(indices.next());
        if (i < train.size()) {
          return row(TRAIN, train.x()[i], train.y()[i]);
        }
        int j = i - train.size();
        return row(VALIDATION, validation.x()[j], validation.y()[j]);
      }
    };
  }

  private Row row(String split, double x, double y) {
    return new PointRow(sweepId, split, x, y, List.of(x)).toRow();
  }
}
