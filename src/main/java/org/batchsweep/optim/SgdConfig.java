package org.batchsweep.optim;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Precision;

/**
 * Stochastic gradient descent in PyTorch's form: weight decay λ adds λθ to the gradient g; with
 * momentum μ, {@code buf = μ·buf + (1−τ)·g} (on the first step {@code buf = g}) with dampening τ;
 * Nesterov uses {@code g + μ·buf} instead of {@code buf} (Sutskever et al. 2013); then {@code θ −=
 * lr·buf}. With μ = 0 this is plain SGD. As in PyTorch, Nesterov needs μ > 0 and τ = 0.
 */
public record SgdConfig(
    double lr, double momentum, double dampening, boolean nesterov, double weightDecay)
    implements OptimizerConfig {

  public static final String NAME = "sgd";

  public SgdConfig {
    Checks.positiveFinite("lr", lr);
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), cannot be: " + momentum);
    }
    if (!(dampening >= 0 && dampening <= 1)) {
      throw new IllegalArgumentException("dampening must be in [0, 1], cannot be: " + dampening);
    }
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException(
          "Nesterov momentum requires a momentum > 0 and zero dampening, cannot be: momentum "
              + momentum
              + ", dampening "
              + dampening);
    }
    Checks.nonNegativeFinite("weight_decay", weightDecay);
  }

  public SgdConfig(double lr, double momentum) {
    this(lr, momentum, 0.0, false, 0.0);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SgdConfig withLr(double lr) {
    return new SgdConfig(lr, momentum, dampening, nesterov, weightDecay);
  }

  /** Plain SGD (no decay, dampening or Nesterov) at a constant lr takes the fast {@link Sgd}. */
  @Override
  public Optimizer start(Precision precision, double slope, double intercept) {
    if (weightDecay == 0 && dampening == 0 && !nesterov) {
      return Sgd.start(this, precision, slope, intercept);
    }
    return start(precision, new double[] {slope, intercept}, LrSchedule.constant(lr));
  }

  @Override
  public Optimizer start(Precision precision, double[] init, LrSchedule schedule) {
    return SgdFamily.start(this, precision, init, schedule);
  }

  @Override
  public String canonicalExtras() {
    return Checks.extra("dampening", dampening, 0.0)
        + Checks.extra("nesterov", nesterov)
        + Checks.extra("weight_decay", weightDecay, 0.0);
  }
}
