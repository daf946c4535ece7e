package org.batchsweep.optim;

/**
 * Stochastic gradient descent with heavy-ball momentum in PyTorch's form (no dampening, no weight
 * decay): {@code buf = μ·buf + g} (on the first step {@code buf = g}), {@code p −= lr·buf}. With
 * μ = 0 this is plain SGD.
 */
public record SgdConfig(double lr, double momentum) implements OptimizerConfig {

  public static final String NAME = "sgd";

  public SgdConfig {
    AdamConfig.requirePositiveFinite("lr", lr);
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), cannot be: " + momentum);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optimizer start(Precision precision, double slope, double intercept) {
    return Sgd.start(this, precision, slope, intercept);
  }
}
