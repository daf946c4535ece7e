package org.batchsweep.job;

import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.core.RunConfig;
import org.batchsweep.data.SweepData;
import org.batchsweep.spec.Grid;
import org.batchsweep.spec.SweepSpec;

/** A validated sweep ready to run: its spec, its data, its id and the runs its grid expands to. */
public record SweepPlan(String sweepId, SweepSpec spec, SweepData data, List<RunConfig> runs) {

  public static SweepPlan of(String sweepId, SweepSpec spec, SweepData data) {
    int n = data.train().size();
    for (int batchSize : spec.grid().batchSize()) {
      if (batchSize > n) {
        throw new BadInputException(
            "grid.batch_size: "
                + batchSize
                + " is larger than the "
                + n
                + " training points; accepted: batch sizes from 1 to "
                + n);
      }
    }
    return new SweepPlan(sweepId, spec, data, Grid.expand(spec, data.fingerprint()));
  }
}
