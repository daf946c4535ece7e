package org.batchsweep.job;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Reports runs trained so far, with an ETA from the planner's cost estimates, as Spark finishes the
 * training tasks of a sweep's chunks (one Spark job each, announced with {@link #expect}). A
 * retried or speculative copy of a finished task is not counted twice. Prints at most once a
 * second, and always when the last task is done.
 */
final class TrainingProgress extends SparkListener {

  private static final long PRINT_INTERVAL_NANOS = 1_000_000_000L;

  private final String jobGroup;
  private final PrintStream out;
  private final long totalRuns;
  private final double totalCost;
  private final long startNanos = System.nanoTime();
  private final Map<Integer, List<TrainingTask>> stageTasks = new HashMap<>();
  private final Set<String> finished = new HashSet<>();
  private List<TrainingTask> expected;
  private long runsDone;
  private double costDone;
  private long lastPrint;

  TrainingProgress(String jobGroup, long totalRuns, double totalCost, PrintStream out) {
    this.jobGroup = jobGroup;
    this.totalRuns = totalRuns;
    this.totalCost = totalCost;
    this.out = out;
  }

  /** The tasks of the next training job of the group; null while other jobs run. */
  synchronized void expect(List<TrainingTask> tasks) {
    this.expected = tasks;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    if (expected != null
        && jobStart.properties() != null
        && jobGroup.equals(jobStart.properties().getProperty("spark.jobGroup.id"))) {
      List<TrainingTask> tasks = expected;
      jobStart.stageIds().foreach(id -> stageTasks.put((Integer) id, tasks));
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    List<TrainingTask> tasks = stageTasks.get(taskEnd.stageId());
    if (tasks == null || !(taskEnd.reason() instanceof Success$)) {
      return;
    }
    int partition = (int) taskEnd.taskInfo().partitionId();
    if (partition < 0
        || partition >= tasks.size()
        || !finished.add(taskEnd.stageId() + "/" + partition)) {
      return;
    }
    runsDone += tasks.get(partition).runs().size();
    costDone += tasks.get(partition).cost();
    long now = System.nanoTime();
    boolean last = runsDone == totalRuns;
    if (last || now - lastPrint >= PRINT_INTERVAL_NANOS) {
      lastPrint = now;
      double elapsed = (now - startNanos) / 1e9;
      double fraction = totalCost == 0 ? 1 : costDone / totalCost;
      String eta =
          last || fraction <= 0
              ? ""
              : String.format(Locale.ROOT, ", ETA %.0f s", elapsed * (1 - fraction) / fraction);
      out.printf(
          Locale.ROOT,
          "  trained %d/%d runs (%.0f%%), %.1f s%s%n",
          runsDone,
          totalRuns,
          100.0 * runsDone / Math.max(1, totalRuns),
          elapsed,
          eta);
      out.flush();
    }
  }
}
