package org.batchsweep.diagnose;

import org.batchsweep.core.EpochOrder;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;

/**
 * The minimiser of the objective a run with coupled weight decay λ optimises: its batch losses
 * averaged over an epoch's batches (in expectation over permutations when shuffling), as in {@link
 * ObjectiveMinimiser}, plus {@code λ/2·(w² + b²)} — ridge regression with the intercept penalised
 * too, as PyTorch decays every parameter of the group. The gradient of the penalty is the {@code
 * λθ} that SGD, Adam, RMSprop and Adagrad add to the gradient.
 *
 * <p>Each case reduces to weighted moments of x and of a target t with weights summing to 1 (see
 * {@link ObjectiveMinimiser} for the weights and targets of each loss and batching), and the
 * stationary point of {@code E[(w·x + b − t)²] + λ/2·(w² + b²)} solves
 *
 * <pre>
 *   (2·E[x²] + λ)·w + 2·E[x]·b = 2·E[x·t]
 *   2·E[x]·w + (2 + λ)·b       = 2·E[t]
 * </pre>
 *
 * With λ = 0 this is {@link ObjectiveMinimiser}'s answer.
 */
public final class RidgeObjective {

  private RidgeObjective() {}

  /** {slope, intercept} minimising the batch losses plus λ/2·‖θ‖². */
  public static double[] of(
      Loss loss, boolean shuffle, int batchSize, double lambda, Points train) {
    double[] moments = moments(loss, shuffle, batchSize, train);
    double ex = moments[0];
    double exx = moments[1];
    double et = moments[2];
    double ext = moments[3];
    double a11 = 2 * exx + lambda;
    double a12 = 2 * ex;
    double a22 = 2 + lambda;
    double det = a11 * a22 - a12 * a12;
    double r1 = 2 * ext;
    double r2 = 2 * et;
    return new double[] {(r1 * a22 - a12 * r2) / det, (a11 * r2 - a12 * r1) / det};
  }

  /** {E[x], E[x²], E[t], E[x·t]} under the case's sample weights and targets. */
  static double[] moments(Loss loss, boolean shuffle, int batchSize, Points train) {
    double[] x = train.x();
    double[] y = train.y();
    int n = x.length;
    double sumY = 0;
    for (double v : y) {
      sumY += v;
    }
    double ex = 0, exx = 0, et = 0, ext = 0;
    if (shuffle) {
      // Every sample equally likely in every batch: weights 1/n; mse-broadcast's target is the
      // expected batch mean given the sample is in it, a·y_j + (1 − a)·(Σy − y_j)/(n − 1).
      double a = loss == Loss.MSE ? 1.0 : ObjectiveMinimiser.meanInverseBatchSize(n, batchSize);
      for (int j = 0; j < n; j++) {
        double t = loss == Loss.MSE ? y[j] : a * y[j] + (1 - a) * (sumY - y[j]) / (n - 1);
        ex += x[j];
        exx += x[j] * x[j];
        et += t;
        ext += x[j] * t;
      }
      return new double[] {ex / n, exx / n, et / n, ext / n};
    }
    // Fixed batches: sample j of batch k weighs 1/(B_k·K); mse-broadcast's target is its batch
    // mean.
    int batches = EpochOrder.stepsPerEpoch(n, batchSize);
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(from + batchSize, n);
      double weight = 1.0 / ((double) (to - from) * batches);
      double batchMean = 0;
      if (loss == Loss.MSE_BROADCAST) {
        for (int j = from; j < to; j++) {
          batchMean += y[j];
        }
        batchMean /= (to - from);
      }
      for (int j = from; j < to; j++) {
        double t = loss == Loss.MSE ? y[j] : batchMean;
        ex += weight * x[j];
        exx += weight * x[j] * x[j];
        et += weight * t;
        ext += weight * x[j] * t;
      }
    }
    return new double[] {ex, exx, et, ext};
  }
}
