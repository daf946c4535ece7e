package org.batchsweep.optim;

import java.util.List;

/** The optimizer names a spec accepts, and which of them take {@code grid.momentum}. */
public final class OptimizerNames {

  /** Every optimizer name the spec accepts, in the order error messages list them. */
  public static final List<String> ALL =
      List.of(
          AdamConfig.NAME,
          AdamWConfig.NAME,
          SgdConfig.NAME,
          RmspropConfig.NAME,
          AdagradConfig.NAME);

  /** The same names, for error messages. */
  public static final String ACCEPTED = String.join(", ", ALL);

  private OptimizerNames() {}

  /**
   * Whether the optimizer named in a spec takes {@code grid.momentum}: the one place that says so
   * (grid expansion repeats only these per momentum value; a momentum for none of them is refused).
   */
  public static boolean takesMomentum(String name) {
    return name.equals(SgdConfig.NAME) || name.equals(RmspropConfig.NAME);
  }
}
