package org.batchsweep.optim;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Precision;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015) with PyTorch's
 * defaults β1 = 0.9, β2 = 0.999, ε = 1e-8, weight decay 0 (coupled: λθ is added to the gradient)
 * and AMSGrad off (Reddi et al., "On the Convergence of Adam and Beyond", ICLR 2018: the running
 * maximum of v, before bias correction, in the denominator).
 */
public record AdamConfig(
    double lr, double beta1, double beta2, double epsilon, double weightDecay, boolean amsgrad)
    implements OptimizerConfig {

  public static final String NAME = "adam";

  public AdamConfig {
    requirePositiveFinite("lr", lr);
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException(
          "Adam betas must be in [0, 1), cannot be: " + beta1 + ", " + beta2);
    }
    requirePositiveFinite("epsilon", epsilon);
    Checks.nonNegativeFinite("weight_decay", weightDecay);
  }

  public AdamConfig(double lr, double beta1, double beta2, double epsilon) {
    this(lr, beta1, beta2, epsilon, 0.0, false);
  }

  public static AdamConfig withDefaults(double lr) {
    return new AdamConfig(lr, 0.9, 0.999, 1e-8);
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
  public AdamConfig withLr(double lr) {
    return new AdamConfig(lr, beta1, beta2, epsilon, weightDecay, amsgrad);
  }

  /** Plain Adam (no weight decay, no AMSGrad) at a constant lr takes the fast {@link Adam}. */
  @Override
  public Optimizer start(Precision precision, double slope, double intercept) {
    if (weightDecay == 0 && !amsgrad) {
      return Adam.start(this, precision, slope, intercept);
    }
    return start(precision, new double[] {slope, intercept}, LrSchedule.constant(lr));
  }

  @Override
  public Optimizer start(Precision precision, double[] init, LrSchedule schedule) {
    return AdamFamily.start(
        new AdamFamily.Settings(beta1, beta2, epsilon, weightDecay, false, amsgrad),
        precision,
        init,
        schedule);
  }

  @Override
  public String canonicalExtras() {
    return Checks.extra("beta1", beta1, 0.9)
        + Checks.extra("beta2", beta2, 0.999)
        + Checks.extra("eps", epsilon, 1e-8)
        + Checks.extra("weight_decay", weightDecay, 0.0)
        + Checks.extra("amsgrad", amsgrad);
  }

  static void requirePositiveFinite(String what, double value) {
    Checks.positiveFinite(what, value);
  }
}
