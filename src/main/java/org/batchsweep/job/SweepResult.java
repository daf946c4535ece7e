package org.batchsweep.job;

import org.batchsweep.reference.Reference;

/** What a finished sweep reports back to the command line. */
public record SweepResult(String sweepId, Reference reference, long runs, double wallSeconds) {}
