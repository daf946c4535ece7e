package org.batchsweep.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.core.RunConfig;
import org.batchsweep.data.DataLoader;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;
import org.batchsweep.testing.SharedSparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small sweep through Spark in local mode: every table, re-runs, and independence of the master.
 * All tests share one {@code local[2]} session; each writes under its own folder.
 */
class SweepJobIT extends SharedSparkSession {

  private static final List<String> SMALL =
      List.of(
          "name=small",
          "data.n=300",
          "train.epochs=15",
          "train.record_epochs=true",
          "grid.batch_size=[10, 64, 300]",
          "grid.seed=[0, 1]");

  @TempDir Path out;

  private static SweepPlan plan(String sweepId, List<String> overrides) {
    SweepSpec spec = SpecLoader.loadText("", "test", overrides);
    return SweepPlan.of(sweepId, spec, DataLoader.load(spec.data(), null));
  }

  /** Runs a sweep in {@code session} and returns its runs rows (sorted, without timing). */
  private List<List<Object>> runAndRead(SparkSession session, SweepPlan plan) {
    TableStore store = new TableStore(session, out.toUri().toString());
    new SweepJob(session, store, System.err).run(plan);
    return runs(store, plan.sweepId());
  }

  private static List<List<Object>> runs(TableStore store, String sweepId) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row row :
        store.read(Table.RUNS, sweepId).orderBy("run_id").drop("nanos").collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        values.add(row.get(i));
      }
      rows.add(values);
    }
    return rows;
  }

  @Test
  void aSmallSweepWritesEveryTableWithOneRunsRowPerGridPoint() {
    SweepPlan plan = plan("small-1", SMALL);
    TableStore store = new TableStore(spark, out.toUri().toString());
    // What the job has done when it says its runs are trained: all of them staged, no aggregate.
    List<String> whenTrained = new ArrayList<>();
    SweepResult result =
        new SweepJob(
                spark,
                store,
                System.err,
                new StageClock(),
                () ->
                    whenTrained.add(
                        store.readStaged("small-1", Table.RUNS).count()
                            + " staged, science written: "
                            + store.exists(Table.BATCH_SCALING)))
            .run(plan);
    assertThat(whenTrained).containsExactly("24 staged, science written: false");
    assertThat(result.runs()).isEqualTo(24);

    Row sweep = store.read(Table.SWEEPS, "small-1").first();
    assertThat(sweep.getAs("name").toString()).isEqualTo("small");
    assertThat(sweep.<Long>getAs("runs")).isEqualTo(24L);
    assertThat(sweep.getAs("status").toString()).isEqualTo(SweepJob.STATUS_COMPLETE);
    // The stored spec is the effective one and reads back to the same sweep.
    SweepSpec stored = SpecLoader.loadText(sweep.getAs("spec"), "sweeps.spec", List.of());
    assertThat(stored.data().n()).isEqualTo(300);
    assertThat(stored.grid()).isEqualTo(plan.spec().grid());
    assertThat(sweep.<String>getAs("spark_version")).startsWith("4.");
    assertThat(sweep.<Double>getAs("wall_seconds")).isPositive();

    assertThat(store.read(Table.POINTS, "small-1").where("split = 'train'").count()).isEqualTo(300);
    assertThat(store.read(Table.POINTS, "small-1").where("split = 'validation'").count())
        .isEqualTo(300);

    Row reference = store.read(Table.REFERENCE, "small-1").first();
    assertThat(reference.<String>getAs("method")).isEqualTo("mllib-normal");
    assertThat(reference.<Double>getAs("slope")).isCloseTo(-4.0, within(0.05));
    assertThat(reference.<Double>getAs("r2")).isGreaterThan(0.99);
    // The closed form is the least-squares line of the training points, exactly.
    var train = plan.data().train();
    double slope = train.covXY() / train.varX();
    assertThat(reference.<Double>getAs("slope")).isCloseTo(slope, within(1e-9));
    assertThat(reference.<Double>getAs("intercept"))
        .isCloseTo(train.meanY() - slope * train.meanX(), within(1e-9));

    List<Row> runs = store.read(Table.RUNS, "small-1").collectAsList();
    assertThat(runs).hasSize(24);
    Set<String> expectedIds =
        plan.runs().stream().map(RunConfig::runId).collect(Collectors.toSet());
    assertThat(runs.stream().map(r -> r.<String>getAs("run_id")).collect(Collectors.toSet()))
        .isEqualTo(expectedIds);
    for (Row run : runs) {
      double refSlope = reference.getAs("slope");
      assertThat(run.<Double>getAs("slope_error")).isEqualTo(run.<Double>getAs("slope") - refSlope);
      assertThat(run.<Double>getAs("excess_mse"))
          .isCloseTo(
              run.<Double>getAs("train_mse") - reference.<Double>getAs("train_mse"), within(1e-12));
      assertThat(run.<Long>getAs("steps"))
          .isEqualTo(
              15L
                  * ((300 + run.<Integer>getAs("batch_size") - 1)
                      / run.<Integer>getAs("batch_size")));
      assertThat(run.<Boolean>getAs("converged"))
          .isEqualTo(
              Math.abs(run.<Double>getAs("slope_error")) <= 0.05
                  && Math.abs(run.<Double>getAs("intercept_error")) <= 0.05);
      assertThat(run.<String>getAs("diagnosis")).isNotBlank();
      assertThat(run.<String>getAs("detail")).isNotBlank();
      assertThat(run.<Double>getAs("validation_mse")).isNotNull();
    }
    // epoch 0 (the initial parameters) and one row per epoch, per run
    assertThat(store.read(Table.EPOCHS, "small-1").count()).isEqualTo(24L * 16);
  }

  @Test
  void reRunningASweepIdReplacesItsRowsAndLeavesOtherSweepsAlone() {
    List<List<Object>> first = runAndRead(spark, plan("again", SMALL));
    List<List<Object>> other = runAndRead(spark, plan("other", SMALL));
    List<List<Object>> second = runAndRead(spark, plan("again", SMALL));
    assertThat(second).hasSize(24).isEqualTo(first);

    // A re-run that no longer records trajectories must not leave the old ones behind.
    List<String> noEpochs = new ArrayList<>(SMALL);
    noEpochs.add("train.record_epochs=false");
    runAndRead(spark, plan("again", noEpochs));
    TableStore store = new TableStore(spark, out.toUri().toString());
    assertThat(store.read(Table.RUNS).where("sweep_id = 'again'").count()).isEqualTo(24);
    assertThat(store.read(Table.SWEEPS).count()).isEqualTo(2);
    assertThat(store.read(Table.EPOCHS, "again").count()).isZero();
    assertThat(store.read(Table.EPOCHS, "other").count()).isEqualTo(24L * 16);
    assertThat(runs(store, "other").stream().map(r -> r.subList(1, r.size())).toList())
        .isEqualTo(other.stream().map(r -> r.subList(1, r.size())).toList());
  }

  @Test
  void resultsAreIdenticalUnderLocal1AndLocal2() {
    List<String> overrides = new ArrayList<>(SMALL);
    overrides.add("grid.optimizer=[adam, sgd]");
    overrides.add("grid.momentum=[0.0, 0.9]");
    overrides.add("grid.lr=[0.01, 0.3]");
    List<List<Object>> one =
        withMaster("local[1]", session -> runAndRead(session, plan("same", overrides)));
    List<List<Object>> two = runAndRead(spark, plan("same", overrides));
    assertThat(one).hasSize(24 * 3 * 2);
    assertThat(two).isEqualTo(one);
  }
}
