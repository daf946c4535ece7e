package org.batchsweep.optim;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Precision;

/**
 * AdamW (Loshchilov and Hutter, "Decoupled Weight Decay Regularization", ICLR 2019) as PyTorch's
 * {@code torch.optim.AdamW}: first {@code θ ← θ·(1 − lr·λ)}, then Adam's update without the decay
 * in the gradient. PyTorch's defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8, λ = 0.01, AMSGrad off.
 */
public record AdamWConfig(
    double lr, double beta1, double beta2, double epsilon, double weightDecay, boolean amsgrad)
    implements OptimizerConfig {

  public static final String NAME = "adamw";

  public AdamWConfig {
    Checks.positiveFinite("lr", lr);
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException(
          "AdamW betas must be in [0, 1), cannot be: " + beta1 + ", " + beta2);
    }
    Checks.positiveFinite("epsilon", epsilon);
    Checks.nonNegativeFinite("weight_decay", weightDecay);
  }

  public static AdamWConfig withDefaults(double lr) {
    return new AdamWConfig(lr, 0.9, 0.999, 1e-8, 0.01, false);
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
  public boolean decoupledWeightDecay() {
    return true;
  }

  @Override
  public AdamWConfig withLr(double lr) {
    return new AdamWConfig(lr, beta1, beta2, epsilon, weightDecay, amsgrad);
  }

  @Override
  public Optimizer start(Precision precision, double slope, double intercept) {
    return start(precision, new double[] {slope, intercept}, LrSchedule.constant(lr));
  }

  @Override
  public Optimizer start(Precision precision, double[] init, LrSchedule schedule) {
    return AdamFamily.start(
        new AdamFamily.Settings(beta1, beta2, epsilon, weightDecay, true, amsgrad),
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
}
