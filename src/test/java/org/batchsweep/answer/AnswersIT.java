package org.batchsweep.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.data.DataLoader;
import org.batchsweep.job.SweepJob;
import org.batchsweep.job.SweepPlan;
import org.batchsweep.job.SweepResult;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.SettingAxes;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;
import org.batchsweep.testing.SparkTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-axis sweep (two optimizers, several lrs, momentum, both losses, both shuffles) through
 * Spark: the JSON answer agrees with SQL over the runs table on every setting, and the fixes it
 * trains converge.
 */
class AnswersIT {

  private static final List<String> MULTI =
      List.of(
          "name=multi",
          "data.n=200",
          "train.epochs=30",
          "grid.batch_size=[5, 20, 50, 200]",
          "grid.optimizer=[adam, sgd]",
          "grid.lr=[0.01, 0.3, 3]",
          "grid.momentum=[0, 0.9]",
          "grid.loss=[mse, mse-broadcast]",
          "grid.shuffle=[false, true]",
          "grid.seed=[0, 1]");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path out;

  private static SparkSession spark;
  private static TableStore store;
  private static List<String> varying;

  @BeforeAll
  static void runTheSweepAndItsFixes() {
    SweepSpec spec = SpecLoader.loadText("", "test", MULTI);
    SweepPlan plan = SweepPlan.of("multi", spec, DataLoader.load(spec.data(), null));
    spark = SparkTests.start("local[2]");
    store = new TableStore(spark, out.toUri().toString());
    SweepResult result = new SweepJob(spark, store, System.err).run(plan);
    Fixes.run(spark, store, plan, result.reference(), result.axes().settingAxes(), System.err);
    store.read(Table.RUNS).createOrReplaceTempView("runs");
    store.read(Table.FIXES).createOrReplaceTempView("fixes");
    varying = SettingAxes.of(store.read(Table.RUNS, "multi")).varying();
  }

  @AfterAll
  static void stop() {
    SparkTests.stop(spark);
  }

  private static String key(Row row) {
    LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    for (String axis : varying) {
      values.put(axis, row.getAs(axis));
    }
    return new Setting(values).text();
  }

  private static String key(JsonNode setting) {
    LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    setting
        .fields()
        .forEachRemaining(
            e ->
                values.put(
                    e.getKey(),
                    e.getValue().isBoolean()
                        ? e.getValue().asBoolean()
                        : e.getValue().isNumber()
                            ? (Object) e.getValue().asDouble()
                            : e.getValue().asText()));
    return new Setting(values).text();
  }

