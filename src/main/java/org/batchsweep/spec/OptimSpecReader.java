package org.batchsweep.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.batchsweep.BadInputException;
import org.batchsweep.core.LrScaling;
import org.batchsweep.core.Schedule;
import org.batchsweep.optim.OptimizerConstants;
import org.batchsweep.optim.OptimizerNames;
import org.batchsweep.optim.SgdConfig;

/**
 * Reads and validates the optimizer keys of a spec: the {@code optim} section, {@code
 * grid.nesterov}, {@code grid.weight_decay}, {@code grid.schedule}, {@code grid.lr_scaling} and
 * {@code train.base_batch_size}. Every failure is one line naming the key and what is accepted.
 */
final class OptimSpecReader {

  static final Set<String> OPTIM_KEYS = Set.of("adam", "adamw", "rmsprop", "adagrad", "sgd");
  private static final Set<String> ADAM_KEYS = Set.of("betas", "eps", "amsgrad");
  private static final Set<String> RMSPROP_KEYS = Set.of("alpha", "eps", "centered");
  private static final Set<String> ADAGRAD_KEYS =
      Set.of("lr_decay", "eps", "initial_accumulator_value");
  private static final Set<String> SGD_KEYS = Set.of("dampening");

  private OptimSpecReader() {}

  static OptimAxes read(
      Section optim, Section grid, Section train, List<String> optimizers, List<Double> momenta) {
    OptimizerConstants constants = constants(optim);
    List<Boolean> nesterov = nesterov(grid);
    List<Double> weightDecay = weightDecay(grid);
    List<Schedule> schedules = schedules(grid);
    List<LrScaling> scalings =
        AxisValues.items(
            grid.key("lr_scaling"),
            grid.get("lr_scaling"),
            item -> {
              try {
                return LrScaling.fromLabel(item.isTextual() ? item.asText() : "?");
              } catch (IllegalArgumentException e) {
                throw Section.failure(grid.key("lr_scaling"), item, LrScaling.ACCEPTED);
              }
            });
    int base =
        (int)
            Section.integer(
                train.key("base_batch_size"),
                train.get("base_batch_size"),
                1,
                Integer.MAX_VALUE,
                "an integer ≥ 1 (the batch size at which grid.lr is given)");
    if (nesterov.contains(true) && optimizers.contains(SgdConfig.NAME)) {
      if (momenta.stream().anyMatch(m -> m <= 0)) {
        throw new BadInputException(
            grid.key("nesterov")
                + ": true needs sgd momentum > 0, but grid.momentum has "
                + momenta.stream().filter(m -> m <= 0).findFirst().orElseThrow()
                + "; accepted: grid.momentum values > 0 with nesterov, or nesterov: [false]");
      }
      if (constants.sgdDampening() != 0) {
        throw new BadInputException(
            grid.key("nesterov")
                + ": true needs optim.sgd.dampening = 0 (as PyTorch), got "
                + constants.sgdDampening()
                + "; accepted: dampening 0 with nesterov, or nesterov: [false]");
      }
    }
    return new OptimAxes(nesterov, weightDecay, schedules, scalings, constants, base);
  }

  private static List<Boolean> nesterov(Section grid) {
    return AxisValues.items(
        grid.key("nesterov"),
        grid.get("nesterov"),
        item -> {
          if (!item.isBoolean()) {
            throw Section.failure(
                grid.key("nesterov"), item, "true, false (sgd with momentum > 0)");
          }
          return item.asBoolean();
        });
  }

  /** Numbers ≥ 0, or {@code default} (NaN): PyTorch's, 0.01 for adamw and 0 for the others. */
  private static List<Double> weightDecay(Section grid) {
    String accepted = "numbers ≥ 0 or default (PyTorch's: 0.01 for adamw, 0 for the others)";
    return AxisValues.items(
        grid.key("weight_decay"),
        grid.get("weight_decay"),
        item -> {
          if (item.isTextual() && item.asText().equals("default")) {
            return Double.NaN;
          }
          if (!item.isNumber() || !(item.asDouble() >= 0) || !Double.isFinite(item.asDouble())) {
            throw Section.failure(grid.key("weight_decay"), item, accepted);
          }
          return item.asDouble();
        });
  }

