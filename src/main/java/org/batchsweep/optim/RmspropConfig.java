package org.batchsweep.optim;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Precision;

/**
 * RMSprop (Hinton, Coursera lecture 6e, 2012) as PyTorch's {@code torch.optim.RMSprop}: {@code v =
 * α·v + (1−α)·g²}; centered also keeps {@code ḡ = α·ḡ + (1−α)·g} and uses {@code v − ḡ²}; the
 * denominator is {@code sqrt(·) + ε}; with momentum μ > 0, {@code buf = μ·buf + g/denominator},
 * {@code θ −= lr·buf}, otherwise {@code θ −= lr·g/denominator}. Weight decay λ adds λθ to g.
 * PyTorch's defaults: α = 0.99, ε = 1e-8, centered off, momentum 0 (its default lr is 0.01).
 */
public record RmspropConfig(
    double lr, double alpha, double epsilon, boolean centered, double momentum, double weightDecay)
    implements OptimizerConfig {

  public static final String NAME = "rmsprop";

  public RmspropConfig {
    Checks.positiveFinite("lr", lr);
    Checks.unitInterval("alpha", alpha);
    Checks.positiveFinite("epsilon", epsilon);
    Checks.unitInterval("momentum", momentum);
    Checks.nonNegativeFinite("weight_decay", weightDecay);
  }

  public static RmspropConfig withDefaults(double lr) {
    return new RmspropConfig(lr, 0.99, 1e-8, false, 0.0, 0.0);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RmspropConfig withLr(double lr) {
    return new RmspropConfig(lr, alpha, epsilon, centered, momentum, weightDecay);
  }

  @Override
  public Optimizer start(Precision precision, double slope, double intercept) {
    return start(precision, new double[] {slope, intercept}, LrSchedule.constant(lr));
  }

  @Override
  public Optimizer start(Precision precision, double[] init, LrSchedule schedule) {
    return RmspropFamily.start(this, precision, init, schedule);
  }

  @Override
  public String canonicalExtras() {
    return Checks.extra("alpha", alpha, 0.99)
        + Checks.extra("eps", epsilon, 1e-8)
        + Checks.extra("centered", centered)
        + Checks.extra("weight_decay", weightDecay, 0.0);
  }
}
