package org.batchsweep.train;

import java.io.Serializable;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.Reference;

/**
 * The box around the reference a run must end in to count as converged: |w_j − w*_j| ≤ slopeTol for
 * every weight and |b − b*| ≤ interceptTol. The trainers test it after every step to find the step
 * from which a run stayed inside ({@code steps_to_target}). The test is written as the runs table's
 * {@code converged} is (error = run − reference, then |error| ≤ tolerance), so a run has a step
 * count exactly when it is reported converged.
 *
 * <p>With {@code maxTrainMse} set (not NaN; the spec's {@code converged.excess_mse_rel}) the target
 * is instead every model whose training MSE is at most that, whatever its weights.
 */
public record Target(
    double[] weights, double intercept, double slopeTol, double interceptTol, double maxTrainMse)
    implements Serializable {

  /** No target: nothing is ever inside, so no run gets a step count. */
  public static final Target NONE = new Target(0, 0, -1, -1);

  /** One feature's box around (slope, intercept). */
  public Target(double slope, double intercept, double slopeTol, double interceptTol) {
    this(new double[] {slope}, intercept, slopeTol, interceptTol);
  }

  /** The box around the weights and intercept. */
  public Target(double[] weights, double intercept, double slopeTol, double interceptTol) {
    this(weights, intercept, slopeTol, interceptTol, Double.NaN);
  }

  /**
   * The target of converged runs: the box around the reference's weights and intercept, or with
   * {@code converged.excess_mse_rel} the bound on the training MSE.
   */
  public static Target around(Reference reference, ConvergenceSpec tolerance) {
    return new Target(
        reference.weights(),
        reference.intercept(),
        tolerance.slopeTol(),
        tolerance.interceptTol(),
        tolerance.byExcessMse() ? tolerance.mseBound(reference.trainMse()) : Double.NaN);
  }

  /** Whether the target is a bound on the training MSE rather than a box. */
  public boolean byMse() {
    return !Double.isNaN(maxTrainMse);
  }

  public double slope() {
    return weights[0];
  }

  public boolean contains(double w, double b) {
    return Math.abs(w - weights[0]) <= slopeTol && Math.abs(b - intercept) <= interceptTol;
  }

  /** Whether the parameters (the weights, then the bias) are inside. */
  public boolean contains(double[] params) {
    int d = params.length - 1;
    if (!(Math.abs(params[d] - intercept) <= interceptTol)) {
      return false;
    }
    for (int j = 0; j < d; j++) {
      if (!(Math.abs(params[j] - (j < weights.length ? weights[j] : 0)) <= slopeTol)) {
        return false;
      }
    }
    return true;
  }
}
