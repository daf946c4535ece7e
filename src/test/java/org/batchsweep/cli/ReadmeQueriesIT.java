package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.data.DataLoader;
import org.batchsweep.job.SweepJob;
import org.batchsweep.job.SweepPlan;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;
import org.batchsweep.testing.SparkTests;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's queries and its way of reading the tables from a Spark session of one's own, on a
 * results folder holding two sweeps with the same settings (so every run id is in both), and the
 * sql command's output formats.
 */
class ReadmeQueriesIT {

  private static final Path README = Submit.home().resolve("README.md");

  // Exactly as in the README (whitespace aside); SWEEP_ID is the placeholder the README uses.
  static final String BY_DIAGNOSIS =
      "SELECT loss, shuffle, diagnosis, count(*) AS runs FROM runs"
          + " WHERE sweep_id = (SELECT max_by(sweep_id, created_at) FROM sweeps)"
          + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
  static final String FIGURE =
      "SELECT batch_size, avg(CASE WHEN shuffle THEN slope END) AS shuffled,"
          + " avg(CASE WHEN NOT shuffle THEN slope END) AS fixed"
          + " FROM runs WHERE sweep_id = 'SWEEP_ID' AND loss = 'mse-broadcast' GROUP BY batch_size ORDER BY batch_size";
  static final String TRAJECTORY =
      "SELECT e.epoch, e.slope, e.intercept, e.train_mse FROM epochs e JOIN runs r USING (sweep_id, run_id)"
          + " WHERE sweep_id = 'SWEEP_ID' AND r.batch_size = 100 AND r.shuffle AND r.loss = 'mse' AND r.seed = 0"
          + " ORDER BY e.epoch";

  @TempDir static Path out;
  private static SparkSession spark;
  private static TableStore store;

  @BeforeAll
  static void twoSweepsOfTheSameSettings() {
    spark = SparkTests.start("local[2]");
    store = new TableStore(spark, out.toUri().toString());
    SweepSpec spec =
        SpecLoader.loadText(
            "",
            "test",
            List.of(
                "data.n=200",
                "train.epochs=10",
                "train.record_epochs=true",
                "grid.batch_size=[10, 100]"));
    for (String id : List.of("first", "second")) {
      new SweepJob(spark, store, System.err)
          .run(SweepPlan.of(id, spec, DataLoader.load(spec.data(), null)));
    }
    for (Table table : Table.values()) {
      if (store.exists(table)) {
        store.read(table).createOrReplaceTempView(table.tableName());
      }
    }
  }

  @AfterAll
  static void stop() {
    SparkTests.stop(spark);
  }

  @Test
  void theReadmeShowsTheseQueries() throws Exception {
    String readme = Files.readString(README).replaceAll("\\s+", " ");
    for (String query : List.of(BY_DIAGNOSIS, FIGURE, TRAJECTORY)) {
      assertThat(readme).contains(query);
    }
  }

  @Test
  void byDiagnosisCountsTheLatestSweepOnly() {
    long counted =
        spark.sql(BY_DIAGNOSIS).agg(org.apache.spark.sql.functions.sum("runs")).first().getLong(0);
    assertThat(counted).isEqualTo(8); // 2 batch sizes x 2 shuffles x 2 losses, not 16
    assertThat(spark.sql("SELECT count(DISTINCT run_id) FROM runs").first().getLong(0))
        .isEqualTo(8);
  }

  @Test
  void theFigureQueryHasOneRowPerBatchSize() {
    List<Row> rows = spark.sql(FIGURE.replace("SWEEP_ID", "second")).collectAsList();
    assertThat(rows).extracting(r -> r.getInt(0)).containsExactly(10, 100);
  }

  @Test
  void aTrajectoryHasEachEpochOnce() {
    List<Row> rows = spark.sql(TRAJECTORY.replace("SWEEP_ID", "second")).collectAsList();
    assertThat(rows).extracting(r -> r.getInt(0)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void aSparkSessionOfOnesOwnReadsOneSweepWithItsPartitionColumn() {
    // README: spark.read.option("basePath",
    // "results/tables/runs").parquet("results/tables/runs/sweep_id=ID")
    String runs = out.resolve("tables/runs").toString();
    Dataset<Row> one = spark.read().option("basePath", runs).parquet(runs + "/sweep_id=second");
    assertThat(one.columns()).contains("sweep_id", "run_id", "diagnosis");
    assertThat(one.count()).isEqualTo(8);
    assertThat(one.select("sweep_id").distinct().first().getString(0)).isEqualTo("second");
    // README: the whole table, filtered
    assertThat(spark.read().parquet(runs).where("sweep_id = 'first'").count()).isEqualTo(8);
  }

  @Test
  void jsonHasNoNaNAndKeepsEveryKey() {
    String json =
        print(
            spark.sql(
                "SELECT 'a' AS name, CAST('NaN' AS DOUBLE) AS nan, CAST('Infinity' AS DOUBLE) AS inf,"
                    + " CAST(NULL AS STRING) AS missing, 1.5 AS x"),
            SqlCommand.Format.json,
            SqlCommand.DEFAULT_TRUNCATE);
    assertThat(json.strip())
        .isEqualTo("{\"name\":\"a\",\"nan\":null,\"inf\":null,\"missing\":null,\"x\":1.5}");
  }

  @Test
  void theTableFormatCutsLongCellsAndShowsThemWholeOnRequest() {
    Dataset<Row> detail = spark.sql("SELECT run_id, detail FROM runs WHERE sweep_id = 'second'");
    int longest =
        detail.collectAsList().stream().mapToInt(r -> r.getString(1).length()).max().orElseThrow();
    assertThat(longest).isGreaterThan(SqlCommand.DEFAULT_TRUNCATE);
    String table = print(detail, SqlCommand.Format.table, SqlCommand.DEFAULT_TRUNCATE);
    assertThat(table.lines().mapToInt(String::length).max().orElseThrow())
        .isLessThanOrEqualTo(SqlCommand.DEFAULT_TRUNCATE * 2 + 10);
    String whole = print(detail, SqlCommand.Format.table, 0);
    assertThat(whole.lines().mapToInt(String::length).max().orElseThrow()).isGreaterThan(longest);
  }

  private static String print(Dataset<Row> rows, SqlCommand.Format format, int truncate) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SqlCommand.print(
        rows, format, 1000, truncate, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
