package org.batchsweep.data;

import org.batchsweep.core.Points;
import org.batchsweep.core.Seeds;
import org.batchsweep.spec.DataSpec;

/**
 * The synthetic line: x evenly spaced on [xMin, xMax] (numpy.linspace), y = slope·x + intercept +
 * noise·N(0,1). Each point's noise comes from its own stream, derived from the data seed, the split
 * and the point's index, so the points are the same whoever generates them and in whatever order.
 * The validation split is an independent second draw at the same x.
 */
public final class LinePoints {

  public static final int TRAIN_SPLIT = 0;
  public static final int VALIDATION_SPLIT = 1;

  private LinePoints() {}

  public static Points generate(DataSpec spec, int split) {
    int n = spec.n();
    double[] x = new double[n];
    double[] y = new double[n];
    double step = (spec.xMax() - spec.xMin()) / (n - 1);
    for (int i = 0; i < n; i++) {
      x[i] = i == n - 1 ? spec.xMax() : spec.xMin() + i * step;
      double noise = Seeds.random(spec.seed(), Seeds.NOISE, split, i).nextGaussian();
      y[i] = spec.slope() * x[i] + spec.intercept() + spec.noise() * noise;
    }
    return new Points(x, y);
  }
}
