package org.batchsweep.core;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A set of n points with d features and a target, as primitive arrays, with the centred moments
 * that give the mean squared error of any linear model in O(d²). Immutable; this is what the driver
 * broadcasts to executors.
 *
 * <p>Features are stored row-major: feature {@code j} of point {@code i} is {@code x[i·d + j]}, so
 * for d = 1 {@link #x()} is simply the x values.
 */
public final class Points implements Serializable {

  private final int d;
  private final double[] x;
  private final double[] y;
  private final double[] mean;
  private final double meanY;

  /** Population covariance of the features, d × d row-major. */
  private final double[] cov;

  /** Population covariance of each feature with y. */
  private final double[] covY;

  private final double varY;

  /** One feature: the points (x[i], y[i]). */
  public Points(double[] x, double[] y) {
    this(1, x, y);
  }

  /** {@code d} features per point, {@code x} row-major (length n·d). */
  public Points(int d, double[] x, double[] y) {
    if (d < 1) {
      throw new IllegalArgumentException("at least one feature is needed, not " + d);
    }
    if (x.length != (long) y.length * d) {
      throw new IllegalArgumentException(
          "x has " + x.length + " values for " + y.length + " points of " + d + " features");
    }
    this.d = d;
    this.x = x;
    this.y = y;
    int n = y.length;
    mean = new double[d];
    double sy = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j];
      }
      sy += y[i];
    }
    for (int j = 0; j < d; j++) {
      mean[j] = n == 0 ? 0 : mean[j] / n;
    }
    meanY = n == 0 ? 0 : sy / n;
    // Two passes: centred sums keep the MSE of a good fit accurate where raw sums would cancel.
    cov = new double[d * d];
    covY = new double[d];
    double vy = 0;
    double[] centred = new double[d];
    for (int i = 0; i < n; i++) {
      double dy = y[i] - meanY;
      for (int j = 0; j < d; j++) {
        centred[j] = x[i * d + j] - mean[j];
      }
      for (int j = 0; j < d; j++) {
        for (int k = j; k < d; k++) {
          cov[j * d + k] += centred[j] * centred[k];
        }
        covY[j] += centred[j] * dy;
      }
      vy += dy * dy;
    }
    for (int j = 0; j < d; j++) {
      for (int k = j; k < d; k++) {
        double c = n == 0 ? 0 : cov[j * d + k] / n;
        cov[j * d + k] = c;
        cov[k * d + j] = c;
      }
      covY[j] = n == 0 ? 0 : covY[j] / n;
    }
    varY = n == 0 ? 0 : vy / n;
  }

  public int size() {
    return y.length;
  }

  /** The number of features d. */
  public int features() {
    return d;
  }

  /** The features, row-major (n·d); for d = 1 the x values. Callers must not modify the array. */
  public double[] x() {
    return x;
  }

  /** Feature {@code j} of point {@code i}. */
  public double x(int i, int j) {
    return x[i * d + j];
  }

  /** The y values; callers must not modify the array. */
  public double[] y() {
    return y;
  }

  /** Mean of the only feature (d = 1). */
  public double meanX() {
    return mean[0];
  }

  /** Mean of feature {@code j}. */
  public double meanX(int j) {
    return mean[j];
  }

  public double meanY() {
    return meanY;
  }

  /** Population variance of the only feature (d = 1), {@code 1/n Σ (x − x̄)²}. */
  public double varX() {
    return cov[0];
  }

  /** Population covariance of features {@code j} and {@code k}. */
  public double cov(int j, int k) {
    return cov[j * d + k];
  }

  public double varY() {
    return varY;
  }

  /** Population covariance of the only feature (d = 1) with y. */
  public double covXY() {
    return covY[0];
  }

  /** Population covariance of feature {@code j} with y. */
  public double covXY(int j) {
    return covY[j];
  }

  /** {@code 1/n Σ (w·x + b − y)²}, the correct mean squared error of the line (d = 1). */
  public double mse(double w, double b) {
    double offset = w * mean[0] + b - meanY;
    return offset * offset + w * w * cov[0] - 2 * w * covY[0] + varY;
  }

  /** {@code 1/n Σ (wᵀx + b − y)²}, the correct mean squared error of the model. */
  public double mse(double[] w, double b) {
    if (d == 1) {
      return mse(w[0], b);
    }
    double offset = b - meanY;
    double quadratic = 0;
    double linear = 0;
    for (int j = 0; j < d; j++) {
      offset += w[j] * mean[j];
      double row = 0;
      for (int k = 0; k < d; k++) {
        row += cov[j * d + k] * w[k];
      }
      quadratic += w[j] * row;
      linear += w[j] * covY[j];
    }
    return offset * offset + quadratic - 2 * linear + varY;
  }

  /**
   * The MSE of the model whose parameters are {@code params}: the d weights, then the bias (as
   * optimizers and outcomes hold them).
   */
  public double mseOfParams(double[] params) {
    if (d == 1) {
      return mse(params[0], params[1]);
    }
    return mse(Arrays.copyOf(params, d), params[d]);
  }

  /** A 64-bit hash of every coordinate, in order: identifies the data a run was trained on. */
  public long fingerprint() {
    int n = y.length;
    // d = 1 keeps the hash it always had, so one-feature run ids are unchanged.
    long h = d == 1 ? Seeds.derive(n) : Seeds.derive(n, d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        if (j < d - 1) {
          h = Seeds.derive(h, Double.doubleToLongBits(x[i * d + j]));
        }
      }
      h = Seeds.derive(h, Double.doubleToLongBits(x[i * d + d - 1]), Double.doubleToLongBits(y[i]));
    }
    return h;
  }

  /** The points as a model of the given precision sees them (x and y rounded to float32). */
  public Points in(Precision precision) {
    if (precision == Precision.FLOAT64) {
      return this;
    }
    double[] rx = new double[x.length];
    double[] ry = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      rx[i] = precision.round(x[i]);
    }
    for (int i = 0; i < y.length; i++) {
      ry[i] = precision.round(y[i]);
    }
    return new Points(d, rx, ry);
  }
}
