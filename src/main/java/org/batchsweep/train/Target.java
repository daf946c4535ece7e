package org.batchsweep.train;

import java.io.Serializable;

/**
 * The box around the reference line a run must end in to count as converged: |slope − slope*| ≤
 * slopeTol and |intercept − intercept*| ≤ interceptTol. The trainers test it after every step to
 * find the step from which a run stayed inside ({@code steps_to_target}). The test is written as
 * the runs table's {@code converged} is (error = run − reference, then |error| ≤ tolerance), so a
 * run has a step count exactly when it is reported converged.
 */
public record Target(double slope, double intercept, double slopeTol, double interceptTol)
    implements Serializable {

  /** No target: nothing is ever inside, so no run gets a step count. */
  public static final Target NONE = new Target(0, 0, -1, -1);

  public boolean contains(double w, double b) {
    return Math.abs(w - slope) <= slopeTol && Math.abs(b - intercept) <= interceptTol;
  }
}
