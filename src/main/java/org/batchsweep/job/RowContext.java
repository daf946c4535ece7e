package org.batchsweep.job;

import java.io.Serializable;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.Reference;
import org.batchsweep.train.Target;

/** The small, per-sweep facts executors need to turn outcomes into rows. */
record RowContext(
    String sweepId, Reference reference, ConvergenceSpec tolerance, boolean hasValidation)
    implements Serializable {

  /** The box runs must end in to converge, for the trainers' {@code steps_to_target}. */
  Target target() {
    return Target.around(reference, tolerance);
  }
}
