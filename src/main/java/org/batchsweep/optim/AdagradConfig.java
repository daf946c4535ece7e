package org.batchsweep.optim;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Precision;

/**
 * Adagrad (Duchi, Hazan and Singer, JMLR 2011) as PyTorch's {@code torch.optim.Adagrad}: {@code clr
 * = lr/(1 + (t−1)·lr_decay)}, {@code sum += g²}, {@code θ −= clr·g/(sqrt(sum) + ε)}, with the sum
 * starting at the initial accumulator value. Weight decay λ adds λθ to g. PyTorch's defaults:
 * lr_decay 0, ε = 1e-10, initial accumulator 0. Adagrad has no momentum.
 */
public record AdagradConfig(
    double lr, double lrDecay, double epsilon, double initialAccumulator, double weightDecay)
    implements OptimizerConfig {

  public static final String NAME = "adagrad";

  public AdagradConfig {
    Checks.positiveFinite("lr", lr);
    Checks.nonNegativeFinite("lr_decay", lrDecay);
    Checks.positiveFinite("epsilon", epsilon);
    Checks.nonNegativeFinite("initial_accumulator_value", initialAccumulator);
    Checks.nonNegativeFinite("weight_decay", weightDecay);
  }

  public static AdagradConfig withDefaults(double lr) {
    return new AdagradConfig(lr, 0.0, 1e-10, 0.0, 0.0);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double momentum() {
    return 0.0;
  }

  @Override
  public AdagradConfig withLr(double lr) {
    return new AdagradConfig(lr, lrDecay, epsilon, initialAccumulator, weightDecay);
  }

  @Override
  public Optimizer start(Precision precision, double slope, double intercept) {
    return start(precision, new double[] {slope, intercept}, LrSchedule.constant(lr));
  }

  @Override
  public Optimizer start(Precision precision, double[] init, LrSchedule schedule) {
    return AdagradFamily.start(this, precision, init, schedule);
  }

  @Override
  public String canonicalExtras() {
    return Checks.extra("lr_decay", lrDecay, 0.0)
        + Checks.extra("eps", epsilon, 1e-10)
        + Checks.extra("initial_accumulator_value", initialAccumulator, 0.0)
        + Checks.extra("weight_decay", weightDecay, 0.0);
  }
}
