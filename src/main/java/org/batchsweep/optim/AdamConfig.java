package org.batchsweep.optim;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015) with PyTorch's
 * defaults β1 = 0.9, β2 = 0.999, ε = 1e-8 and without weight decay.
 */
public record AdamConfig(double lr, double beta1, double beta2, double epsilon)
    implements OptimizerConfig {

  public static final String NAME = "adam";

  public AdamConfig {
    requirePositiveFinite("lr", lr);
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException(
          "Adam betas must be in [0, 1), cannot be: " + beta1 + ", " + beta2);
    }
    requirePositiveFinite("epsilon", epsilon);
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
  public Optimizer start(Precision precision, double slope, double intercept) {
    return Adam.start(this, precision, slope, intercept);
  }

  static void requirePositiveFinite(String what, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(what + " must be a finite number > 0, cannot be: " + value);
    }
  }
}
