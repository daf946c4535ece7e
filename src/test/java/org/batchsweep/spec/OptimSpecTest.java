package org.batchsweep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.batchsweep.BadInputException;
import org.batchsweep.core.LrScaling;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.Schedule;
import org.batchsweep.optim.AdagradConfig;
import org.batchsweep.optim.AdamWConfig;
import org.batchsweep.optim.RmspropConfig;
import org.batchsweep.optim.SgdConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optimizer keys of a spec: defaults, grid expansion, run ids, and every validation error. */
class OptimSpecTest {

  static SweepSpec load(String... overrides) {
    return SpecLoader.load(null, List.of(overrides));
  }

  @Test
  void theDefaultsArePyTorchsAndChangeNoRun() {
    OptimAxes axes = load().grid().optim();
    assertThat(axes.nesterov()).containsExactly(false);
    assertThat(axes.schedule()).containsExactly(Schedule.CONSTANT);
    assertThat(axes.lrScaling()).containsExactly(LrScaling.NONE);
    assertThat(axes.baseBatchSize()).isEqualTo(32);
    assertThat(axes.constants()).isEqualTo(OptimAxes.DEFAULTS.constants());
    assertThat(axes.weightDecay()).hasSize(1).allMatch(d -> Double.isNaN(d));
  }

  @Test
  void everyOptimizerScheduleAndScalingExpandsWithoutRepeatingARun() {
    SweepSpec spec =
        load(
            "grid.batch_size=[10, 100]",
            "grid.shuffle=[true]",
            "grid.loss=[mse]",
            "grid.optimizer=[adam, adamw, sgd, rmsprop, adagrad]",
            "grid.lr=[0.01, 0.1]",
            "grid.momentum=[0.0, 0.9]",
            "grid.weight_decay=[default, 0.1]",
            "grid.schedule=[constant, cosine, \"step(5, 0.5)\", onecycle(0.2)]",
            "grid.lr_scaling=[none, sqrt]");
    List<RunConfig> runs = Grid.expand(spec, "f");
    assertThat(runs).hasSize((int) Grid.size(spec.grid()));
    // Per optimizer: lr schedules 2 lrs × 3 + onecycle once = 7, × weight decay 2 (adamw: 0.01 and
    // 0.1), × scaling 2, × momentum 2 for sgd and rmsprop; × 2 batch sizes.
    assertThat(runs).hasSize((7 * 2 * 2) * (1 + 1 + 2 + 2 + 1) * 2);
    Set<String> ids = new HashSet<>();
    runs.forEach(r -> ids.add(r.runId()));
    assertThat(ids).hasSameSizeAs(runs);
    assertThat(runs)
        .filteredOn(r -> r.optimizer() instanceof AdamWConfig)
        .extracting(r -> r.optimizer().weightDecay())
        .containsOnly(0.01, 0.1);
    assertThat(runs)
        .filteredOn(r -> r.optimizer() instanceof AdagradConfig)
        .extracting(r -> r.optimizer().momentum())
        .containsOnly(0.0);
    assertThat(runs)
        .filteredOn(r -> r.optimizer() instanceof RmspropConfig)
        .extracting(r -> r.optimizer().momentum())
        .containsOnly(0.0, 0.9);
    // OneCycleLR replaces the lr: its runs carry max_lr and are not repeated per lr.
    assertThat(runs)
        .filteredOn(r -> r.schedule() instanceof Schedule.OneCycle)
        .extracting(r -> r.optimizer().lr())
        .containsOnly(0.2);
    RunConfig scaled =
        runs.stream()
            .filter(
                r ->
                    r.lrScaling() == LrScaling.SQRT
                        && r.batchSize() == 100
                        && r.schedule() instanceof Schedule.Constant
                        && r.optimizer().lr() == 0.01)
            .findFirst()
            .orElseThrow();
    assertThat(scaled.effectiveLr()).isEqualTo(0.01 * Math.sqrt(100.0 / 32));
  }

