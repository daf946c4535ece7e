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

  private static List<RunConfig> bothOrders() {
    List<RunConfig> runs = new ArrayList<>(runs(false, 1, 2, 5, 10, 50, 100, 500, 1000));
    runs.addAll(runs(true, 1, 2, 5, 10, 50, 100, 500, 1000));
    return runs;
  }

  @Test
  void costlyRunsAreSplitIntoSeveralTasksPerCoreEachPlannedOnce() {
    // n = 10^7 unshuffled: batch size 1 alone takes 10^8 steps.
    List<RunConfig> runs = runs(false, 1, 2, 5, 10, 50, 100, 500, 1000);
    List<TrainingTask> tasks = TaskPlanner.plan(runs, 10_000_000, 2);
    assertThat(tasks.stream().flatMap(t -> t.runs().stream()).toList())
        .containsExactlyInAnyOrderElementsOf(runs);
    assertThat(tasks.size()).isGreaterThan(2);
  }

  @Test
  void cheapRunsArePackedIntoOneTaskPerCoreEachPlannedOnce() {
    // n = 1000: 10^5 step-equivalents in all, far less than a task's overhead; the two orders
    // are two groups, each split for balance before packing.
    List<RunConfig> runs = bothOrders();
    List<TrainingTask> tasks = TaskPlanner.plan(runs, 1000, 2);
    assertThat(tasks).hasSize(2);
    assertThat(tasks.stream().flatMap(t -> t.runs().stream()).toList())
        .containsExactlyInAnyOrderElementsOf(runs);
    assertThat(tasks.get(0).cost())
        .as("heaviest first")
        .isGreaterThanOrEqualTo(tasks.get(1).cost());
    assertThat(tasks.stream().mapToDouble(TrainingTask::cost).sum())
        .isCloseTo(
            TaskPlanner.plan(runs, 1000, 1).stream().mapToDouble(TrainingTask::cost).sum(),
            org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void cheapRunsMakeAsManyTasksAsTheyHaveTrainingFor() {
    // 40 groups (seeds) of 1,000 unshuffled runs, each about 3.5·10^5 step-equivalents: 1.4·10^7
    // in all, two tasks' worth, on 4 cores: one task per core.
    List<RunConfig> runs = new ArrayList<>();
    for (int seed = 0; seed < 40; seed++) {
      for (int b = 1; b <= 1000; b++) {
        runs.add(
            new RunConfig(
                "s" + seed + "b" + b,
                OptimizerConfigs.of("adam", 0.01, 0),
                Loss.MSE,
                b,
                false,
                10,
                seed,
                Precision.FLOAT32,
                Init.KAIMING));
      }
    }
    double total = TaskPlanner.plan(runs, 1000, 1).stream().mapToDouble(TrainingTask::cost).sum();
    assertThat(total).isBetween(TaskPlanner.MIN_TASK_COST, 4 * TaskPlanner.MIN_TASK_COST);
    List<TrainingTask> onFourCores = TaskPlanner.plan(runs, 1000, 4);
    assertThat(onFourCores).hasSize(4);
    assertThat(onFourCores.get(3).cost())
        .as("balanced: ten seeds each")
        .isGreaterThan(0.9 * onFourCores.get(0).cost());
    assertThat(TaskPlanner.plan(runs, 1000, 1))
        .hasSize((int) Math.ceil(total / TaskPlanner.MIN_TASK_COST));
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
