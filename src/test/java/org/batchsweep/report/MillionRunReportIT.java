package org.batchsweep.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;
import org.batchsweep.testing.SparkTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report and the summary of a sweep with over a million runs, under a small driver heap: the
 * driver must hold aggregates, never runs. A synthetic runs table (no training: 1,020,000 rows
 * shaped like a 4-optimizer × 6-lr × shuffle × 1,000-batch-size sweep over 21 seeds, SGD at large
 * lr blown up to ±3.4·10^38 or NaN, a detail sentence per run) is written with Spark; then {@code
 * ./submit --driver-memory 512m report} and {@code explain} run it in a child JVM. Before the
 * report drew aggregates, the real 1,020,000-run sweep ran out of a 1 GB heap in {@code
 * Figure.svg}.
 */
class MillionRunReportIT {

  static final String SWEEP = "million";
  static final long RUNS = 1_020_000;
  static final String HEAP = "512m";

  @TempDir static Path out;
  static SparkSession spark;
  static TableStore store;

  @BeforeAll
  static void writeSyntheticTables() throws Exception {
    spark = SparkTests.start("local[2]");
    store = new TableStore(spark, out.toUri().toString());
    Dataset<Row> id = spark.range(RUNS).toDF("id");
    Column optimizer =
        element_at(
            org.apache.spark.sql.functions.array(
                lit("adam"), lit("sgd"), lit("rmsprop"), lit("adagrad")),
            col("id").mod(4).plus(1).cast("int"));
    Column lr =
        pow(lit(10.0), lit(-3.0).plus(col("id").divide(4).cast("long").mod(6).multiply(0.5)));
    Column batchSize = col("id").divide(48).cast("long").mod(1000).plus(1).cast("int");
    Column sane =
        lit(-4.0)
            .plus(least(lit(4.0), batchSize.multiply(1e-4).divide(lr)))
            .plus(randn(1).multiply(0.01));
    Column blownUp = col("optimizer").equalTo("sgd").and(col("lr").gt(0.05));
    Column slope =
        when(
                blownUp,
                element_at(
                    org.apache.spark.sql.functions.array(
                        lit(3.4e38), lit(-3.4e38), lit(Double.NaN)),
                    col("id").mod(3).plus(1).cast("int")))
            .otherwise(sane);
    Map<String, Column> values = new HashMap<>();
    values.put("sweep_id", lit(SWEEP));
    values.put("run_id", concat(lit("run-"), col("id").cast("string")));
    values.put("optimizer", optimizer);
    values.put("lr", lr);
    values.put("momentum", lit(0.0));
    values.put("batch_size", batchSize);
    values.put("shuffle", col("id").divide(24).cast("long").mod(2).equalTo(1));
    values.put("loss", lit("mse"));
    values.put("epochs", lit(100));
    values.put("seed", col("id").divide(48_000).cast("long"));
    values.put("precision", lit("float32"));
    values.put("init_slope", rand(2).multiply(2).minus(1));
    values.put("init_intercept", rand(3).multiply(2).minus(1));
    Dataset<Row> runs =
        id.select(col("id"), optimizer.as("optimizer"), lr.as("lr"))
            .withColumn("slope", slope)
            .withColumn(
                "intercept",
                when(col("slope").isNaN(), lit(Double.NaN)).otherwise(randn(4).multiply(0.02)));
    values.put("optimizer", col("optimizer"));
    values.put("lr", col("lr"));
    values.put("slope", col("slope"));
    values.put("intercept", col("intercept"));
    values.put("train_mse", lit(0.0027).plus(pow(col("slope").plus(4), 2).divide(3)));
    Column converged =
        org.apache
            .spark
            .sql
            .functions
            .abs(col("slope").plus(4))
            .leq(0.05)
            .and(org.apache.spark.sql.functions.abs(col("intercept")).leq(0.05));
    values.put("converged", converged);
    values.put(
        "diagnosis",
        when(converged, lit("converged"))
            .when(blownUp, lit("diverged"))
            .otherwise(lit("step-budget")));
    values.put(
        "detail",
        concat(
            lit("synthetic run "),
            col("id").cast("string"),
            lit(": still travelling toward the minimiser when training stopped after 100 epochs")));
    values.put("steps", lit(100_000L));
    values.put("slope_error", col("slope").plus(4));
    values.put("intercept_error", col("intercept"));
    values.put("objective_slope", lit(-4.0));
    values.put("objective_intercept", lit(0.0));
    values.put("steps_needed", greatest(lit(1.0), col("lr")));
    List<Column> columns = new ArrayList<>();
    for (StructField f : Table.RUNS.schema().fields()) {
      Column c = values.getOrDefault(f.name(), lit(null));
      columns.add(c.cast(f.dataType()).as(f.name()));
    }
    store.write(Table.RUNS, runs.select(columns.toArray(Column[]::new)));

    String spec =
        Files.readString(
            Path.of(System.getProperty("batchsweep.home", "."), "conf/sweeps/large.yaml"));
    store.write(
        Table.REFERENCE,
        spark.sql(
            "SELECT '"
                + SWEEP
                + "' AS sweep_id, 'mllib-normal' AS method, -3.9958D AS slope, 0.0002D AS"
                + " intercept, 0.0027404D AS train_mse, 0.0024499D AS validation_mse, 0.9979D AS"
                + " r2, array(-3.9958D) AS weights, 1D AS condition_number"));
    // Every sweep has its points: the answer reads the training x's mean and spread (curvature).
    store.write(
        Table.POINTS,
        spark.sql(
            "SELECT '"
                + SWEEP
                + "' AS sweep_id, 'train' AS split, id / 999D AS x, -4D * id / 999D AS y,"
                + " array(id / 999D) AS features FROM range(1000)"));
    Dataset<Row> sweeps =
        spark
            .range(1)
            .select(
                lit(SWEEP).as("sweep_id"),
                lit("synthetic").as("name"),
                lit(spec).as("spec"),
                current_timestamp().as("created_at"),
                lit("local[2]").as("master"),
                lit(spark.version()).as("spark_version"),
                lit(RUNS).as("runs"),
                lit(1.0).as("wall_seconds"),
                lit("complete").as("status"));
    List<Column> sweepColumns = new ArrayList<>();
    for (StructField f : Table.SWEEPS.schema().fields()) {
      sweepColumns.add(
          java.util.Arrays.asList(sweeps.columns()).contains(f.name())
              ? col(f.name()).cast(f.dataType())
              : lit(null).cast(f.dataType()).as(f.name()));
    }
    store.write(Table.SWEEPS, sweeps.select(sweepColumns.toArray(Column[]::new)));
  }

