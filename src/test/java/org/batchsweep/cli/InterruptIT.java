package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (a real SIGINT) during a run: two lines saying so, how many runs are committed and the
 * exact command that finishes the sweep; no stack trace; the sweep stays visibly incomplete.
 */
class InterruptIT {

  @TempDir Path work;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void ctrlCSaysHowToResumeInTwoLinesAndTheCommandWorks() throws Exception {
    Submit submit = new Submit(work);
    // perl restores SIGINT's default disposition (a background child may inherit it ignored), then
    // execs ./submit, which execs java: the pid is the driver's, as for Ctrl-C in a terminal.
    Path driverErr = work.resolve("stderr-interrupted.txt");
    Process driver =
        new ProcessBuilder(
                "perl",
                "-e",
                "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\\n\"",
                Submit.home().resolve("submit").toString(),
                "--master",
                "local[2]",
                "run",
                "--sweep-id",
                "intr",
                "--out",
                "out",
                "--set",
                "grid.seed=[0,1,2,3,4,5,6,7]",
                "--set",
                "train.epochs=300",
                "--set",
                "limits.chunk_runs=400",
                "--set",
                "train.record_epochs=false")
            .directory(work.toFile())
            .redirectOutput(work.resolve("stdout-interrupted.txt").toFile())
            .redirectError(driverErr.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!Submit.chunkCommitted(work.resolve("out"), "intr")
          && driver.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(driver.isAlive())
          .as("the sweep must still be running after its first chunk")
          .isTrue();
      Process kill =
          new ProcessBuilder("kill", "-INT", Long.toString(driver.pid())).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
      assertThat(driver.waitFor(90, TimeUnit.SECONDS)).isTrue();
    } finally {
      driver.destroyForcibly();
    }
    assertThat(driver.exitValue()).isEqualTo(RunInterruption.EXIT_INTERRUPTED);

    String stderr = Files.readString(driverErr, StandardCharsets.UTF_8);
    assertThat(stderr).doesNotContain("Exception", "\tat ", "ERROR", "WARN");
    List<String> lines = Arrays.stream(stderr.split("\n")).filter(l -> !l.isBlank()).toList();
    int at =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("interrupted:")).findFirst().orElseThrow());
    assertThat(lines.subList(at, lines.size())).hasSize(2);
    Matcher said =
        Pattern.compile(
                "interrupted: sweep intr is incomplete \\(status running\\), at least (\\d+) of 3200 runs committed")
            .matcher(lines.get(at));
    assertThat(said.matches()).as(lines.get(at)).isTrue();
    long committed = Long.parseLong(said.group(1));
    assertThat(committed % 400).isZero(); // whole chunks
    assertThat(lines.get(at + 1))
        .isEqualTo("finish it with: ./submit run --sweep-id intr --resume --out out");

    Submit.Result status =
        submit.run(
            "sql",
            "SELECT status FROM sweeps WHERE sweep_id = 'intr'",
            "--out",
            "out",
            "--format",
            "csv");
    assertThat(status.stdout().lines().toList()).containsExactly("status", "running");

    // the printed command, word for word
    List<String> resume =
        new ArrayList<>(
            Arrays.asList(
                lines.get(at + 1).substring("finish it with: ./submit ".length()).split(" ")));
    Submit.Result resumed = submit.run(resume.toArray(String[]::new));
    assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
    Matcher reused =
        Pattern.compile("\\((\\d+) reused from the interrupted attempt").matcher(resumed.stdout());
    assertThat(reused.find()).isTrue();
    assertThat(Long.parseLong(reused.group(1))).isGreaterThanOrEqualTo(committed);
  }
}
