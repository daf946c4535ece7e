package org.batchsweep.job;

import java.io.Serializable;
import org.batchsweep.reference.Reference;
import org.batchsweep.spec.ConvergenceSpec;

/** The small, per-sweep facts executors need to turn outcomes into rows. */
record RowContext(
    String sweepId, Reference reference, ConvergenceSpec tolerance, boolean hasValidation)
    implements Serializable {}
