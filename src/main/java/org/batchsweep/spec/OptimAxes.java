package org.batchsweep.spec;

import java.util.List;
import org.batchsweep.core.LrScaling;
import org.batchsweep.core.Schedule;
import org.batchsweep.optim.OptimizerConstants;

/**
 * The optimizer axes and constants beyond optimizer × lr × momentum: {@code grid.nesterov}, {@code
 * grid.weight_decay} (NaN stands for {@code default}, PyTorch's per optimizer), {@code
 * grid.schedule}, {@code grid.lr_scaling}, the {@code optim} section's constants and {@code
 * train.base_batch_size}.
 */
public record OptimAxes(
    List<Boolean> nesterov,
    List<Double> weightDecay,
    List<Schedule> schedule,
    List<LrScaling> lrScaling,
    OptimizerConstants constants,
    int baseBatchSize) {

  /** What a spec gets when it sets none of these keys: every run as before they existed. */
  public static final OptimAxes DEFAULTS =
      new OptimAxes(
          List.of(false),
          List.of(Double.NaN),
          List.of(Schedule.CONSTANT),
          List.of(LrScaling.NONE),
          OptimizerConstants.DEFAULTS,
          32);
}
