package org.batchsweep.job;

import org.batchsweep.core.Reference;

/**
 * What a finished sweep reports back to the command line. {@code reusedRuns} were committed by an
 * earlier, interrupted attempt and not trained again.
 */
public record SweepResult(
    String sweepId, Reference reference, long runs, long reusedRuns, double wallSeconds) {}
