package org.batchsweep.job;

import java.util.ArrayList;
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
          return row(TRAIN, train, i);
        }
        return row(VALIDATION, validation, i - train.size());
      }
    };
  }

  /** Point {@code i}: x is the feature when there is one, null when there are several. */
  private Row row(String split, Points points, int i) {
    int d = points.features();
    List<Double> features = new ArrayList<>(d);
    for (int j = 0; j < d; j++) {
      features.add(points.x(i, j));
    }
    return new PointRow(sweepId, split, d == 1 ? points.x(i, 0) : null, points.y()[i], features)
        .toRow();
  }
}
