package org.batchsweep.spec;

import java.util.ArrayList;
import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.core.LrScaling;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Schedule;
import org.batchsweep.optim.OptimizerNames;
import org.batchsweep.optim.SgdConfig;

/**
 * The distinct ways a grid trains with one optimizer: lr × momentum × nesterov × weight decay ×
 * schedule × lr scaling, without the combinations that would repeat a run. Momentum is an axis only
 * for sgd and rmsprop, Nesterov only for sgd; {@code default} weight decay is resolved per
 * optimizer; OneCycleLR replaces the lr (as in PyTorch), so a onecycle run is not repeated per lr
 * and its optimizer carries max_lr as its lr.
 */
final class OptimizerVariants {

  /** One way of training: the optimizer with its hyperparameters, the schedule, the lr scaling. */
  record Variant(OptimizerConfig optimizer, Schedule schedule, LrScaling lrScaling) {}

  private OptimizerVariants() {}

  static List<Variant> of(GridSpec grid, String optimizer) {
    OptimAxes axes = grid.optim();
    List<Double> momenta = OptimizerNames.takesMomentum(optimizer) ? grid.momentum() : List.of(0.0);
    List<Boolean> nesterovs = optimizer.equals(SgdConfig.NAME) ? axes.nesterov() : List.of(false);
    List<Double> decays = OptimSpecReader.weightDecaysFor(optimizer, axes.weightDecay());
    List<Variant> variants = new ArrayList<>();
    boolean firstLr = true;
    for (double lr : grid.lr()) {
      for (double momentum : momenta) {
        for (boolean nesterov : nesterovs) {
          for (double decay : decays) {
            for (Schedule schedule : axes.schedule()) {
              if (schedule instanceof Schedule.OneCycle oneCycle && !firstLr) {
                continue;
              }
              double given = schedule instanceof Schedule.OneCycle oneCycle ? oneCycle.maxLr() : lr;
              OptimizerConfig config;
              try {
                config = axes.constants().build(optimizer, given, momentum, nesterov, decay);
              } catch (IllegalArgumentException e) {
                throw new BadInputException("grid: optimizer " + optimizer + ": " + e.getMessage());
              }
              for (LrScaling scaling : axes.lrScaling()) {
                variants.add(new Variant(config, schedule, scaling));
              }
            }
          }
        }
      }
      firstLr = false;
    }
    return variants;
  }
}
