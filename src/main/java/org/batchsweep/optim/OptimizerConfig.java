package org.batchsweep.optim;

import java.io.Serializable;

/**
 * An optimizer's validated hyperparameters. Immutable and shared freely; the per-run state lives in
 * the {@link Optimizer} that {@link #start} creates.
 */
public sealed interface OptimizerConfig extends Serializable permits AdamConfig, SgdConfig {

  /** The spec and table spelling of the algorithm: {@code adam} or {@code sgd}. */
  String name();

  double lr();

  /** SGD momentum μ; 0 for optimizers without it. */
  double momentum();

  /** A fresh optimizer at the given initial parameters, already rounded to {@code precision}. */
  Optimizer start(Precision precision, double slope, double intercept);

  /**
   * Whether the optimizer named in a spec takes {@code grid.momentum}: the one place that says so
   * (grid expansion repeats only these per momentum value; a momentum for none of them is refused).
   */
  static boolean takesMomentum(String name) {
    return switch (name) {
      case SgdConfig.NAME -> true;
      default -> false;
    };
  }

  /** Builds the configuration named in a spec. */
  static OptimizerConfig of(String name, double lr, double momentum) {
    return switch (name) {
      case AdamConfig.NAME -> AdamConfig.withDefaults(lr);
      case SgdConfig.NAME -> new SgdConfig(lr, momentum);
      default -> throw new IllegalArgumentException(
          "unknown optimizer '" + name + "'; accepted: " + AdamConfig.NAME + ", " + SgdConfig.NAME);
    };
  }
}
