package org.batchsweep.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.batchsweep.core.RunConfig;
import org.batchsweep.train.RunList;

/**
 * Splits a sweep's runs into Spark tasks of roughly equal cost. Runs are grouped by what lets them
 * share work (seed, shuffle, precision); a group larger than the target cost is dealt into several
 * chunks, heaviest run first, so chunks come out balanced; chunks too cheap to be worth a task each
 * are packed together. Tasks are ordered heaviest first, which is the order Spark launches
 * partitions in (longest-processing-time-first scheduling).
 */
public final class TaskPlanner {

  /**
   * Tasks per core: enough to balance uneven estimates and to show progress, few enough to be
   * cheap.
   */
  static final int TASKS_PER_CORE = 4;

  /** At most this many runs in one task, which bounds an executor's memory for run state. */
  static final int MAX_RUNS_PER_TASK = 50_000;

  /**
   * The least training a task should carry, in step-equivalents (about 0.1 s at 10-15 ns a step).
   * Below it, what a Spark task costs besides training (scheduling, and a Parquet file for each
   * table it writes, opened and closed by code still cold in a small sweep's JVM) outweighs
   * balancing: the seed sweep's 10 tasks for 10 seed × order groups took about 0.5 s longer to
   * train and write than 2 tasks holding the same runs (README, Interactive speed).
   */
  static final double MIN_TASK_COST = 1e7;

  private TaskPlanner() {}

  /** Estimated cost of one run on {@code n} points, in optimizer-step equivalents. */
  public static double runCost(RunConfig run, int n) {
    // Per step O(1); per epoch a little bookkeeping (the epoch's training MSE); per run set-up.
    return run.plannedSteps(n) + 4.0 * run.epochs() + 200;
  }

  /** Cost of building one epoch's order and prefix sums, shared by a whole task. */
  static double epochOrderCost(int n, boolean shuffle) {
    return shuffle ? 6.0 * n : 0;
  }

  /** What every task holding runs of {@code group} pays for its epoch orders. */
  private static double groupOrderCost(List<RunConfig> group, int n) {
    int maxEpochs = 0;
    for (RunConfig run : group) {
      maxEpochs = Math.max(maxEpochs, run.epochs());
    }
    return epochOrderCost(n, group.get(0).shuffle()) * maxEpochs;
  }

  /**
   * Packs cheap chunks into fewer tasks, in place: as many as make tasks of {@link #MIN_TASK_COST}
   * between them, and at least one per core, each chunk dealt to the lightest task, heaviest chunk
   * first. A task may then hold runs of several groups, which the trainer groups again. Left as
   * they are when a packed task would hold more than {@link #MAX_RUNS_PER_TASK} runs.
   */
  private static void packCheapChunks(List<List<RunConfig>> chunks, List<Double> costs, int cores) {
    double total = costs.stream().mapToDouble(Double::doubleValue).sum();
    int wanted = (int) Math.max(Math.max(1, cores), Math.ceil(total / MIN_TASK_COST));
    if (wanted >= chunks.size()) {
      return;
    }
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      indices.add(i);
    }
    double[] load = new double[wanted];
    List<List<RunConfig>> packed = new ArrayList<>();
    for (List<Integer> task : dealHeaviestFirst(indices, costs::get, load)) {
      List<RunConfig> taskRuns = new ArrayList<>();
      task.forEach(i -> taskRuns.addAll(chunks.get(i)));
      packed.add(taskRuns);
    }
    if (packed.stream().anyMatch(task -> task.size() > MAX_RUNS_PER_TASK)) {
      return;
    }
    chunks.clear();
    chunks.addAll(packed);
    costs.clear();
    for (double cost : load) {
      costs.add(cost);
    }
  }

  /**
   * Deals {@code items} into {@code load.length} lists, heaviest first, each to the list with the
   * least load so far (the first of equals). {@code load} holds each list's starting load and ends
   * with its total.
   */
  private static <T> List<List<T>> dealHeaviestFirst(
      List<T> items, ToDoubleFunction<T> cost, double[] load) {
    List<T> heaviestFirst = new ArrayList<>(items);
    heaviestFirst.sort(Comparator.comparingDouble(cost).reversed());
    List<List<T>> dealt = new ArrayList<>();
    for (int i = 0; i < load.length; i++) {
      dealt.add(new ArrayList<>());
    }
    for (T item : heaviestFirst) {
      int lightest = 0;
      for (int i = 1; i < load.length; i++) {
        if (load[i] < load[lightest]) {
          lightest = i;
        }
      }
      dealt.get(lightest).add(item);
      load[lightest] += cost.applyAsDouble(item);
    }
    return dealt;
  }

  public static List<TrainingTask> plan(List<RunConfig> runs, int n, int cores) {
    Map<String, List<RunConfig>> groups = new LinkedHashMap<>();
    double total = 0;
    for (RunConfig run : runs) {
      String key = run.seed() + "/" + run.shuffle() + "/" + run.precision();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
      total += runCost(run, n);
    }
    for (List<RunConfig> group : groups.values()) {
      total += groupOrderCost(group, n);
    }
    double target = Math.max(1, total / (Math.max(1, cores) * TASKS_PER_CORE));

    List<List<RunConfig>> chunks = new ArrayList<>();
    List<Double> costs = new ArrayList<>();
    for (List<RunConfig> group : groups.values()) {
      double groupCost = 0;
      for (RunConfig run : group) {
        groupCost += runCost(run, n);
      }
      double orderCost = groupOrderCost(group, n);
      double wanted = Math.ceil(groupCost / target);
      if (orderCost > 0) {
        // Every chunk of a shuffled group rebuilds each epoch's order and prefix sums: a split
        // must take at least that much training off a chunk, or it only adds work (at large n the
        // O(n) epoch orders outweigh the O(1) steps, and a split would repeat them per chunk).
        wanted = Math.min(wanted, Math.floor(groupCost / orderCost));
      }
      int count = (int) Math.max(wanted, Math.ceil(group.size() / (double) MAX_RUNS_PER_TASK));
      count = Math.max(1, Math.min(count, group.size()));
      double[] load = new double[count];
      Arrays.fill(load, orderCost);
      List<List<RunConfig>> groupChunks = dealHeaviestFirst(group, r -> runCost(r, n), load);
      for (int i = 0; i < count; i++) {
        chunks.add(groupChunks.get(i));
        costs.add(load[i]);
      }
    }
    packCheapChunks(chunks, costs, cores);
    List<Integer> byCost = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      byCost.add(i);
    }
    byCost.sort(Comparator.comparingDouble((Integer i) -> costs.get(i)).reversed());
    List<TrainingTask> tasks = new ArrayList<>(chunks.size());
    for (int i : byCost) {
      // Compact on the wire: ~16 bytes a run (see RunList), so a 10^6-run sweep ships ~16 MB.
      tasks.add(new TrainingTask(tasks.size(), RunList.of(chunks.get(i)), costs.get(i)));
    }
    return tasks;
  }
}
