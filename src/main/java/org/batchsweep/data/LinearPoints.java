package org.batchsweep.data;

import java.util.List;
import java.util.SplittableRandom;
import org.batchsweep.core.Points;
import org.batchsweep.core.Seeds;
import org.batchsweep.spec.DataSpec;

/**
 * Synthetic linear data with d = {@code weights.size()} features: x_j ~ U(xMin, xMax) ·
 * featureScales[j], y = weightsᵀx + intercept + noise·N(0,1). Each point's draws (its d features,
 * then its noise) come from its own stream, derived from the data seed, the split and the point's
 * index, as for {@link LinePoints}, so the points are the same whoever generates them and in
 * whatever order. The validation split is an independent second draw, features included.
 */
public final class LinearPoints {

  private LinearPoints() {}

  public static Points generate(DataSpec spec, int split) {
    List<Double> weights = spec.weights();
    List<Double> scales = spec.featureScales();
    int d = weights.size();
    int n = spec.n();
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      SplittableRandom random = Seeds.random(spec.seed(), Seeds.NOISE, split, i);
      double dot = 0;
      for (int j = 0; j < d; j++) {
        double value = random.nextDouble(spec.xMin(), spec.xMax()) * scales.get(j);
        x[i * d + j] = value;
        dot += weights.get(j) * value;
      }
      y[i] = dot + spec.intercept() + spec.noise() * random.nextGaussian();
    }
    return new Points(d, x, y);
  }
}
