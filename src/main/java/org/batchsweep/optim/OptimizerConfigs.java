package org.batchsweep.optim;

import org.batchsweep.core.OptimizerConfig;

/** Building a {@link OptimizerConfig} from its spec spelling: the implementations live here. */
public final class OptimizerConfigs {

  private OptimizerConfigs() {}

  /** Builds the configuration named in a spec with PyTorch's defaults for everything else. */
  public static OptimizerConfig of(String name, double lr, double momentum) {
    return OptimizerConstants.DEFAULTS.build(name, lr, momentum, false, Double.NaN);
  }
}
