package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./submit shell} as a user scripts it: commands read one per line, each with its own output
 * and errors as from {@code ./submit}, the shell going on after a refused line and ending at {@code
 * exit} with the last command's status.
 */
class ShellIT {

  private static final Pattern STAGES =
      Pattern.compile("time by stage: start-up ([0-9.]+) s, .*total ([0-9.]+) s");

  @TempDir Path work;

  @Test
  void runsCommandsInOneDriverAndGoesOnAfterARefusedLine() throws Exception {
    Files.writeString(
        work.resolve("small.yaml"),
        "name: small\ndata: {n: 200}\ntrain: {epochs: 10}\ngrid:\n  batch_size: [10, 50, 200]\n  seed: [0, 1]\n");
    Path script = work.resolve("commands.txt");
    Files.writeString(
        script,
        String.join(
            "\n",
            "# two sweeps, then a query over both",
            "run small.yaml --sweep-id first --out out",
            "run small.yaml --sweep-id second --out out --set 'grid.seed=[0, 1, 2]'",
            "sql \"SELECT sweep_id, count(*) AS n FROM runs GROUP BY sweep_id ORDER BY sweep_id\""
                + " --out out --format csv",
            "sql \"SELECT 1",
            "cluster status",
            "bogus --out out",
            "explain --sweep-id first --out out --format json",
            "exit",
            "run small.yaml --sweep-id after-exit --out out",
            ""));

    Submit.Result shell = new Submit(work).withInput(script).run("--master", "local[2]", "shell");

    assertThat(shell.exitCode()).as(shell.describe()).isZero(); // explain, the last, succeeded
    assertThat(shell.stdout())
        .contains("sweep first: 24 runs")
        .contains("sweep second: 36 runs")
        .contains("sweep_id,n\nfirst,24\nsecond,36\n")
        .contains("{\"sweep_id\":\"first\"")
        .doesNotContain("after-exit");
    assertThat(work.resolve("out/tables/sweeps/sweep_id=after-exit")).doesNotExist();
    assertThat(shell.stderrLines())
        .filteredOn(line -> line.startsWith("error:"))
        .containsExactly(
            "error: unterminated \" in the command line; close it on the same line",
            "error: cluster runs from ./submit, not inside the shell",
            "error: unknown command 'bogus'; accepted: run, sql, explain, report, help, exit (one"
                + " per line)");
    // Each run's start-up stage is timed from its own line, not from the JVM's start.
    List<double[]> stages = stageTimes(shell.stderr());
    assertThat(stages).hasSize(2);
    assertThat(stages.get(1)[0]).isLessThan(stages.get(0)[1]);
  }

  @Test
  void endsWithTheLastCommandsStatus() throws Exception {
    Path script = work.resolve("commands.txt");
    Files.writeString(script, "help run\nexplain --out missing\n");

    Submit.Result shell = new Submit(work).withInput(script).run("shell");

    assertThat(shell.exitCode()).as(shell.describe()).isEqualTo(BatchSweep.EXIT_BAD_INPUT);
    assertThat(shell.stdout()).contains("Usage: ./submit run");
    assertThat(shell.stderrLines()).singleElement().asString().startsWith("error: ");
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void ctrlCDuringARunEndsTheShellAsItEndsARun() throws Exception {
    Path script = work.resolve("commands.txt");
    Files.writeString(
        script,
        "run --sweep-id intr --out out "
            + Submit.SLOW_SWEEP.stream().map(w -> "'" + w + "'").collect(Collectors.joining(" "))
            + "\nsql \"SELECT 'after the run' AS next\" --out out\n");
    Submit.Result interrupted =
        new Submit(work)
            .withInput(script)
            .startInterruptible("shell", "--master", "local[2]", "shell")
            .interruptAfterFirstChunk(work.resolve("out"), "intr");

    assertThat(interrupted.exitCode())
        .as(interrupted.describe())
        .isEqualTo(RunInterruption.EXIT_INTERRUPTED);
    String stderr = interrupted.stderr();
    assertThat(stderr).doesNotContain("Exception", "\tat ", "ERROR", "WARN");
    List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines.subList(lines.size() - 2, lines.size()))
        .satisfiesExactly(
            said -> assertThat(said).startsWith("interrupted: sweep intr is incomplete"),
            resume ->
                assertThat(resume)
                    .isEqualTo("finish it with: ./submit run --sweep-id intr --resume --out out"));
    assertThat(interrupted.stdout()).doesNotContain("after the run");
  }

  /** Each run's [start-up, total] seconds, in order. */
  private static List<double[]> stageTimes(String stderr) {
    return stderr
        .lines()
        .map(STAGES::matcher)
        .filter(Matcher::find)
        .map(m -> new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))})
        .toList();
  }
}
