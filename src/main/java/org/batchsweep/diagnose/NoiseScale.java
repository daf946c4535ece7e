package org.batchsweep.diagnose;

import java.io.Serializable;

/**
 * The gradient noise scale of the squared loss at one point in parameter space (McCandlish et al.
 * 2018, "An Empirical Model of Large-Batch Training"): {@code bSimple} = tr Σ / |G|² and {@code
 * bNoise} = tr(HΣ) / (GᵀHG), with G the full-batch gradient, Σ the population covariance of the
 * per-example gradients and H the Hessian, whose extreme eigenvalues are {@code lambdaMax} and
 * {@code lambdaMin}. A batch of B examples drawn with replacement has gradient covariance Σ/B, so
 * B_noise is the batch size at which the noise in a step's loss decrease equals its signal.
 */
public record NoiseScale(
    double bSimple,
    double bNoise,
    double gradNorm2,
    double traceSigma,
    double traceHSigma,
    double gHg,
    double lambdaMax,
    double lambdaMin)
    implements Serializable {

  /**
   * The noise scale when batches of B are drawn without replacement from n points, as an epoch's
   * batches are: the batch gradient's covariance is Σ/B·(n − B)/(n − 1) instead of Σ/B, so the
   * noise vanishes at B = n. The steps model S = S_min·(1 + B_noise·(n − B)/(B·(n − 1))) is then
   * again of the form S'·(1 + B'/B), with S' = S_min·(1 − B_noise/(n − 1)) and B' = B_noise·n/(n −
   * 1 − B_noise): the critical batch size a fit over B sees. Infinite when B_noise ≥ n − 1 (every
   * batch size up to the whole dataset still scales perfectly).
   */
  public static double withoutReplacement(double bNoise, long n) {
    double denominator = n - 1 - bNoise;
    return denominator <= 0 ? Double.POSITIVE_INFINITY : bNoise * n / denominator;
  }
}
