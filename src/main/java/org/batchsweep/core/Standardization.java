package org.batchsweep.core;

import java.io.Serializable;

/**
 * Standardized features, as scikit-learn's StandardScaler makes them: {@code z_j = (x_j − μ_j) /
 * σ_j} with the training split's mean and population standard deviation. A model {@code y = vᵀz +
 * c} on standardized features is the model {@code y = wᵀx + b} with {@code w_j = v_j / σ_j} and
 * {@code b = c − Σ_j v_j·μ_j / σ_j} on the original ones, which is how a standardized run's
 * parameters are reported.
 */
public record Standardization(double[] mean, double[] std) implements Serializable {

  /** The training split's means and population standard deviations. */
  public static Standardization of(Points train) {
    int d = train.features();
    double[] mean = new double[d];
    double[] std = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] = train.meanX(j);
      std[j] = Math.sqrt(train.cov(j, j));
      if (!(std[j] > 0)) {
        throw new IllegalArgumentException(
            "feature " + j + " is constant, so it cannot be standardized");
      }
    }
    return new Standardization(mean, std);
  }

  /** Whether every feature varies, so that the points can be standardized. */
  public static boolean canStandardize(Points train) {
    for (int j = 0; j < train.features(); j++) {
      if (!(train.cov(j, j) > 0)) {
        return false;
      }
    }
    return true;
  }

  /** The points with standardized features (y unchanged). */
  public Points apply(Points points) {
    int d = mean.length;
    double[] x = points.x();
    double[] z = new double[x.length];
    for (int i = 0; i < points.size(); i++) {
      for (int j = 0; j < d; j++) {
        z[i * d + j] = (x[i * d + j] - mean[j]) / std[j];
      }
    }
    return new Points(d, z, points.y());
  }

  /**
   * The parameters (the weights, then the bias) of a model on standardized features, in the
   * original features' units, into {@code out} (which may be {@code params}).
   */
  public double[] toOriginal(double[] params, double[] out) {
    int d = mean.length;
    double bias = params[d];
    for (int j = 0; j < d; j++) {
      double w = params[j] / std[j];
      bias -= w * mean[j];
      out[j] = w;
    }
    out[d] = bias;
    return out;
  }

  /** The inverse of {@link #toOriginal}: original-unit parameters as the standardized model's. */
  public double[] fromOriginal(double[] params, double[] out) {
    int d = mean.length;
    double bias = params[d];
    for (int j = 0; j < d; j++) {
      bias += params[j] * mean[j];
      out[j] = params[j] * std[j];
    }
    out[d] = bias;
    return out;
  }
}
