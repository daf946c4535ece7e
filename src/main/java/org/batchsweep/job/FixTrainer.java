package org.batchsweep.job;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.EpochRecord;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.diagnose.Diagnoser;
import org.batchsweep.diagnose.Verdict;
import org.batchsweep.train.Target;

/**
 * Trains the changed configurations a fix proposes, on the executors with the sweep's own trainer
 * and task planner, and diagnoses each like any run. Only a few runs per setting and failure kind
 * are trained, so their small outcomes come back to the driver.
 */
public final class FixTrainer implements AutoCloseable {

  /**
   * How one fixed run ended. {@code stepsNeeded} is NaN when the diagnoser gives no estimate;
   * {@code settledEpoch} is the first epoch from which the run stayed within tolerance of the
   * reference to the end (-1 when it did not end there or its epochs were not recorded).
   */
  public record Trained(
      String runId,
      double[] weights,
      double intercept,
      long steps,
      boolean converged,
      String diagnosis,
      String detail,
      double stepsNeeded,
      int settledEpoch)
      implements Serializable {

    /** The first weight (the slope when there is one feature). */
    public double slope() {
      return weights[0];
    }
  }

  /**
   * Trajectories are recorded (to find {@code settledEpoch}) only for runs of at most this many
   * epochs.
   */
  public static final int MAX_RECORDED_EPOCHS = 20_000;

  private final JavaSparkContext jsc;
  private final Broadcast<TrainingSet> data;
  private final Reference reference;
  private final ConvergenceSpec tolerance;
  private final int n;

  public FixTrainer(
      JavaSparkContext jsc, TrainingSet data, Reference reference, ConvergenceSpec tolerance) {
    this.jsc = jsc;
    this.data = jsc.broadcast(data);
    this.reference = reference;
    this.tolerance = tolerance;
    this.n = data.train().size();
  }

  /** Trains {@code runs} in one Spark job; the outcomes by run id. */
  public Map<String, Trained> train(List<RunConfig> runs, String description) {
    Map<String, Trained> byId = new HashMap<>();
    if (runs.isEmpty()) {
      return byId;
    }
    jsc.setJobDescription(description);
    boolean record = runs.stream().allMatch(r -> r.epochs() <= MAX_RECORDED_EPOCHS);
    List<TrainingTask> tasks = TaskPlanner.plan(runs, n, jsc.defaultParallelism());
    for (Trained t :
        jsc.parallelize(tasks, tasks.size())
            .mapPartitions(new TrainTasks(data, record, target()))
            .map(new DiagnoseFixed(data, reference, tolerance))
            .collect()) {
      byId.put(t.runId(), t);
    }
    jsc.setJobDescription(null);
    return byId;
  }

  /** The box a fixed run must end in, as for the sweep's own runs. */
  private Target target() {
    return Target.around(reference, tolerance);
  }

  @Override
  public void close() {
    data.destroy();
  }

  /** Executor side: the diagnosis of a fixed run, like {@link RunRows} gives any run. */
  private static final class DiagnoseFixed implements Function<RunOutcome, Trained> {
    private final Broadcast<TrainingSet> data;
    private final Reference reference;
    private final ConvergenceSpec tolerance;
    private transient Diagnoser diagnoser;

    DiagnoseFixed(Broadcast<TrainingSet> data, Reference reference, ConvergenceSpec tolerance) {
      this.data = data;
      this.reference = reference;
      this.tolerance = tolerance;
    }

    @Override
    public Trained call(RunOutcome run) {
      if (diagnoser == null) {
        diagnoser =
            new Diagnoser(reference, tolerance, data.value().train(), data.value().featureNames());
      }
      return trained(run, diagnoser, reference, tolerance);
    }
  }

  /** A fixed run's outcome, diagnosed; also what a test computes without Spark. */
  public static Trained trained(
      RunOutcome run, Diagnoser diagnoser, Reference reference, ConvergenceSpec tolerance) {
    Verdict verdict = diagnoser.diagnose(run);
    RunConfig config = run.config();
    boolean converged =
        run.isFinite()
            && tolerance.converged(reference, run.weights(), run.intercept(), run.trainMse());
    return new Trained(
        config.runId(),
        run.weights(),
        run.intercept(),
        run.steps(),
        converged,
        verdict.diagnosis().label(),
        verdict.detail(),
        verdict.stepsNeeded(),
        converged ? settledEpoch(run.trajectory().epochs(), reference, tolerance) : -1);
  }

  /**
   * The first epoch from which every recorded epoch is within tolerance; -1 when none are recorded.
   */
  private static int settledEpoch(
      List<EpochRecord> epochs, Reference reference, ConvergenceSpec tolerance) {
    int settled = -1;
    for (int i = epochs.size() - 1; i >= 0; i--) {
      EpochRecord e = epochs.get(i);
      if (!tolerance.converged(reference, e.weights(), e.intercept(), e.trainMse())) {
        break;
      }
      settled = e.epoch();
    }
    return settled;
  }
}
