package org.batchsweep.diagnose;

import java.io.Serializable;

/**
 * A run's diagnosis, the one sentence with numbers that explains it, the minimiser of the objective
 * the run optimised, and an estimate of the optimizer steps it needed to reach that minimiser (NaN
 * when there is none, e.g. after a blow-up).
 */
public record Verdict(
    Diagnosis diagnosis,
    String detail,
    double objectiveSlope,
    double objectiveIntercept,
    double stepsNeeded)
    implements Serializable {

  /** Collects a verdict around one objective minimiser. */
  static final class Builder {
    private final double[] objective;

    Builder(double[] objective) {
      this.objective = objective;
    }

    Verdict done(Diagnosis diagnosis, String detail, double stepsNeeded) {
      return new Verdict(diagnosis, detail, objective[0], objective[1], stepsNeeded);
    }
  }
}
