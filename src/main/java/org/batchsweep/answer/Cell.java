package org.batchsweep.answer;

/**
 * The aggregate of one setting × batch size × diagnosis, as Spark computes it: run and converged
 * counts, the mean objective slope, and the lower medians over the seeds of the steps taken and
 * needed. Those two medians are what the step-budget words name, and only for a setting's largest
 * step-budget batch size ({@link StepBudgetMedians}); every other cell holds NaN there, as a cell
 * does when the column is null for every run.
 */
record Cell(
    Setting setting,
    String optimizer,
    double lr,
    double momentum,
    String loss,
    boolean shuffle,
    int batchSize,
    String diagnosis,
    long runs,
    long converged,
    double objectiveSlope,
    double steps,
    double stepsNeeded) {

  /** This cell with the medians of its steps taken and needed. */
  Cell withSteps(double steps, double stepsNeeded) {
    return new Cell(
        setting,
        optimizer,
        lr,
        momentum,
        loss,
        shuffle,
        batchSize,
        diagnosis,
        runs,
        converged,
        objectiveSlope,
        steps,
        stepsNeeded);
  }
}
