package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two runs with the same --sweep-id at once: one writes, the other refuses and writes nothing. */
class ConcurrentRunIT {

  @TempDir Path work;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void theSecondWriterOfASweepIdRefusesAndTheSweepStaysWhole() throws Exception {
    Submit submit = new Submit(work);
    String[] common = {
      "--master",
      "local[2]",
      "run",
      "--sweep-id",
      "same",
      "--out",
      "out",
      "--set",
      "data.n=200",
      "--set",
      "grid.batch_size=[10,50]",
      "--set",
      "train.epochs=20"
    };
    Submit.Running slowRun = submit.start(with(common, "grid.lr=[0.01]"));
    Submit.Running fastRun = submit.start(with(common, "grid.lr=[0.1]"));
    Submit.Result slow = slowRun.await(Duration.ofMinutes(4));
    Submit.Result fast = fastRun.await(Duration.ofMinutes(4));
    List<Integer> exits = List.of(slow.exitCode(), fast.exitCode());
    assertThat(exits).containsExactlyInAnyOrder(0, 2);
    List<String> refusal = (slow.exitCode() == 2 ? slow : fast).stderrLines();
    assertThat(refusal)
        .singleElement()
        .asString()
        .startsWith("error: --sweep-id same: another run is writing this sweep (pid ")
        .contains("wait for it to finish, or pick another --sweep-id");
    String winnerLr = exits.get(0) == 0 ? "0.01" : "0.1";

    // seed.yaml with 2 batch sizes: x 2 shuffles x 2 losses x 5 seeds = 40 grid points, one row
    // each,
    // all from the run that wrote
    Submit.Result rows =
        submit.run(
            "sql",
            "SELECT count(*) AS n, count(DISTINCT run_id) AS ids, count(DISTINCT lr) AS lrs,"
                + " first(lr) AS lr, first(s.status) AS status, first(s.runs) AS runs"
                + " FROM runs r JOIN sweeps s USING (sweep_id) WHERE sweep_id = 'same'",
            "--out",
            "out",
            "--format",
            "csv");
    assertThat(rows.stdout().lines().toList())
        .containsExactly("n,ids,lrs,lr,status,runs", "40,40,1," + winnerLr + ",complete,40");

    // the lock went with the run that held it: the same id can be written again
    Submit.Result again = submit.run(with(common, "grid.lr=[0.1]"));
    assertThat(again.exitCode()).as(again.stderr()).isZero();
  }

  private static String[] with(String[] common, String lr) {
    String[] args = java.util.Arrays.copyOf(common, common.length + 2);
    args[common.length] = "--set";
    args[common.length + 1] = lr;
    return args;
  }
}
