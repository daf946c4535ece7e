package org.batchsweep.diagnose;

import java.io.Serializable;
import java.util.List;

/**
 * The steps-to-target model of McCandlish et al. (2018), S(B) = S_min·(1 + B_crit/B), fitted to
 * measured (batch size, steps) pairs. The model is linear in 1/B, S = S_min + (S_min·B_crit)/B, so
 * ordinary least squares of S on 1/B gives S_min (intercept) and E_min = S_min·B_crit (slope): the
 * fewest steps any batch size needs, and the fewest examples (steps × B) any needs. B_crit =
 * E_min/S_min is where the two regimes meet: below it doubling B halves the steps (perfect
 * scaling); above it extra examples per step buy almost nothing.
 *
 * <p>{@code bCrit} is NaN when the fit has no positive S_min or no positive E_min (steps that do
 * not fall as the batch grows): the data then have no critical batch size of this form.
 */
public record ScalingFit(double sMin, double eMin, double bCrit, double r2, int points)
    implements Serializable {

  /** Fewest distinct batch sizes a fit needs: two fix the line, a third tests it. */
  public static final int MIN_BATCH_SIZES = 3;

  /** One measurement: the steps a batch size took. */
  public record Point(int batchSize, double steps) implements Serializable {}

  /**
   * The least-squares fit, or null with fewer than {@link #MIN_BATCH_SIZES} distinct batch sizes.
   */
  public static ScalingFit of(List<Point> points) {
    if (points.stream().mapToInt(Point::batchSize).distinct().count() < MIN_BATCH_SIZES) {
      return null;
    }
    int n = points.size();
    double meanU = 0;
    double meanS = 0;
    for (Point p : points) {
      meanU += 1.0 / p.batchSize() / n;
      meanS += p.steps() / n;
    }
    double suu = 0;
    double sus = 0;
    double sss = 0;
    for (Point p : points) {
      double du = 1.0 / p.batchSize() - meanU;
      double ds = p.steps() - meanS;
      suu += du * du;
      sus += du * ds;
      sss += ds * ds;
    }
    double eMin = sus / suu;
    double sMin = meanS - eMin * meanU;
    double residual = 0;
    for (Point p : points) {
      double e = p.steps() - (sMin + eMin / p.batchSize());
      residual += e * e;
    }
    double r2 = sss == 0 ? 1 : 1 - residual / sss;
    double bCrit = sMin > 0 && eMin > 0 ? eMin / sMin : Double.NaN;
    return new ScalingFit(sMin, eMin, bCrit, r2, n);
  }

  /** The fitted steps at batch size {@code b}. */
  public double steps(double b) {
    return sMin + eMin / b;
  }
}
