package org.batchsweep.diagnose;

/** Why a run ended where it did; the {@code diagnosis} column of the runs table. */
public enum Diagnosis {
  /** Within tolerance of the reference line. */
  CONVERGED("converged"),
  /** Reached its objective's minimiser, but that minimiser is not the least-squares line. */
  WRONG_OBJECTIVE("wrong-objective"),
  /** Still travelling toward its objective's minimiser when training stopped. */
  STEP_BUDGET("step-budget"),
  /** Parameters or loss blew up. */
  DIVERGED("diverged"),
  /** Wanders around the minimiser with a spread larger than the tolerance. */
  NOISE_FLOOR("noise-floor"),
  /**
   * Stopped approaching its minimiser without settling: a limit cycle or a bounce across the valley
   * (an adaptive optimizer's constant step, or SGD above its stability limit).
   */
  OSCILLATION("oscillation"),
  /** None of the above. */
  NOT_CONVERGED("not-converged");

  private final String label;

  Diagnosis(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
