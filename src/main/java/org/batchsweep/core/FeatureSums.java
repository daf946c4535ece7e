package org.batchsweep.core;

import java.util.Arrays;

/**
 * The sufficient statistics of one mini-batch for a linear model with d features and squared loss:
 * its size, Σx and Σxy (vectors), Σxxᵀ (d × d, row-major), Σy and Σy². Every loss and gradient with
 * d features is a function of these (see {@link Loss#gradient}); {@link BatchSums} is the
 * one-feature case. Mutable and reused step after step by one trainer thread.
 */
public final class FeatureSums {

  final int d;
  double count;
  final double[] sumX;
  double sumY;
  final double[] sumXX;
  final double[] sumXY;
  double sumYY;

  public FeatureSums(int d) {
    this.d = d;
    sumX = new double[d];
    sumXX = new double[d * d];
    sumXY = new double[d];
  }

  public int features() {
    return d;
  }

  public double count() {
    return count;
  }

  /** Σx_j over the batch. */
  public double sumX(int j) {
    return sumX[j];
  }

  public double sumY() {
    return sumY;
  }

  /** Σ x_j·x_k over the batch. */
  public double sumXX(int j, int k) {
    return sumXX[j * d + k];
  }

  /** Σ x_j·y over the batch. */
  public double sumXY(int j) {
    return sumXY[j];
  }

  public double sumYY() {
    return sumYY;
  }

  /**
   * Sets these to the sums of the points {@code order[from..to)} (the identity order when null) of
   * {@code points}.
   */
  public FeatureSums of(Points points, int[] order, int from, int to) {
    double[] x = points.x();
    double[] y = points.y();
    Arrays.fill(sumX, 0);
    Arrays.fill(sumXX, 0);
    Arrays.fill(sumXY, 0);
    sumY = 0;
    sumYY = 0;
    for (int k = from; k < to; k++) {
      int i = order == null ? k : order[k];
      int row = i * d;
      double yi = y[i];
      for (int j = 0; j < d; j++) {
        double xj = x[row + j];
        sumX[j] += xj;
        sumXY[j] += xj * yi;
        for (int l = j; l < d; l++) {
          sumXX[j * d + l] += xj * x[row + l];
        }
      }
      sumY += yi;
      sumYY += yi * yi;
    }
    symmetrize();
    count = to - from;
    return this;
  }

  /**
   * Sets these to the difference of two entries of a prefix-sum array laid out as {@link
   * #prefixStride} doubles per entry: Σx (d), Σy, Σxxᵀ upper triangle by rows (d(d+1)/2), Σxy (d).
   * Σy² is left at NaN: the trainers need it only for a run's final reported loss.
   */
  public FeatureSums ofPrefix(double[] prefix, int from, int to) {
    int stride = prefixStride(d);
    int hi = stride * to;
    int lo = stride * from;
    int at = 0;
    for (int j = 0; j < d; j++, at++) {
      sumX[j] = prefix[hi + at] - prefix[lo + at];
    }
    sumY = prefix[hi + at] - prefix[lo + at];
    at++;
    for (int j = 0; j < d; j++) {
      for (int l = j; l < d; l++, at++) {
        sumXX[j * d + l] = prefix[hi + at] - prefix[lo + at];
      }
    }
    for (int j = 0; j < d; j++, at++) {
      sumXY[j] = prefix[hi + at] - prefix[lo + at];
    }
    symmetrize();
    sumYY = Double.NaN;
    count = to - from;
    return this;
  }

  /** Doubles per prefix-sum entry for d features: Σx, Σy, the upper triangle of Σxxᵀ, Σxy. */
  public static int prefixStride(int d) {
    return d + 1 + d * (d + 1) / 2 + d;
  }

  /**
   * Fills {@code prefix} (length {@code prefixStride·(n + 1)}) with the running sums of {@code
   * points} in {@code order} (the identity when null); entry 0 is all zeros.
   */
  public static void fillPrefix(Points points, int[] order, double[] prefix) {
    int d = points.features();
    int n = points.size();
    int stride = prefixStride(d);
    double[] x = points.x();
    double[] y = points.y();
    Arrays.fill(prefix, 0, stride, 0);
    for (int k = 0; k < n; k++) {
      int i = order == null ? k : order[k];
      int row = i * d;
      int prev = stride * k;
      int at = stride * (k + 1);
      double yi = y[i];
      int c = 0;
      for (int j = 0; j < d; j++, c++) {
        prefix[at + c] = prefix[prev + c] + x[row + j];
      }
      prefix[at + c] = prefix[prev + c] + yi;
      c++;
      for (int j = 0; j < d; j++) {
        double xj = x[row + j];
        for (int l = j; l < d; l++, c++) {
          prefix[at + c] = prefix[prev + c] + xj * x[row + l];
        }
      }
      for (int j = 0; j < d; j++, c++) {
        prefix[at + c] = prefix[prev + c] + x[row + j] * yi;
      }
    }
  }

  private void symmetrize() {
    for (int j = 0; j < d; j++) {
      for (int l = j + 1; l < d; l++) {
        sumXX[l * d + j] = sumXX[j * d + l];
      }
    }
  }
}
