package org.batchsweep.job;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Reports runs trained so far, with an ETA from the planner's cost estimates, as Spark finishes the
 * training tasks of one job group. A retried or speculative copy of a finished task is not counted
 * twice. Prints at most once a second, and always the last task.
 */
final class TrainingProgress extends SparkListener {

  private static final long PRINT_INTERVAL_NANOS = 1_000_000_000L;

  private final String jobGroup;
  private final List<TrainingTask> tasks;
  private final PrintStream out;
  private final long totalRuns;
  private final double totalCost;
  private final long startNanos = System.nanoTime();
  private final Set<Integer> stages = new HashSet<>();
  private final Set<Integer> finishedPartitions = new HashSet<>();
  private long runsDone;
  private double costDone;
  private long lastPrint;

  TrainingProgress(String jobGroup, List<TrainingTask> tasks, PrintStream out) {
    this.jobGroup = jobGroup;
    this.tasks = tasks;
    this.out = out;
    this.totalRuns = tasks.stream().mapToLong(t -> t.runs().size()).sum();
    this.totalCost = tasks.stream().mapToDouble(TrainingTask::cost).sum();
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    if (jobStart.properties() != null
        && jobGroup.equals(jobStart.properties().getProperty("spark.jobGroup.id"))) {
      jobStart.stageIds().foreach(id -> stages.add((Integer) id));
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (!stages.contains(taskEnd.stageId()) || !(taskEnd.reason() instanceof Success$)) {
      return;
    }
    int partition = (int) taskEnd.taskInfo().partitionId();
    if (partition < 0 || partition >= tasks.size() || !finishedPartitions.add(partition)) {
      return;
    }
    runsDone += tasks.get(partition).runs().size();
    costDone += tasks.get(partition).cost();
    long now = System.nanoTime();
    boolean last = finishedPartitions.size() == tasks.size();
    if (last || now - lastPrint >= PRINT_INTERVAL_NANOS) {
      lastPrint = now;
      double elapsed = (now - startNanos) / 1e9;
      double fraction = totalCost == 0 ? 1 : costDone / totalCost;
      String eta = last || fraction <= 0 ? "" : String.format(Locale.ROOT, ", ETA %.0f s", elapsed * (1 - fraction) / fraction);
      out.printf(
          Locale.ROOT, "  trained %d/%d runs (%.0f%%), %.1f s%s%n",
          runsDone, totalRuns, 100.0 * runsDone / totalRuns, elapsed, eta);
      out.flush();
    }
  }
}
