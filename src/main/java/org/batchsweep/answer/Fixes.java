package org.batchsweep.answer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.batchsweep.core.Points;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.Standardization;
import org.batchsweep.diagnose.Curvature;
import org.batchsweep.diagnose.Diagnosis;
import org.batchsweep.job.FixTrainer;
import org.batchsweep.job.SweepPlan;
import org.batchsweep.spec.Grid;
import org.batchsweep.store.FixRow;
import org.batchsweep.store.Rows;
import org.batchsweep.store.RunRow;
import org.batchsweep.store.SettingAxes;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/**
 * Computes and verifies the fixes of a finished sweep: for each setting × failure kind, up to
 * {@code fixes.max_per_kind} failed runs spread over batch sizes get the cheapest change that
 * should make them converge ({@link FixRule}); the changed runs are trained on Spark with the
 * sweep's own trainer, diagnosed, and, while they still fail, adjusted and trained again (at most
 * {@link FixRule#MAX_ATTEMPTS} rounds). Every fixed run's last attempt is written to the {@code
 * fixes} table, converged or not.
 */
public final class Fixes {

  /**
   * Trains fixed runs and diagnoses them: Spark's {@link FixTrainer}, or a local trainer in tests.
   */
  interface Trainer {
    Map<String, FixTrainer.Trained> train(List<RunConfig> runs, String description);
  }

  /** A failed run chosen for a fix, and its fix so far. */
  static final class Attempt {
    final Setting setting;
    final Diagnosis kind;
    final RunConfig original;
    Map<String, Change> changes;
    RunConfig fixed;
    FixTrainer.Trained result;
    final List<String> history = new ArrayList<>();

    Attempt(Setting setting, Diagnosis kind, RunConfig original) {
      this.setting = setting;
      this.kind = kind;
      this.original = original;
    }
  }

  private Fixes() {}

  /**
   * Trains and records the fixes of the sweep {@code plan} just wrote; returns the fixed runs
   * trained.
   */
  public static int run(
      SparkSession spark,
      TableStore store,
      SweepPlan plan,
      Reference reference,
      SettingAxes axes,
      PrintStream progress) {
    String sweepId = plan.sweepId();
    if (!plan.spec().fixes().enabled()) {
      store.deletePartition(Table.FIXES, sweepId);
      return 0;
    }
    Dataset<Row> runs = store.read(Table.RUNS, sweepId);
    List<Row> chosen = chooseFailedRuns(runs, axes, plan.spec().fixes().maxPerKind());
    Set<String> ids = new HashSet<>();
    chosen.forEach(r -> ids.add(r.getAs(RunRow.RUN_ID)));
    Map<String, RunConfig> configs = new HashMap<>();
    for (RunConfig run : plan.runs()) {
      if (ids.contains(run.runId())) {
        configs.put(run.runId(), run);
      }
    }
    Points train = plan.data().train();
    Curvature curvature = Curvature.of(train);
    int n = train.size();
    FixRule rule =
        new FixRule(
            n,
            curvature,
            train.features() == 1 || !Standardization.canStandardize(train)
                ? null
                : Curvature.of(Standardization.of(train).apply(train)),
            train.features());
    List<Attempt> attempts = new ArrayList<>();
    for (Row r : chosen) {
      Diagnosis kind =
          Diagnosis.valueOf(
              r.<String>getAs(RunRow.DIAGNOSIS).toUpperCase(Locale.ROOT).replace('-', '_'));
      RunConfig original = configs.get(r.<String>getAs(RunRow.RUN_ID));
      Double stepsNeeded = r.getAs(RunRow.STEPS_NEEDED);
      Map<String, Change> changes =
          rule.initial(kind, original, stepsNeeded == null ? Double.NaN : stepsNeeded);
      if (changes.isEmpty()) {
        continue;
      }
      Attempt attempt = new Attempt(Setting.of(axes.varying(), r), kind, original);
      attempt.changes = changes;
      attempts.add(attempt);
    }
    if (attempts.isEmpty()) {
      store.deletePartition(Table.FIXES, sweepId);
      return 0;
    }
    progress.printf(
        Locale.ROOT, "verifying fixes: %d failed runs get their computed fix%n", attempts.size());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    try (FixTrainer trainer =
        new FixTrainer(jsc, plan.data().trainingSet(), reference, plan.spec().converged())) {
      verify(attempts, rule, trainer::train, sweepId);
    }
    List<Row> rows = new ArrayList<>();
    for (Attempt a : attempts) {
      FixTrainer.Trained t = a.result;
      String detail =
          t.detail()
              + (a.history.size() > 1 ? " [attempts: " + String.join("; ", a.history) + "]" : "");
      rows.add(
          new FixRow(
                  sweepId,
                  a.setting.text(),
                  a.kind.label(),
                  Change.text(a.changes),
                  a.original.runId(),
                  a.fixed.runId(),
                  a.original.batchSize(),
                  a.original.seed(),
                  Rows.list(t.weights()),
                  t.intercept(),
                  t.steps(),
                  t.converged(),
                  detail,
                  t.diagnosis())
              .toRow());
    }
    store.write(Table.FIXES, spark.createDataFrame(rows, Table.FIXES.schema()));
    long converged = attempts.stream().filter(a -> a.result.converged()).count();
    progress.printf(
        Locale.ROOT, "fixes: %d of %d fixed runs converged%n", converged, attempts.size());
    return attempts.size();
  }

