package org.batchsweep.core;

/**
 * When a run counts as converged. By default it must end within {@code slopeTol} of the reference
 * in every weight (the slope, for one feature) and within {@code interceptTol} in the intercept.
 * With {@code excessMseRel} set (not NaN) the test is on the loss instead: the run's training MSE
 * at most {@code (1 + excessMseRel)} times the reference's, whatever its weights; with many
 * features, or badly conditioned ones, a model can fit about as well as the reference far from its
 * weights.
 */
public record ConvergenceSpec(double slopeTol, double interceptTol, double excessMseRel)
    implements java.io.Serializable {

  /** The weight and intercept tolerances alone. */
  public ConvergenceSpec(double slopeTol, double interceptTol) {
    this(slopeTol, interceptTol, Double.NaN);
  }

  /** True when convergence is judged by the training MSE (converged.excess_mse_rel is set). */
  public boolean byExcessMse() {
    return !Double.isNaN(excessMseRel);
  }

  /**
   * Whether a one-feature run ended inside the tolerance box around the reference line. This is the
   * box test alone: callers that also know the MSE use {@link #converged(double[], double, double,
   * double)}, which honours {@code excessMseRel}.
   */
  public boolean converged(double slopeError, double interceptError) {
    return Math.abs(slopeError) <= slopeTol && Math.abs(interceptError) <= interceptTol;
  }

  /**
   * Whether a run converged: with {@code excessMseRel} set, {@code trainMse ≤ (1 + excessMseRel) ·
   * referenceTrainMse}; otherwise every weight error within {@code slopeTol} and the intercept
   * error within {@code interceptTol}. NaN errors or MSEs never converge.
   */
  public boolean converged(
      double[] weightErrors, double interceptError, double trainMse, double referenceTrainMse) {
    if (byExcessMse()) {
      return trainMse <= mseBound(referenceTrainMse);
    }
    for (double error : weightErrors) {
      if (!(Math.abs(error) <= slopeTol)) {
        return false;
      }
    }
    return Math.abs(interceptError) <= interceptTol;
  }

  /** {@link #converged(double[], double, double, double)} of a model against {@code reference}. */
  public boolean converged(
      Reference reference, double[] weights, double intercept, double trainMse) {
    return converged(
        reference.weightErrors(weights),
        intercept - reference.intercept(),
        trainMse,
        reference.trainMse());
  }

  /** The most training MSE a converged run may have under {@code excessMseRel}. */
  public double mseBound(double referenceTrainMse) {
    return (1 + excessMseRel) * referenceTrainMse;
  }
}