  @Test
  void nesterovRunsAreSgdOnly() {
    List<RunConfig> runs =
        Grid.expand(
            load(
                "grid.optimizer=[adam, sgd]",
                "grid.momentum=[0.9]",
                "grid.nesterov=[false, true]",
                "grid.batch_size=[10]",
                "grid.shuffle=[true]",
                "grid.loss=[mse]"),
            "f");
    assertThat(runs)
        .extracting(r -> r.optimizer().name() + "/" + r.optimizer().nesterov())
        .containsExactly("adam/false", "sgd/false", "sgd/true");
    assertThat(((SgdConfig) runs.get(2).optimizer()).momentum()).isEqualTo(0.9);
  }

  @Test
  void newSettingsChangeTheRunIdOnlyWhenTheyDifferFromTheOldDefaults() {
    Path seed = Path.of("conf/sweeps/seed.yaml");
    List<RunConfig> plain = Grid.expand(SpecLoader.load(seed, List.of()), "f");
    List<RunConfig> explicit =
        Grid.expand(
            SpecLoader.load(
                seed,
                List.of(
                    "grid.weight_decay=[0]",
                    "grid.schedule=[constant]",
                    "grid.lr_scaling=[none]",
                    "train.base_batch_size=64",
                    "grid.nesterov=[false]")),
            "f");
    assertThat(explicit)
        .extracting(RunConfig::runId)
        .isEqualTo(plain.stream().map(RunConfig::runId).toList());
    List<RunConfig> decayed =
        Grid.expand(SpecLoader.load(seed, List.of("grid.weight_decay=[0.01]")), "f");
    assertThat(decayed.get(0).runId()).isNotEqualTo(plain.get(0).runId());
    List<RunConfig> amsgrad =
        Grid.expand(SpecLoader.load(seed, List.of("optim.adam.amsgrad=true")), "f");
    assertThat(amsgrad.get(0).runId()).isNotEqualTo(plain.get(0).runId());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "grid.optimizer=[adamax]           | grid.optimizer: got 'adamax'; accepted: adam, adamw, sgd, rmsprop, adagrad",
        "grid.nesterov=[maybe]             | grid.nesterov: got 'maybe'; accepted: true, false",
        "grid.weight_decay=[-0.1]          | grid.weight_decay: got -0.1; accepted: numbers ≥ 0 or default",
        "grid.weight_decay=[lots]          | grid.weight_decay: got 'lots'; accepted: numbers ≥ 0 or default",
        "grid.weight_decay=[]              | grid.weight_decay: the axis is empty",
        "grid.schedule=[linear]            | grid.schedule: 'linear' is not a schedule; accepted: constant, step(E, gamma), cosine",
        "grid.schedule=[onecycle(0)]       | grid.schedule: onecycle(max_lr): max_lr must be a finite number > 0",
        "grid.schedule=[onecycle]          | grid.schedule: 'onecycle' has 0 argument(s); accepted:",
        "grid.schedule=[cosine(-0.1)]      | grid.schedule: cosine(min_lr): min_lr must be a finite number ≥ 0",
        "grid.schedule=['step(5, 0)']      | grid.schedule: step(E, gamma): gamma must be in (0, 1]",
        "grid.schedule=['step(5, 2)']      | grid.schedule: step(E, gamma): gamma must be in (0, 1]",
        "grid.schedule=['step(0, 0.5)']    | grid.schedule: 'step(0, 0.5)': E must be an integer ≥ 1 (epochs), cannot be: 0; accepted: constant,",
        "grid.schedule=['warmup(5, 0)']    | grid.schedule: warmup(E, factor): factor must be in (0, 1]",
        "grid.schedule=['warmup(5, 1.5)']  | grid.schedule: warmup(E, factor): factor must be in (0, 1]",
        "grid.schedule=['warmup(1.5, 0.5)'] | grid.schedule: 'warmup(1.5, 0.5)': E must be an integer ≥ 1 (epochs), cannot be: 1.5",
        "grid.schedule=[3]                 | grid.schedule: got 3; accepted: constant, step(E, gamma)",
        "grid.lr_scaling=[cubic]           | grid.lr_scaling: got 'cubic'; accepted: none, linear, sqrt",
        "train.base_batch_size=0           | train.base_batch_size: got 0; accepted: an integer ≥ 1",
        "train.base_batch_size=2.5         | train.base_batch_size: got 2.5; accepted: an integer ≥ 1",
        "optim.adam.betas=[0.9, 1.0]       | optim.adam.betas: got a list [0.9,1.0]; accepted: [beta1, beta2], each in [0, 1)",
        "optim.adamw.betas=[0.9]           | optim.adamw.betas: got a list [0.9]; accepted: [beta1, beta2]",
        "optim.adam.eps=0                  | optim.adam.eps: got 0; accepted: a number > 0",
        "optim.adamw.eps=-1                | optim.adamw.eps: got -1; accepted: a number > 0",
        "optim.adam.amsgrad=1              | optim.adam.amsgrad: got 1; accepted: true or false",
        "optim.rmsprop.alpha=1             | optim.rmsprop.alpha: got 1; accepted: a number in [0, 1)",
        "optim.rmsprop.alpha=-0.5          | optim.rmsprop.alpha: got -0.5; accepted: a number in [0, 1)",
        "optim.rmsprop.eps=0               | optim.rmsprop.eps: got 0; accepted: a number > 0",
        "optim.rmsprop.centered=maybe      | optim.rmsprop.centered: got 'maybe'; accepted: true or false",
        "optim.adagrad.lr_decay=-1         | optim.adagrad.lr_decay: got -1; accepted: a number ≥ 0",
        "optim.adagrad.eps=0               | optim.adagrad.eps: got 0; accepted: a number > 0",
        "optim.adagrad.initial_accumulator_value=-1 | optim.adagrad.initial_accumulator_value: got -1; accepted: a number ≥ 0",
        "optim.sgd.dampening=2             | optim.sgd.dampening: got 2; accepted: a number in [0, 1]",
        "optim.sgd.nesterov=true           | unknown key 'optim.sgd.nesterov'; accepted under optim.sgd: dampening",
        "optim.lbfgs={}                    | unknown key 'optim.lbfgs'; accepted under optim: adagrad, adam, adamw, rmsprop, sgd",
        "optim.adam.momentum=0.9           | unknown key 'optim.adam.momentum'; accepted under optim.adam: amsgrad, betas, eps",
      })
  void everyInvalidOptimizerValueIsRefusedInOneLine(String override, String message) {
    assertThatThrownBy(() -> load(override.strip()))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(message.strip())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void anUnquotedScheduleWithACommaIsRefusedWithTheQuotingHint() {
    assertThatThrownBy(() -> load("grid.schedule=[step(5, 0.5)]"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("grid.schedule: 'step(5' is not a schedule")
        .hasMessageContaining("quote schedules with commas");
    assertThat(load("grid.schedule=[\"step(5, 0.5)\", cosine]").grid().optim().schedule())
        .containsExactly(new Schedule.Step(5, 0.5), new Schedule.Cosine(0));
  }

  @Test
  void nesterovNeedsMomentumAsPyTorchDoes() {
    assertThatThrownBy(
            () -> load("grid.optimizer=[sgd]", "grid.momentum=[0.0, 0.9]", "grid.nesterov=[true]"))
        .isInstanceOf(BadInputException.class)
        .hasMessage(
            "grid.nesterov: true needs sgd momentum > 0, but grid.momentum has 0.0; accepted:"
                + " grid.momentum values > 0 with nesterov, or nesterov: [false]");
  }

  @Test
  void nesterovWithDampeningIsRefusedAsPyTorchRefusesIt() {
    assertThatThrownBy(
            () ->
                load(
                    "grid.optimizer=[sgd]",
                    "grid.momentum=[0.9]",
                    "grid.nesterov=[true]",
                    "optim.sgd.dampening=0.1"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(
            "grid.nesterov: true needs optim.sgd.dampening = 0 (as PyTorch), got 0.1");
  }

  @Test
  void nesterovWithoutSgdIsAcceptedAndIgnored() {
    assertThat(Grid.expand(load("grid.nesterov=[true]", "grid.batch_size=[10]"), "f"))
        .allMatch(r -> !r.optimizer().nesterov());
  }
}
