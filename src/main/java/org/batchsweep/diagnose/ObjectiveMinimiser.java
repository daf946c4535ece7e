package org.batchsweep.diagnose;

import java.util.Arrays;
import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;

/**
 * The minimiser of the objective a run actually optimises: the sum of its batch losses over an
 * epoch (in expectation over permutations when shuffling), in closed form. With d features the same
 * rules hold with the slope replaced by the weight vector (weighted least squares).
 *
 * <ul>
 *   <li>{@code mse}, fixed batches: least squares with per-sample weight 1/B_k, B_k the size of the
 *       sample's batch (only the remainder batch differs).
 *   <li>{@code mse}, shuffled: every sample is equally likely to land in any batch, so ordinary
 *       least squares — the reference line.
 *   <li>{@code mse-broadcast}, fixed batches: each batch's loss is the squared error of its
 *       predictions against the batch's mean target plus a constant, so weighted least squares of
 *       ȳ(batch of j) on x_j with weights 1/B_k.
 *   <li>{@code mse-broadcast}, shuffled: given that sample j is in a batch of size B_k, the batch
 *       mean is expected to be y_j/B_k + (B_k−1)/B_k · (Σ_{i≠j} y_i)/(n−1). Averaged over the
 *       epoch's batches (a = mean of 1/B_k) the target of x_j is a·y_j + (1−a)(Σ_{i≠j} y_i)/(n−1),
 *       whose least-squares slope is the ordinary slope times (a·n − 1)/(n − 1) — that is
 *       (n−B)/(B(n−1)) when B divides n: −0.40 for the seed at B = 10, 0 at B = n — and whose line
 *       passes through (x̄, ȳ).
 * </ul>
 */
public final class ObjectiveMinimiser {

  private ObjectiveMinimiser() {}

  /**
   * {slope, intercept} minimising the objective of {@code loss} with these batches; with d features
   * {w_1..w_d, b}, by the same four rules.
   */
  public static double[] of(Loss loss, boolean shuffle, int batchSize, Points train) {
    if (train.features() > 1) {
      return ofFeatures(loss, shuffle, batchSize, train);
    }
    int n = train.size();
    double olsSlope = train.covXY() / train.varX();
    if (shuffle) {
      double slope =
          loss == Loss.MSE
              ? olsSlope
              : olsSlope * (meanInverseBatchSize(n, batchSize) * n - 1) / (n - 1);
      return new double[] {slope, train.meanY() - slope * train.meanX()};
    }
    return fixedBatches(loss, batchSize, train);
  }

  /**
   * With d features and coupled weight decay λ (bias included): an epoch's mean gradient {@code
   * (1/K) Σ_k ∇L_k + λθ} vanishes where {@code (X̃ᵀUX̃ + λK/2·I)θ = X̃ᵀUt}, with per-point weights
   * U and targets t of the rules above (shuffled: the expected weight K/n of every point).
   */
  public static double[] ridge(
      Loss loss, boolean shuffle, int batchSize, double decay, Points train) {
    int n = train.size();
    int batches = EpochOrder.stepsPerEpoch(n, batchSize);
    double[] weights = new double[n];
    double[] targets = train.y().clone();
    if (shuffle) {
      Arrays.fill(weights, batches / (double) n);
      if (loss == Loss.MSE_BROADCAST) {
        double a = meanInverseBatchSize(n, batchSize);
        double total = train.meanY() * n;
        for (int j = 0; j < n; j++) {
          targets[j] = a * train.y()[j] + (1 - a) * (total - train.y()[j]) / (n - 1);
        }
      }
    } else {
      fixedBatchWeights(loss, batchSize, train, weights, targets);
    }
    return WeightedLeastSquares.solveRidge(train, weights, targets, decay * batches / 2);
  }

  private static void fixedBatchWeights(
      Loss loss, int batchSize, Points train, double[] weights, double[] targets) {
    int n = train.size();
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(from + batchSize, n);
      double batchMean = 0;
      for (int j = from; j < to; j++) {
        batchMean += train.y()[j];
      }
      batchMean /= (to - from);
      for (int j = from; j < to; j++) {
        weights[j] = 1.0 / (to - from);
        if (loss == Loss.MSE_BROADCAST) {
          targets[j] = batchMean;
        }
      }
    }
  }

  private static double[] ofFeatures(Loss loss, boolean shuffle, int batchSize, Points train) {
    int n = train.size();
    double[] weights = new double[n];
    double[] targets = train.y().clone();
    if (shuffle) {
      Arrays.fill(weights, 1.0);
      double[] ols = WeightedLeastSquares.solve(train, weights, targets);
      if (loss == Loss.MSE) {
        return ols;
      }
      // Targets a·y_j + const: every weight shrinks by (a·n − 1)/(n − 1); the fit keeps the means.
      double shrink = (meanInverseBatchSize(n, batchSize) * n - 1) / (n - 1);
      int d = train.features();
      double b = train.meanY();
      for (int j = 0; j < d; j++) {
        ols[j] *= shrink;
        b -= ols[j] * train.meanX(j);
      }
      ols[d] = b;
      return ols;
    }
    fixedBatchWeights(loss, batchSize, train, weights, targets);
    return WeightedLeastSquares.solve(train, weights, targets);
  }

  /** The mean of 1/B_k over the batches of one epoch. */
  static double meanInverseBatchSize(int n, int batchSize) {
    int batches = EpochOrder.stepsPerEpoch(n, batchSize);
    int remainder = n - (batches - 1) * batchSize;
    return ((batches - 1) / (double) batchSize + 1.0 / remainder) / batches;
  }

  private static double[] fixedBatches(Loss loss, int batchSize, Points train) {
    double[] x = train.x();
    double[] y = train.y();
    int n = x.length;
    // Weighted sums, centred on the data means so that the normal equations stay well conditioned.
    double mx = train.meanX();
    double my = train.meanY();
    double sw = 0, swx = 0, swt = 0, swxx = 0, swxt = 0;
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(from + batchSize, n);
      double weight = 1.0 / (to - from);
      double batchMean = 0;
      if (loss == Loss.MSE_BROADCAST) {
        for (int j = from; j < to; j++) {
          batchMean += y[j] - my;
        }
        batchMean /= (to - from);
      }
      for (int j = from; j < to; j++) {
        double dx = x[j] - mx;
        double target = loss == Loss.MSE ? y[j] - my : batchMean;
        sw += weight;
        swx += weight * dx;
        swt += weight * target;
        swxx += weight * dx * dx;
        swxt += weight * dx * target;
      }
    }
    double varX = swxx / sw - (swx / sw) * (swx / sw);
    double covXT = swxt / sw - (swx / sw) * (swt / sw);
    double slope = covXT / varX;
    double intercept = swt / sw - slope * swx / sw;
    // Back from centred coordinates: t − my = slope·(x − mx) + intercept.
    return new double[] {slope, intercept + my - slope * mx};
  }
}
