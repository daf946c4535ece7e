package org.batchsweep.job;

import org.batchsweep.core.Reference;
import org.batchsweep.store.RunAxes;

/**
 * What a finished sweep reports back to the command line. {@code reusedRuns} were committed by an
 * earlier, interrupted attempt and not trained again; {@code axes} are the grid's axes the sweep
 * varies, found once from its plan for everything that reads its runs after; {@code science} the
 * batch-size science rows it wrote, handed on so they need not be read back.
 */
public record SweepResult(
    String sweepId,
    Reference reference,
    RunAxes axes,
    BatchScienceRows science,
    long runs,
    long reusedRuns,
    double wallSeconds) {}
