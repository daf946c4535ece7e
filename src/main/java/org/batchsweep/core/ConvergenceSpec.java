package org.batchsweep.core;

/** How close to the reference line a run must end to count as converged. */
public record ConvergenceSpec(double slopeTol, double interceptTol)
    implements java.io.Serializable {

  public boolean converged(double slopeError, double interceptError) {
    return Math.abs(slopeError) <= slopeTol && Math.abs(interceptError) <= interceptTol;
  }
}
