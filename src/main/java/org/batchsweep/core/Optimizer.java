package org.batchsweep.core;

/**
 * One run's optimizer together with the parameters it moves: slope {@code w} and intercept {@code
 * b} of the model {@code y = w·x + b}.
 *
 * <p>Lifecycle: created by {@link OptimizerConfig#start} with the initial parameters, then one
 * {@link #step} per mini-batch. Each instance holds all mutable state of one run (parameters,
 * moments, step count) and is never shared between runs.
 */
public interface Optimizer {

  /** Applies one update from the batch gradient of the loss with respect to slope and intercept. */
  void step(double gradSlope, double gradIntercept);

  double slope();

  double intercept();

  /** Number of steps taken so far. */
  long steps();
}
