package org.batchsweep.spec;

import org.batchsweep.core.ConvergenceSpec;

/**
 * A validated sweep specification. {@code yaml} is the effective spec (file, defaults and overrides
 * merged) as YAML text, stored with the results so every sweep can be re-run. {@code chunkRuns}
 * runs are trained and committed per Spark job, the unit a resume restarts from. {@code fixes} says
 * whether (and for how many failed runs per setting and failure kind) the computed fixes are
 * trained to verify them.
 */
public record SweepSpec(
    String name,
    DataSpec data,
    TrainSpec train,
    GridSpec grid,
    ConvergenceSpec converged,
    long maxRuns,
    int chunkRuns,
    String yaml,
    FixesSpec fixes) {}
