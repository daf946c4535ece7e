package org.batchsweep.core;

/**
 * One run's optimizer together with the parameters it moves: the weights {@code w} and the bias
 * {@code b} of the model {@code y = wᵀx + b}, in that order (for one feature: slope, then
 * intercept).
 *
 * <p>Lifecycle: created by {@link OptimizerConfig#start} with the initial parameters, then one
 * {@link #step} per mini-batch. Each instance holds all mutable state of one run (parameters,
 * moments, step count) and is never shared between runs.
 */
public interface Optimizer {

  /** Applies one update from the batch gradient of the loss with respect to slope and intercept. */
  void step(double gradSlope, double gradIntercept);

  /**
   * Applies one update from the batch gradient with respect to every parameter: the d weights, then
   * the bias. One-feature optimizers take exactly two.
   */
  default void step(double[] gradient) {
    if (gradient.length != 2) {
      throw new IllegalArgumentException(
          "this optimizer moves one weight and a bias, not " + (gradient.length - 1) + " weights");
    }
    step(gradient[0], gradient[1]);
  }

  /** The first weight (the slope when there is one feature). */
  double slope();

  /** The bias. */
  double intercept();

  /** Parameter {@code j}: weight j for j < d, the bias for j = d. */
  default double param(int j) {
    return j == 0 ? slope() : intercept();
  }

  /** The number of parameters, d + 1. */
  default int parameters() {
    return 2;
  }

  /** Number of steps taken so far. */
  long steps();
}
