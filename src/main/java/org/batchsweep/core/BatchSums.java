package org.batchsweep.core;

/**
 * The sufficient statistics of one mini-batch for a linear model with squared loss: its size and
 * Σx, Σy, Σx², Σxy, Σy². Every loss, gradient and minimiser in batchsweep is a function of these.
 */
public record BatchSums(
    int count, double sumX, double sumY, double sumXX, double sumXY, double sumYY) {

  /** The sums of {@code x[i], y[i]} for {@code i} in {@code [from, to)}, in the given order. */
  public static BatchSums of(double[] x, double[] y, int[] order, int from, int to) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    for (int k = from; k < to; k++) {
      int i = order == null ? k : order[k];
      double xi = x[i];
      double yi = y[i];
      sx += xi;
      sy += yi;
      sxx += xi * xi;
      sxy += xi * yi;
      syy += yi * yi;
    }
    return new BatchSums(to - from, sx, sy, sxx, sxy, syy);
  }

  public double meanY() {
    return sumY / count;
  }
}