  @Test
  void everySettingsConvergedBatchSizesAndCountsAgreeWithSqlOverTheRunsTable() throws Exception {
    // In the order of the grid's axis columns (store.RunRow.AXES), the broadest first.
    assertThat(varying).containsExactly("loss", "optimizer", "shuffle", "lr", "momentum");
    String axes = String.join(", ", varying);
    Map<String, List<Integer>> expected = new TreeMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT "
                    + axes
                    + ", batch_size FROM runs WHERE sweep_id = 'multi' GROUP BY "
                    + axes
                    + ", batch_size HAVING 2 * sum(CAST(converged AS INT)) >= count(*) ORDER BY batch_size")
            .collectAsList()) {
      expected.computeIfAbsent(key(r), k -> new ArrayList<>()).add(r.getAs("batch_size"));
    }
    Map<String, long[]> counts = new HashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT "
                    + axes
                    + ", count(*) AS n, sum(CAST(converged AS INT)) AS c FROM runs"
                    + " WHERE sweep_id = 'multi' GROUP BY "
                    + axes)
            .collectAsList()) {
      counts.put(key(r), new long[] {r.getLong(r.fieldIndex("n")), r.getLong(r.fieldIndex("c"))});
    }
    List<String> lines = SweepAnswers.load(store, "multi").jsonLines();
    // adam: 3 lrs (no momentum axis of its own); sgd: 3 lrs × 2 momenta; × 2 losses × 2 shuffles.
    assertThat(lines).hasSize(36).hasSize(counts.size());
    for (String line : lines) {
      JsonNode o = JSON.readTree(line);
      String setting = key(o.get("setting"));
      List<Integer> sizes = new ArrayList<>();
      o.get("converged_batch_sizes").forEach(b -> sizes.add(b.asInt()));
      assertThat(sizes).as(setting).isEqualTo(expected.getOrDefault(setting, List.of()));
      assertThat(o.get("runs").asLong()).as(setting).isEqualTo(counts.get(setting)[0]);
      assertThat(o.get("converged").asLong()).as(setting).isEqualTo(counts.get(setting)[1]);
      assertThat(o.get("sweep_id").asText()).isEqualTo("multi");
      long sum = 0;
      for (JsonNode n : o.get("diagnoses")) {
        sum += n.asLong();
      }
      assertThat(sum).as(setting).isEqualTo(counts.get(setting)[0]);
      assertThat(o.get("text").asText()).as(setting).isNotBlank();
    }
  }

  @Test
  void stepBudgetWordsNameTheLowerMediansAtEachSettingsLargestStepBudgetBatchSize() {
    String axes = String.join(", ", varying);
    // percentile_disc(0.5) is the ⌈n/2⌉-th smallest of n: the lower median, computed apart from
    // the answers' own aggregate.
    Map<String, String> expected = new TreeMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT "
                    + axes
                    + ", batch_size, percentile_disc(0.5) WITHIN GROUP (ORDER BY steps),"
                    + " percentile_disc(0.5) WITHIN GROUP (ORDER BY steps_needed)"
                    + " FROM runs WHERE sweep_id = 'multi' AND diagnosis = 'step-budget'"
                    + " AND ("
                    + axes
                    + ", batch_size) IN (SELECT "
                    + axes
                    + ", max(batch_size)"
                    + " FROM runs WHERE sweep_id = 'multi' AND diagnosis = 'step-budget'"
                    + " GROUP BY "
                    + axes
                    + ") GROUP BY "
                    + axes
                    + ", batch_size")
            .collectAsList()) {
      int k = varying.size();
      String needed =
          r.isNullAt(k + 2) ? "an unknown number" : Words.f("≈ %.0f", r.getDouble(k + 2));
      expected.put(
          key(r),
          Words.f(
              "%.0f steps at B %d against at least %s needed",
              ((Number) r.get(k + 1)).doubleValue(), r.getInt(k), needed));
    }
    assertThat(expected).as("settings with step-budget runs").hasSizeGreaterThan(3);
    Map<String, String> named = new TreeMap<>();
    for (SettingAnswer s : SweepAnswers.load(store, "multi").settings()) {
      for (SettingAnswer.Failure f : s.failures()) {
        if (f.diagnosis().equals("step-budget")) {
          named.put(s.setting().text(), f.why().substring(0, f.why().indexOf(';')));
        }
      }
    }
    assertThat(named).isEqualTo(expected);
  }

  @Test
  void shuffledBroadcastRunsAreWrongObjectiveAtEveryBatchSize() {
    List<Row> rows =
        spark
            .sql(
                "SELECT DISTINCT diagnosis FROM runs WHERE sweep_id = 'multi' AND shuffle"
                    + " AND loss = 'mse-broadcast' AND NOT converged AND batch_size >= 20")
            .collectAsList();
    assertThat(rows).extracting(r -> r.getString(0)).containsExactly("wrong-objective");
  }

  @Test
  void atLeastNineInTenFixedRunsConvergeForEachMainFailureKindAndEachHasItsOwnRunId() {
    for (String kind : List.of("wrong-objective", "step-budget", "diverged")) {
      Row r =
          spark
              .sql(
                  "SELECT count(*), sum(CAST(converged AS INT)) FROM fixes WHERE sweep_id = 'multi'"
                      + " AND diagnosis = '"
                      + kind
                      + "'")
              .first();
      assertThat(r.getLong(0)).as(kind + " fixed runs").isPositive();
      assertThat((double) r.getLong(1) / r.getLong(0))
          .as(kind + ": share of fixed runs that converged")
          .isGreaterThanOrEqualTo(0.9);
    }
    assertThat(
            spark
                .sql(
                    "SELECT max(n) FROM (SELECT count(*) AS n FROM fixes WHERE sweep_id = 'multi'"
                        + " GROUP BY setting, diagnosis)")
                .first()
                .getLong(0))
        .isLessThanOrEqualTo(3);
    assertThat(
            spark
                .sql("SELECT count(*) FROM fixes f JOIN runs r ON f.fixed_run_id = r.run_id")
                .first()
                .getLong(0))
        .isZero();
    assertThat(
            spark
                .sql(
                    "SELECT count(*) FROM fixes f LEFT JOIN runs r ON f.run_id = r.run_id AND r.sweep_id = 'multi'"
                        + " WHERE r.run_id IS NULL OR r.diagnosis <> f.diagnosis")
                .first()
                .getLong(0))
        .isZero();
  }
}
