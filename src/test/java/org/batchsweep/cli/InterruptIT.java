package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    List<String> args =
        new ArrayList<>(
            List.of("--master", "local[2]", "run", "--sweep-id", "intr", "--out", "out"));
    args.addAll(Submit.SLOW_SWEEP);
    Submit.Result interrupted =
        submit
            .startInterruptible("interrupted", args.toArray(String[]::new))
            .interruptAfterFirstChunk(work.resolve("out"), "intr");
    assertThat(interrupted.exitCode())
        .as(interrupted.describe())
        .isEqualTo(RunInterruption.EXIT_INTERRUPTED);

    String stderr = interrupted.stderr();
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
