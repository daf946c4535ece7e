package org.batchsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.cli.BatchSweep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user meets it: {@code run} ends by writing the report and printing its
 * path; {@code report} rebuilds it from the tables alone, for the latest sweep by default.
 */
class ReportCommandIT {

  @TempDir Path out;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  private int submit(String... args) {
    stdout.reset();
    stderr.reset();
    return BatchSweep.execute(args);
  }

  @Test
  void runWritesTheReport_andReportRebuildsItFromTheTables() throws IOException {
    String dir = out.toString();
    Path page = out.resolve("report/older/index.html");
    int status =
        submit(
            "run",
            "--set",
            "data.n=100",
            "--set",
            "train.epochs=5",
            "--set",
            "grid.batch_size=[10,100]",
            "--set",
            "grid.seed=[0]",
            "--sweep-id",
            "older",
            "--out",
            dir);
    assertThat(status).as("run's exit status; stderr:\n" + stderr).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .as("run prints where the report is")
        .contains("report: " + page);
    assertThat(page).exists();

    status =
        submit(
            "run",
            "--set",
            "data.n=100",
            "--set",
            "train.epochs=5",
            "--set",
            "grid.batch_size=[10]",
            "--set",
            "grid.seed=[0]",
            "--sweep-id",
            "latest",
            "--out",
            dir);
    assertThat(status).as("second run; stderr:\n" + stderr).isZero();
    deleteTree(out.resolve("report"));

    status = submit("report", "--out", dir);
    assertThat(status).as("report's exit status; stderr:\n" + stderr).isZero();
    Path latest = out.resolve("report/latest/index.html");
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .as("without --sweep-id: the latest sweep")
        .contains("report: " + latest);
    assertThat(latest).exists();
    assertThat(latest.resolveSibling("batch-size-mse.png")).exists();
    assertThat(page).as("only the sweep asked for is rebuilt").doesNotExist();

    status = submit("report", "--out", dir, "--sweep-id", "nope");
    assertThat(status).isEqualTo(BatchSweep.EXIT_BAD_INPUT);
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .as("one line naming the option, no stack trace")
        .containsPattern("(?m)^error: --sweep-id nope: no such sweep")
        .doesNotContainPattern("(?m)^\\s+at ");
  }

  @Test
  void reportOfAMissingFolder_failsBeforeSparkStarts() {
    assertThat(submit("report", "--out", out.resolve("missing").toString()))
        .isEqualTo(BatchSweep.EXIT_BAD_INPUT);
    assertThat(stderr.toString(StandardCharsets.UTF_8))
        .startsWith("error: --out " + out.resolve("missing") + ": no such folder")
        .doesNotContain("Exception");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