  @AfterAll
  static void stop() {
    SparkTests.stop(spark);
  }

  @Test
  void inProcess_theDriverCollectsAggregatesBoundedByTheFigures_andTheyEqualSql() {
    ReportData data = ReportData.load(store, SWEEP);

    assertThat(store.read(Table.RUNS, SWEEP).count()).isEqualTo(RUNS);
    PanelPlan plan = data.curvePanels().orElseThrow();
    int drawn = plan.panels().stream().mapToInt(p -> p.settings().size()).sum();
    assertThat(drawn).as("settings drawn: 4 optimizers × 2 shuffle × 6 lr").isEqualTo(48);
    assertThat(data.points())
        .as("points collected: at most the drawn settings × plotted batch sizes")
        .hasSizeLessThanOrEqualTo(drawn * BatchSizeCurves.MAX_BATCH_SIZES);
    assertThat(data.cells().cells())
        .as("map cells collected: settings × batch-size bands")
        .hasSizeLessThanOrEqualTo(48 * 10);

    BatchSizeCurves.Point p =
        data.points().stream()
            .filter(
                q ->
                    q.setting().get("optimizer").equals("adam")
                        && q.batchSize() == 1000
                        && Boolean.TRUE.equals(q.setting().get("shuffle")))
            .filter(q -> Math.abs((Double) q.setting().get("lr") - 0.01) < 1e-12)
            .findFirst()
            .orElseThrow();
    store.read(Table.RUNS, SWEEP).createOrReplaceTempView("million_runs");
    Row sql =
        spark
            .sql(
                "SELECT count(*), percentile(slope, 0.5), min(slope), max(slope) FROM million_runs"
                    + " WHERE optimizer = 'adam' AND shuffle AND batch_size = 1000 AND abs(lr -"
                    + " 0.01) < 1e-12")
            .first();
    assertThat(p.runs()).isEqualTo(sql.getLong(0));
    assertThat(p.slope().median()).isCloseTo(sql.getDouble(1), within(1e-12));
    assertThat(p.slope().min()).isCloseTo(sql.getDouble(2), within(1e-12));
    assertThat(p.slope().max()).isCloseTo(sql.getDouble(3), within(1e-12));

    for (Figure f : ReportFigures.of(data)) {
      assertThat(f.svg().length).as("SVG bytes of " + f.name()).isLessThan(8_000_000);
    }
  }

  @Test
  void childJvm_reportAndSummaryOfAMillionRuns_inA512MbHeap() throws Exception {
    Result report =
        submit(
            "--master",
            "local[2]",
            "--driver-memory",
            HEAP,
            "report",
            "--out",
            out.toString(),
            "--sweep-id",
            SWEEP);
    assertThat(report.exit()).as("exit status of report; stderr:\n" + report.stderr()).isZero();
    assertThat(report.stderr()).doesNotContain("OutOfMemoryError");
    Path folder = out.resolve("report").resolve(SWEEP);
    assertThat(folder.resolve("index.html")).exists();
    for (String name : List.of(ConvergenceMapFigure.NAME, SettingsFigure.NAME)) {
      assertThat(folder.resolve(name + ".png")).exists();
      assertThat(Files.size(folder.resolve(name + ".svg")))
          .as(name + ".svg bytes")
          .isBetween(1_000L, 8_000_000L);
    }

    // -Dbatchsweep.report.keep=DIR keeps a copy of the page, to look at it in a browser.
    String keep = System.getProperty("batchsweep.report.keep");
    if (keep != null) {
      Path to = Path.of(keep);
      Files.createDirectories(to);
      try (var files = Files.list(folder)) {
        for (Path f : files.toList()) {
          Files.copy(
              f,
              to.resolve(f.getFileName().toString()),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }

    Result explain =
        submit(
            "--master",
            "local[2]",
            "--driver-memory",
            HEAP,
            "explain",
            "--out",
            out.toString(),
            "--sweep-id",
            SWEEP);
    assertThat(explain.exit()).as("exit status of explain; stderr:\n" + explain.stderr()).isZero();
    assertThat(explain.stderr()).doesNotContain("OutOfMemoryError");
    assertThat(explain.stdout()).contains("share of runs that converged");
  }

  record Result(int exit, String stdout, String stderr) {}

  private static Result submit(String... args) throws Exception {
    Path home = Path.of(System.getProperty("batchsweep.home", ".")).toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(home.resolve("submit").toString());
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(out, "stdout", ".txt");
    Path stderr = Files.createTempFile(out, "stderr", ".txt");
    Process process =
        new ProcessBuilder(command)
            .directory(out.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("./submit " + String.join(" ", args) + " did not finish");
    }
    return new Result(
        process.exitValue(),
        Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
