package org.batchsweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.optim.OptimizerConfigs;
import org.junit.jupiter.api.Test;

class TaskPlannerTest {

  private static List<RunConfig> runs(boolean shuffle, int... batchSizes) {
    List<RunConfig> runs = new ArrayList<>();
    for (int b : batchSizes) {
      runs.add(
          new RunConfig(
              "r" + b + shuffle,
              OptimizerConfigs.of("adam", 0.01, 0),
              Loss.MSE,
              b,
              shuffle,
              10,
              0,
              Precision.FLOAT32,
              Init.KAIMING));
    }
    return runs;
  }

  @Test
  void everyRunIsPlannedOnce() {
    List<RunConfig> runs = new ArrayList<>(runs(false, 1, 2, 5, 10, 50, 100, 500, 1000));
    runs.addAll(runs(true, 1, 2, 5, 10, 50, 100, 500, 1000));
    List<TrainingTask> tasks = TaskPlanner.plan(runs, 1000, 2);
    assertThat(tasks.stream().flatMap(t -> t.runs().stream()).toList())
        .containsExactlyInAnyOrderElementsOf(runs);
    assertThat(tasks.size()).isGreaterThan(2);
  }

  @Test
  void aShuffledGroupIsNotSplitWhenItsEpochOrdersOutweighItsSteps() {
    // n = 10^7: each epoch's shuffle and prefix sums cost far more than these runs' steps, and
    // every chunk of the group would pay for them again.
    List<TrainingTask> tasks = TaskPlanner.plan(runs(true, 10, 100, 1000), 10_000_000, 2);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).runs()).hasSize(3);
  }

  @Test
  void anUnshuffledGroupIsStillSplitForBalance() {
    List<TrainingTask> tasks = TaskPlanner.plan(runs(false, 10, 100, 1000), 10_000_000, 2);
    assertThat(tasks).hasSizeGreaterThan(1);
  }
}