  private static List<Schedule> schedules(Section grid) {
    return AxisValues.items(
        grid.key("schedule"),
        grid.get("schedule"),
        item -> {
          if (!item.isTextual()) {
            throw Section.failure(grid.key("schedule"), item, Schedule.ACCEPTED);
          }
          try {
            return Schedule.parse(item.asText());
          } catch (IllegalArgumentException e) {
            String text = item.asText();
            // YAML flow syntax splits an unquoted step(5, 0.5) at its comma.
            String hint =
                text.contains("(") != text.contains(")")
                    ? " (in YAML flow syntax quote schedules with commas: 'grid.schedule=[\"step(5, 0.5)\"]')"
                    : "";
            throw new BadInputException(
                grid.key("schedule")
                    + ": "
                    + e.getMessage()
                    + (e.getMessage().contains("accepted")
                        ? ""
                        : "; accepted: " + Schedule.ACCEPTED)
                    + hint);
          }
        });
  }

  private static OptimizerConstants constants(Section optim) {
    Section adam = optim.section("adam", ADAM_KEYS);
    Section adamw = optim.section("adamw", ADAM_KEYS);
    Section rmsprop = optim.section("rmsprop", RMSPROP_KEYS);
    Section adagrad = optim.section("adagrad", ADAGRAD_KEYS);
    Section sgd = optim.section("sgd", SGD_KEYS);
    double[] adamBetas = betas(adam);
    double[] adamwBetas = betas(adamw);
    return new OptimizerConstants(
        adamBetas[0],
        adamBetas[1],
        adam.positive("eps", "a number > 0"),
        adam.bool("amsgrad"),
        adamwBetas[0],
        adamwBetas[1],
        adamw.positive("eps", "a number > 0"),
        adamw.bool("amsgrad"),
        unit(rmsprop, "alpha"),
        rmsprop.positive("eps", "a number > 0"),
        rmsprop.bool("centered"),
        adagrad.atLeast("lr_decay", 0, "a number ≥ 0"),
        adagrad.positive("eps", "a number > 0"),
        adagrad.atLeast("initial_accumulator_value", 0, "a number ≥ 0"),
        closedUnit(sgd, "dampening"));
  }

  private static double[] betas(Section s) {
    String accepted = "[beta1, beta2], each in [0, 1)";
    List<Double> betas = s.finiteList("betas", 2, accepted);
    for (double beta : betas) {
      if (!(beta >= 0 && beta < 1)) {
        throw s.fail("betas", s.get("betas"), accepted);
      }
    }
    return new double[] {betas.get(0), betas.get(1)};
  }

  private static double unit(Section s, String name) {
    double value = s.atLeast(name, 0, "a number in [0, 1)");
    if (!(value < 1)) {
      throw s.fail(name, s.get(name), "a number in [0, 1)");
    }
    return value;
  }

  private static double closedUnit(Section s, String name) {
    double value = s.atLeast(name, 0, "a number in [0, 1]");
    if (!(value <= 1)) {
      throw s.fail(name, s.get(name), "a number in [0, 1]");
    }
    return value;
  }

  /** The optimizer names the grid accepts. */
  static final String OPTIMIZERS = OptimizerNames.ACCEPTED;

  /** Resolved weight decays for one optimizer (default replaced), distinct, in order. */
  static List<Double> weightDecaysFor(String optimizer, List<Double> axis) {
    List<Double> values = new ArrayList<>();
    for (double v : axis) {
      double resolved = Double.isNaN(v) ? OptimizerConstants.defaultWeightDecay(optimizer) : v;
      if (!values.contains(resolved)) {
        values.add(resolved);
      }
    }
    return values;
  }
}
