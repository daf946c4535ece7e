package org.batchsweep.diagnose;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A run's diagnosis, the one sentence with numbers that explains it, the minimiser of the objective
 * the run optimised (the weights, then the bias; NaN when unknown), and an estimate of the
 * optimizer steps it needed to reach that minimiser (NaN when there is none, e.g. after a blow-up).
 */
public record Verdict(Diagnosis diagnosis, String detail, double[] objective, double stepsNeeded)
    implements Serializable {

  /** A one-feature verdict. */
  public Verdict(
      Diagnosis diagnosis,
      String detail,
      double objectiveSlope,
      double objectiveIntercept,
      double stepsNeeded) {
    this(diagnosis, detail, new double[] {objectiveSlope, objectiveIntercept}, stepsNeeded);
  }

  /** The objective minimiser's first weight (the slope when there is one feature). */
  public double objectiveSlope() {
    return objective[0];
  }

  public double objectiveIntercept() {
    return objective[objective.length - 1];
  }

  /** The objective minimiser's weights (a copy). */
  public double[] objectiveWeights() {
    return Arrays.copyOf(objective, objective.length - 1);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Verdict v
        && diagnosis == v.diagnosis
        && detail.equals(v.detail)
        && Arrays.equals(objective, v.objective)
        && Double.compare(stepsNeeded, v.stepsNeeded) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * diagnosis.hashCode() + detail.hashCode()) + Arrays.hashCode(objective);
  }

  @Override
  public String toString() {
    return "Verdict["
        + diagnosis
        + ", "
        + detail
        + ", objective="
        + Arrays.toString(objective)
        + ", stepsNeeded="
        + stepsNeeded
        + "]";
  }

  /** Collects a verdict around one objective minimiser. */
  static final class Builder {
    private final double[] objective;

    Builder(double[] objective) {
      this.objective = objective;
    }

    Verdict done(Diagnosis diagnosis, String detail, double stepsNeeded) {
      return new Verdict(diagnosis, detail, objective, stepsNeeded);
    }
  }
}
