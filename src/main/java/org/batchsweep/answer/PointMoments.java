package org.batchsweep.answer;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.diagnose.Curvature;
import org.batchsweep.store.PointRow;

/**
 * The curvature of the squared loss with d features, from one Spark aggregation of the training
 * points' first and second moments ({@code (d+1)²} numbers, whatever n): the raw features' 2·E[(x,
 * 1)(x,1)ᵀ], and the standardized features' 2·[[corr, 0], [0, 1]] (standardized features have mean
 * 0 and variance 1, so their second moments are the correlations).
 */
final class PointMoments implements Serializable {

  private final int d;
  private long n;

  /** Σ over the points of (x,1)(x,1)ᵀ, (d+1) × (d+1) row-major. */
  private final double[] outer;

  PointMoments(int d) {
    this.d = d;
    this.outer = new double[(d + 1) * (d + 1)];
  }

  /** The raw and standardized curvature of {@code trainPoints} (the points table's train rows). */
  static Curvatures of(Dataset<Row> trainPoints, int d) {
    PointMoments m =
        trainPoints
            .select(PointRow.FEATURES)
            .javaRDD()
            .treeAggregate(new PointMoments(d), new Add(), new Merge());
    return m.curvatures();
  }

  /** Both curvatures; the standardized one null when a feature is constant. */
  record Curvatures(Curvature raw, Curvature standardized) {}

  Curvatures curvatures() {
    int m = d + 1;
    double[][] h = new double[m][m];
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < m; k++) {
        h[j][k] = 2 * outer[j * m + k] / n;
      }
    }
    Curvature raw = Curvature.ofHessian(h);
    double[] std = new double[d];
    double[][] correlation = new double[m][m];
    for (int j = 0; j < d; j++) {
      double mean = outer[j * m + d] / n;
      std[j] = Math.sqrt(Math.max(0, outer[j * m + j] / n - mean * mean));
      if (!(std[j] > 0)) {
        return new Curvatures(raw, null);
      }
    }
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < d; k++) {
        double cov = outer[j * m + k] / n - (outer[j * m + d] / n) * (outer[k * m + d] / n);
        correlation[j][k] = 2 * cov / (std[j] * std[k]);
      }
    }
    correlation[d][d] = 2;
    return new Curvatures(raw, Curvature.ofHessian(correlation));
  }

  private PointMoments add(List<Double> x) {
    int m = d + 1;
    for (int j = 0; j < m; j++) {
      double xj = j < d ? x.get(j) : 1;
      for (int k = 0; k < m; k++) {
        outer[j * m + k] += xj * (k < d ? x.get(k) : 1);
      }
    }
    n++;
    return this;
  }

  private PointMoments merge(PointMoments other) {
    for (int i = 0; i < outer.length; i++) {
      outer[i] += other.outer[i];
    }
    n += other.n;
    return this;
  }

  /** Executor side: adds one point's features. */
  private static final class Add implements Function2<PointMoments, Row, PointMoments> {
    @Override
    public PointMoments call(PointMoments m, Row row) {
      return m.add(row.getList(0));
    }
  }

  /** Executor side: merges two partitions' sums. */
  private static final class Merge implements Function2<PointMoments, PointMoments, PointMoments> {
    @Override
    public PointMoments call(PointMoments a, PointMoments b) {
      return a.merge(b);
    }
  }
}
