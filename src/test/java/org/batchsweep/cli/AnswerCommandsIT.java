package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * explain --format json, explain --run-id across sweeps, and sql writes kept under --out, through
 * ./submit.
 */
class AnswerCommandsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void explainAndSqlAsAUserRunsThem() throws Exception {
    Submit submit = new Submit(work);
    String[] small = {
      "--set",
      "data.n=100",
      "--set",
      "grid.batch_size=[10, 100]",
      "--set",
      "train.epochs=5",
      "--set",
      "grid.loss=[mse]",
      "--set",
      "grid.shuffle=[false, true]",
      "--set",
      "train.record_epochs=false",
      "--set",
      "fixes.enabled=false"
    };
    for (String id : new String[] {"first", "second"}) {
      String[] args = new String[small.length + 7];
      System.arraycopy(
          new String[] {"--master", "local[2]", "run", "--sweep-id", id, "--out", "out"},
          0,
          args,
          0,
          7);
      System.arraycopy(small, 0, args, 7, small.length);
      Submit.Result run = submit.run(args);
      assertThat(run.exitCode()).as(run.stderr()).isZero();
    }

    Submit.Result json =
        submit.run("explain", "--sweep-id", "first", "--format", "json", "--out", "out");
    assertThat(json.exitCode()).as(json.stderr()).isZero();
    List<String> lines = json.stdout().lines().toList();
    assertThat(lines).hasSize(2); // one setting per shuffle value
    JsonNode fixed = JSON.readTree(lines.get(0));
    assertThat(fixed.get("setting").toString()).isEqualTo("{\"shuffle\":false}");
    assertThat(fixed.get("sweep_id").asText()).isEqualTo("first");
    assertThat(fixed.get("runs").asInt()).isEqualTo(10); // 2 batch sizes × the seed spec's 5 seeds

    String runId =
        submit
            .run(
                "sql",
                "SELECT run_id FROM runs WHERE sweep_id = 'first' AND batch_size = 100 AND NOT shuffle",
                "--out",
                "out",
                "--format",
                "csv")
            .stdout()
            .lines()
            .skip(1)
            .findFirst()
            .orElseThrow();
    Submit.Result one = submit.run("explain", "--run-id", runId, "--out", "out");
    assertThat(one.exitCode()).as(one.stderr()).isZero();
    assertThat(one.stdout())
        .contains("run " + runId + " is in 2 sweeps")
        .contains("showing the latest, second");

    // Aggregation shuffles are sized to the cores (4 per core, at least 8), unless the user says.
    assertThat(shufflePartitions(submit, "--master", "local[2]")).isEqualTo("8");
    assertThat(
            shufflePartitions(
                submit, "--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=3"))
        .isEqualTo("3");

    Submit.Result create =
        submit.run("sql", "CREATE TABLE t AS SELECT * FROM runs", "--out", "out");
    assertThat(create.exitCode()).as(create.stderr()).isZero();
    assertThat(work.resolve("spark-warehouse"))
        .as("nothing written to the user's folder")
        .doesNotExist();
    assertThat(work.resolve("out/spark-warehouse/t")).isDirectory();
  }

  private static String shufflePartitions(Submit submit, String... sparkOptions)
      throws InterruptedException {
    List<String> args = new java.util.ArrayList<>(List.of(sparkOptions));
    args.addAll(
        List.of("sql", "SET spark.sql.shuffle.partitions", "--out", "out", "--format", "csv"));
    Submit.Result set = submit.run(args.toArray(String[]::new));
    assertThat(set.exitCode()).as(set.describe()).isZero();
    // "key,value" then "spark.sql.shuffle.partitions,<n>"
    String row = set.stdout().lines().skip(1).findFirst().orElseThrow();
    return row.substring(row.indexOf(',') + 1);
  }
}
