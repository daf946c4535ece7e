package org.batchsweep.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.batchsweep.BadInputException;
import org.batchsweep.core.RunConfig;
import org.batchsweep.data.SweepData;
import org.batchsweep.spec.Grid;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.RunAxes;

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

  /**
   * The grid's axes and which of them the planned runs vary: what {@link RunAxes#of} finds in the
   * runs table once they are written, without the scan of every run that costs (2.6 s on {@code
   * large}'s 10^6 runs, with C2 already off). Values are compared as Spark's min and max compare
   * them: -0.0 equals 0.0 and NaN equals NaN.
   */
  public RunAxes axes() {
    List<String> varying = new ArrayList<>();
    for (Map.Entry<String, Function<RunConfig, Object>> axis : RunRows.AXIS_VALUES.entrySet()) {
      Function<RunConfig, Object> value = axis.getValue();
      Object first = runs.isEmpty() ? null : value.apply(runs.get(0));
      for (RunConfig run : runs) {
        if (!sameValue(first, value.apply(run))) {
          varying.add(axis.getKey());
          break;
        }
      }
    }
    return new RunAxes(List.copyOf(RunRows.AXIS_VALUES.keySet()), varying);
  }

  private static boolean sameValue(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue() || (x.isNaN() && y.isNaN());
    }
    return a.equals(b);
  }
}
