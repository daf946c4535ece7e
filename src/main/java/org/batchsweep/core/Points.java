package org.batchsweep.core;

import java.io.Serializable;

/**
 * A set of (x, y) points as primitive arrays, with the centred moments that give the mean squared
 * error of any line in O(1). Immutable; this is what the driver broadcasts to executors.
 */
public final class Points implements Serializable {

  private final double[] x;
  private final double[] y;
  private final double meanX;
  private final double meanY;
  private final double varX;
  private final double varY;
  private final double covXY;

  public Points(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y differ in length: " + x.length + " vs " + y.length);
    }
    this.x = x;
    this.y = y;
    int n = x.length;
    double sx = 0, sy = 0;
    for (int i = 0; i < n; i++) {
      sx += x[i];
      sy += y[i];
    }
    meanX = n == 0 ? 0 : sx / n;
    meanY = n == 0 ? 0 : sy / n;
    // Two passes: centred sums keep the MSE of a good fit accurate where raw sums would cancel.
    double vx = 0, vy = 0, cxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      vx += dx * dx;
      vy += dy * dy;
      cxy += dx * dy;
    }
    varX = n == 0 ? 0 : vx / n;
    varY = n == 0 ? 0 : vy / n;
    covXY = n == 0 ? 0 : cxy / n;
  }

  public int size() {
    return x.length;
  }

  /** The x values; callers must not modify the array. */
  public double[] x() {
    return x;
  }

  /** The y values; callers must not modify the array. */
  public double[] y() {
    return y;
  }

  public double meanX() {
    return meanX;
  }

  public double meanY() {
    return meanY;
  }

  /** Population variance of x, {@code 1/n Σ (x − x̄)²}. */
  public double varX() {
    return varX;
  }

  public double varY() {
    return varY;
  }

  public double covXY() {
    return covXY;
  }

  /** {@code 1/n Σ (w·x + b − y)²}, the correct mean squared error of the line over these points. */
  public double mse(double w, double b) {
    double offset = w * meanX + b - meanY;
    return offset * offset + w * w * varX - 2 * w * covXY + varY;
  }

  /** A 64-bit hash of every coordinate, in order: identifies the data a run was trained on. */
  public long fingerprint() {
    long h = Seeds.derive(x.length);
    for (int i = 0; i < x.length; i++) {
      h = Seeds.derive(h, Double.doubleToLongBits(x[i]), Double.doubleToLongBits(y[i]));
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
      ry[i] = precision.round(y[i]);
    }
    return new Points(rx, ry);
  }
}