  /**
   * Trains each attempt's fix; while one fails, adjusts it by what its diagnosis says and trains it
   * again, at most {@link FixRule#MAX_ATTEMPTS} rounds (one Spark job each). Then tightens the
   * epochs.
   */
  static void verify(List<Attempt> attempts, FixRule rule, Trainer trainer, String sweepId) {
    List<Attempt> pending = new ArrayList<>(attempts);
    for (int round = 1; round <= FixRule.MAX_ATTEMPTS && !pending.isEmpty(); round++) {
      List<RunConfig> batch = new ArrayList<>();
      for (Attempt a : pending) {
        RunConfig changed = FixRule.apply(a.original, a.changes);
        a.fixed = withId(changed, a.original.runId(), Change.text(a.changes));
        batch.add(a.fixed);
      }
      Map<String, FixTrainer.Trained> results =
          trainer.train(batch, "fixes of " + sweepId + ", round " + round);
      List<Attempt> again = new ArrayList<>();
      for (Attempt a : pending) {
        a.result = results.get(a.fixed.runId());
        a.history.add(Change.text(a.changes) + " → " + a.result.diagnosis());
        if (a.result.converged()) {
          continue;
        }
        Diagnosis got =
            Diagnosis.valueOf(a.result.diagnosis().toUpperCase(Locale.ROOT).replace('-', '_'));
        Map<String, Change> next = rule.next(a.changes, a.original, got, a.result.stepsNeeded());
        if (next != null && round < FixRule.MAX_ATTEMPTS) {
          a.changes = next;
          again.add(a);
        }
      }
      pending = again;
    }
    tighten(trainer, attempts, sweepId);
  }

  /**
   * The epochs a fix names must be what the run needed, not a generous guess: a converged fixed run
   * whose trajectory settled within tolerance at an earlier epoch is trained again with exactly
   * that many epochs, and the smaller count is kept only if that run converges too.
   */
  private static void tighten(Trainer trainer, List<Attempt> attempts, String sweepId) {
    Map<Attempt, Map<String, Change>> tighter = new LinkedHashMap<>();
    for (Attempt a : attempts) {
      if (a.result.converged()
          && a.changes.get("epochs") instanceof Change.Epochs e
          && a.result.settledEpoch() > 0
          && a.result.settledEpoch() < e.epochs()) {
        Map<String, Change> changes = new LinkedHashMap<>(a.changes);
        changes.put("epochs", new Change.Epochs(Math.max(a.result.settledEpoch(), 1)));
        tighter.put(a, changes);
      }
    }
    List<RunConfig> batch = new ArrayList<>();
    Map<Attempt, RunConfig> configs = new LinkedHashMap<>();
    tighter.forEach(
        (a, changes) -> {
          RunConfig fixed =
              withId(FixRule.apply(a.original, changes), a.original.runId(), Change.text(changes));
          configs.put(a, fixed);
          batch.add(fixed);
        });
    Map<String, FixTrainer.Trained> results =
        trainer.train(batch, "fixes of " + sweepId + ": the epochs needed");
    tighter.forEach(
        (a, changes) -> {
          FixTrainer.Trained t = results.get(configs.get(a).runId());
          a.history.add(Change.text(changes) + " → " + t.diagnosis());
          if (t.converged()) {
            a.changes = changes;
            a.fixed = configs.get(a);
            a.result = t;
          }
        });
  }

  /**
   * Up to {@code perKind} failed runs of each setting × failure kind, spread over its batch sizes
   * (the first, last and evenly between, ordered by batch size then seed). Spark picks them.
   */
  static List<Row> chooseFailedRuns(Dataset<Row> runs, SettingAxes axes, int perKind) {
    List<String> fixable = new ArrayList<>();
    for (Diagnosis d : Diagnosis.values()) {
      if (FixRule.fixable(d)) {
        fixable.add(d.label());
      }
    }
    List<Column> partition = new ArrayList<>();
    axes.varying().forEach(a -> partition.add(col(a)));
    partition.add(col("diagnosis"));
    WindowSpec ordered =
        Window.partitionBy(partition.toArray(Column[]::new))
            .orderBy(col("batch_size"), col("seed"), col("run_id"));
    WindowSpec whole = Window.partitionBy(partition.toArray(Column[]::new));
    Dataset<Row> ranked =
        runs.where(col("diagnosis").isin(fixable.toArray()))
            .withColumn("rank", row_number().over(ordered).minus(1))
            .withColumn("count", count(lit(1)).over(whole));
    // Keep rank r when r = round(i·(count−1)/(perKind−1)) for some i: i =
    // round(r·(perKind−1)/(count−1)).
    Column step = col("count").minus(1).divide(Math.max(1, perKind - 1));
    Column nearest = org.apache.spark.sql.functions.round(col("rank").divide(step), 0);
    Column keep =
        col("count")
            .leq(perKind)
            .or(
                org.apache
                    .spark
                    .sql
                    .functions
                    .round(nearest.multiply(step), 0)
                    .equalTo(col("rank")));
    List<String> columns =
        new ArrayList<>(List.of("run_id", "diagnosis", "steps_needed", "batch_size"));
    columns.addAll(axes.varying());
    return ranked
        .where(keep)
        .select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .collectAsList();
  }

  /** A fixed run's own id: the failed run's id and the change, hashed like every run id. */
  private static RunConfig withId(RunConfig run, String originalId, String change) {
    String id = Grid.sha256Hex("fix;" + originalId + ";" + change).substring(0, 16);
    return run.with(id, run.batchSize());
  }
}
