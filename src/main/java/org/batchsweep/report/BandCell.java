package org.batchsweep.report;

/**
 * Aggregated runs of one loss × shuffle × batch size × diagnosis: how many, and their mean
 * objective minimiser slope, steps taken and steps needed.
 */
public record BandCell(
    String loss,
    boolean shuffle,
    int batchSize,
    String diagnosis,
    long runs,
    double objectiveSlope,
    double steps,
    double stepsNeeded) {}
