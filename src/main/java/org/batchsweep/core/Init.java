package org.batchsweep.core;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * How a run's parameters start. A parameter given a value starts there; one left unset is drawn as
 * PyTorch's {@code nn.Linear(1, 1)} default does, which for one input is U(−1, 1) for both the
 * weight (Kaiming-uniform with a = √5) and the bias. The draw depends only on the run's seed, so
 * runs that differ in anything else start from the same point.
 */
public record Init(Double slope, Double intercept) implements Serializable {

  public static final Init KAIMING = new Init(null, null);

  public boolean isKaiming() {
    return slope == null && intercept == null;
  }

  /** The initial {slope, intercept} for a run with this seed. */
  public double[] draw(long seed) {
    SplittableRandom random = Seeds.random(seed, Seeds.INIT);
    double kaimingSlope = random.nextDouble(-1.0, 1.0);
    double kaimingIntercept = random.nextDouble(-1.0, 1.0);
    return new double[] {
      slope != null ? slope : kaimingSlope, intercept != null ? intercept : kaimingIntercept
    };
  }

  /** The spec spelling: {@code kaiming} or {@code {slope: S, intercept: I}}. */
  public String describe() {
    if (isKaiming()) {
      return "kaiming";
    }
    return "{slope: "
        + (slope == null ? "kaiming" : slope)
        + ", intercept: "
        + (intercept == null ? "kaiming" : intercept)
        + "}";
  }
}
