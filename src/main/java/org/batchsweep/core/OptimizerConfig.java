package org.batchsweep.core;

import java.io.Serializable;

/**
 * An optimizer's validated hyperparameters. Immutable and shared freely; the per-run state lives in
 * the {@link Optimizer} that {@link #start} creates. Defaults are PyTorch's.
 */
public interface OptimizerConfig extends Serializable {

  /** The spec and table spelling of the algorithm: {@code adam}, {@code sgd}, .... */
  String name();

  double lr();

  /** SGD's or RMSprop's momentum μ; 0 for optimizers without it. */
  double momentum();

  /** The weight decay λ (coupled L2, or decoupled for AdamW); 0 for none. */
  double weightDecay();

  /** Whether weight decay is decoupled ({@code θ ← θ − lr·λ·θ} before the update), as in AdamW. */
  default boolean decoupledWeightDecay() {
    return false;
  }

  /** SGD's Nesterov momentum. */
  default boolean nesterov() {
    return false;
  }

  /** The same optimizer with another learning rate (batch-size scaling). */
  OptimizerConfig withLr(double lr);

  /**
   * A fresh optimizer at a constant lr, at the given initial parameters rounded to {@code
   * precision}.
   */
  Optimizer start(Precision precision, double slope, double intercept);

  /**
   * A fresh optimizer whose lr (and, under OneCycleLR, momentum or β1) follows {@code schedule}.
   */
  default Optimizer start(
      Precision precision, double slope, double intercept, LrSchedule schedule) {
    return start(precision, new double[] {slope, intercept}, schedule);
  }

  /**
   * A fresh optimizer at a constant lr for d weights and a bias, starting at {@code init} (the
   * weights, then the bias). One feature takes the same optimizer as {@link #start(Precision,
   * double, double)}.
   */
  default Optimizer start(Precision precision, double[] init) {
    if (init.length == 2) {
      return start(precision, init[0], init[1]);
    }
    return start(precision, init, LrSchedule.constant(lr()));
  }

  /** As {@link #start(Precision, double[])}, its lr following {@code schedule}. */
  Optimizer start(Precision precision, double[] init, LrSchedule schedule);

  /**
   * The hyperparameters that differ from what every run had before this optimizer gained them, as
   * {@code ;key=value} pairs for the run id ({@code ""} for a plain Adam or SGD run, so its id is
   * unchanged).
   */
  String canonicalExtras();
}
