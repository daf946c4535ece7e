package org.batchsweep.spec;

import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.optim.OptimizerNames;

/**
 * Combinations of keys that are each valid alone but would make a sweep quietly do something else
 * than its spec says: refused with one line, before any work.
 */
final class SpecConsistency {

  private SpecConsistency() {}

  static void check(SweepSpec spec) {
    GridSpec grid = spec.grid();
    List<Double> momenta = grid.momentum().stream().filter(m -> m != 0.0).toList();
    if (!momenta.isEmpty() && grid.optimizer().stream().noneMatch(OptimizerNames::takesMomentum)) {
      throw new BadInputException(
          "grid.momentum: "
              + grid.momentum()
              + " would be ignored: no optimizer in grid.optimizer "
              + grid.optimizer()
              + " takes momentum; add one that does (sgd) or set grid.momentum=[0.0]");
    }
    DataSpec data = spec.data();
    if (data.validationPath() != null && !data.freshValidation()) {
      throw new BadInputException(
          "data.validation_path is set but data.validation is none; drop one of them"
              + " (validation: fresh reads validation_path for file data)");
    }
  }
}
