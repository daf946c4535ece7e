package org.batchsweep.answer;

/**
 * The aggregate of one setting × batch size × diagnosis, as Spark computes it: run and converged
 * counts and medians over the seeds (NaN when a column is null for every run).
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
    double stepsNeeded) {}
