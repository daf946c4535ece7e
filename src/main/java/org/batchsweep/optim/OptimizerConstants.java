package org.batchsweep.optim;

import java.io.Serializable;
import org.batchsweep.core.OptimizerConfig;

/**
 * The per-optimizer constants of a spec's {@code optim} section (PyTorch's defaults unless the spec
 * changes them), and the one place that builds an {@link OptimizerConfig} from a grid point.
 */
public record OptimizerConstants(
    double adamBeta1,
    double adamBeta2,
    double adamEps,
    boolean adamAmsgrad,
    double adamwBeta1,
    double adamwBeta2,
    double adamwEps,
    boolean adamwAmsgrad,
    double rmspropAlpha,
    double rmspropEps,
    boolean rmspropCentered,
    double adagradLrDecay,
    double adagradEps,
    double adagradInitialAccumulator,
    double sgdDampening)
    implements Serializable {

  public static final OptimizerConstants DEFAULTS =
      new OptimizerConstants(
          0.9, 0.999, 1e-8, false, 0.9, 0.999, 1e-8, false, 0.99, 1e-8, false, 0.0, 1e-10, 0.0,
          0.0);

  /** PyTorch's default weight decay: 0.01 for AdamW, 0 for the others. */
  public static double defaultWeightDecay(String name) {
    return name.equals(AdamWConfig.NAME) ? 0.01 : 0.0;
  }

  /**
   * The optimizer {@code name} at one grid point.
   *
   * @param weightDecay λ, or NaN for PyTorch's default
   * @throws IllegalArgumentException for an unknown name or a value out of range
   */
  public OptimizerConfig build(
      String name, double lr, double momentum, boolean nesterov, double weightDecay) {
    double decay = Double.isNaN(weightDecay) ? defaultWeightDecay(name) : weightDecay;
    return switch (name) {
      case AdamConfig.NAME -> new AdamConfig(lr, adamBeta1, adamBeta2, adamEps, decay, adamAmsgrad);
      case AdamWConfig.NAME ->
          new AdamWConfig(lr, adamwBeta1, adamwBeta2, adamwEps, decay, adamwAmsgrad);
      case SgdConfig.NAME -> new SgdConfig(lr, momentum, sgdDampening, nesterov, decay);
      case RmspropConfig.NAME ->
          new RmspropConfig(lr, rmspropAlpha, rmspropEps, rmspropCentered, momentum, decay);
      case AdagradConfig.NAME ->
          new AdagradConfig(lr, adagradLrDecay, adagradEps, adagradInitialAccumulator, decay);
      default ->
          throw new IllegalArgumentException(
              "unknown optimizer '" + name + "'; accepted: " + OptimizerNames.ACCEPTED);
    };
  }
}
