package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver killed mid-sweep leaves the sweep visibly incomplete; --resume finishes it exactly once.
 */
class ResumeIT {

  @TempDir Path work;

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void aKilledSweepShowsAsRunningAndResumesToOneRowPerGridPoint() throws Exception {
    Submit submit = new Submit(work);
    List<String> args =
        new ArrayList<>(
            List.of("--master", "local[2]", "run", "--sweep-id", "killed", "--out", "out"));
    args.addAll(Submit.SLOW_SWEEP);
    args.addAll(List.of("--set", "fixes.enabled=false"));
    Submit.Running driver = submit.start(args.toArray(String[]::new));
    try {
      driver.awaitCondition(
          "the sweep's first chunk",
          Duration.ofMinutes(3),
          () -> Submit.chunkCommitted(work.resolve("out"), "killed"));
      assertThat(driver.isAlive())
          .as("the sweep must still be running after its first chunk")
          .isTrue();
      driver.kill(); // SIGKILL: no shutdown hook, no cleanup
      assertThat(driver.isAlive()).isFalse();
    } finally {
      driver.kill();
    }

    Submit.Result status =
        submit.run(
            "sql",
            "SELECT status, runs FROM sweeps WHERE sweep_id = 'killed'",
            "--out",
            "out",
            "--format",
            "csv");
    assertThat(status.stdout().lines().toList()).containsExactly("status,runs", "running,3200");

    // explain and report on the interrupted sweep: one line saying it is incomplete and how to
    // finish it.
    for (String command : new String[] {"explain", "report"}) {
      Submit.Result refused = submit.run(command, "--sweep-id", "killed", "--out", "out");
      assertThat(refused.exitCode()).as(command + ": " + refused.stderr()).isEqualTo(2);
      assertThat(refused.stderr())
          .contains("sweep killed is incomplete")
          .contains("./submit run --sweep-id killed --resume --out out")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }

    Submit.Result resumed = submit.run("run", "--sweep-id", "killed", "--resume", "--out", "out");
    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    assertThat(resumed.stdout())
        .containsPattern(
            "sweep killed: 3200 runs in .* s \\(([1-9]\\d*) reused from the interrupted attempt, (\\d+) trained now\\)");

    Submit.Result rows =
        submit.run(
            "sql",
            "SELECT count(*) AS n, count(DISTINCT run_id) AS ids, first(s.status) AS status"
                + " FROM runs r JOIN sweeps s USING (sweep_id) WHERE sweep_id = 'killed'",
            "--out",
            "out",
            "--format",
            "csv");
    assertThat(rows.stdout().lines().toList())
        .containsExactly("n,ids,status", "3200,3200,complete");
    assertThat(work.resolve("out/staging/killed")).doesNotExist();

    Submit.Result again = submit.run("run", "--sweep-id", "killed", "--resume", "--out", "out");
    assertThat(again.stdout()).contains("sweep killed is complete; nothing to resume");
  }
}
