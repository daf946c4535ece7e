package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./submit as a user runs it: from another working directory, with its output and exit status. */
class SubmitIT {

  @TempDir Path work;

  private Submit submitter;

  private Submit.Result submit(String... args) throws InterruptedException {
    if (submitter == null) {
      submitter = new Submit(work);
    }
    return submitter.run(args);
  }

  @Test
  void aSmallRunThenItsRowsAsCsv() throws Exception {
    Path spec = work.resolve("small.yaml");
    Files.writeString(
        spec,
        "name: small\ndata: {n: 200}\ntrain: {epochs: 10}\ngrid:\n  batch_size: [10, 50, 200]\n  seed: [0, 1]\n");
    Submit.Result run =
        submit("--master", "local[2]", "run", "small.yaml", "--sweep-id", "e2e", "--out", "out");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .contains("sweep e2e: 24 runs")
        .contains("reference (mllib-normal)")
        .contains("share of runs that converged")
        .contains("./submit sql");
    assertThat(run.stderr())
        .contains("trained 24/24 runs")
        .containsPattern(
            "time by stage: start-up [0-9.]+ s, .*training [0-9.]+ s, publish [0-9.]+ s, .*"
                + "report [0-9.]+ s, total [0-9.]+ s");

    Submit.Result sql =
        submit(
            "sql",
            "SELECT batch_size, shuffle, loss, converged FROM runs WHERE sweep_id = 'e2e' ORDER BY batch_size",
            "--out",
            "out",
            "--format",
            "csv");
    assertThat(sql.exitCode()).as(sql.stderr()).isZero();
    List<String> lines = sql.stdout().lines().toList();
    assertThat(lines.get(0)).isEqualTo("batch_size,shuffle,loss,converged");
    assertThat(lines).hasSize(25);
    assertThat(lines.subList(1, 25))
        .allMatch(l -> l.matches("\\d+,(true|false),mse(-broadcast)?,(true|false)"));

    Submit.Result json =
        submit("sql", "SELECT runs, status FROM sweeps", "--out", "out", "--format", "json");
    assertThat(json.stdout().strip()).isEqualTo("{\"runs\":24,\"status\":\"complete\"}");

    Submit.Result explain = submit("explain", "--out", "out");
    assertThat(explain.exitCode()).as(explain.stderr()).isZero();
    assertThat(explain.stdout())
        .contains("sweep e2e ('small'): 24 runs, status complete")
        .contains("by setting and batch size:")
        .contains("mse-broadcast, shuffled:")
        .contains("of 24 runs converged to the reference line.");
  }

  @Test
  void aBadSpecExitsWithOneLineAndWritesNothing() throws Exception {
    Submit.Result bad = submit("run", "--set", "grid.batch_size=[0, 10]", "--out", "out");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.stderrLines())
        .containsExactly("error: grid.batch_size: 0 is not a batch size; accepted: integers ≥ 1");
    assertThat(bad.stdout()).isEmpty();
    assertThat(work.resolve("out/tables")).doesNotExist();

    Submit.Result unknown = submit("run", "--set", "train.epoch=5", "--out", "out");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.stderrLines()).hasSize(1);
    assertThat(unknown.stderrLines().get(0))
        .contains("unknown key 'train.epoch'")
        .contains("epochs");
  }

  @Test
  void csvDataThatCannotBeParsedIsNamedByLine() throws Exception {
    Files.writeString(work.resolve("points.csv"), "x,y\n0,0\n0.5,-2\n1,oops\n");
    Submit.Result bad =
        submit("run", "--set", "data.kind=csv", "--set", "data.path=points.csv", "--out", "out");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.stderrLines())
        .containsExactly(
            "error: data.path "
                + work.resolve("points.csv")
                + " line 4: y = 'oops' is not a number;"
                + " every feature and label value must be a finite number");
    assertThat(work.resolve("out/tables")).doesNotExist();
  }
}
