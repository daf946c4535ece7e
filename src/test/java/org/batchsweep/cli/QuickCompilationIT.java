package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small sweep's {@code run} starts its JVM with C1 only, so no method is compiled with C2 (tier
 * 4) or with C1's profiling code (tiers 2 and 3); so do {@code sql}, {@code explain} and {@code
 * report}. {@code BATCHSWEEP_JIT=full} leaves C2 on. The JVM logs each compilation with its tier.
 */
class QuickCompilationIT {

  /** A line of -Xlog:jit+compilation: time, tags, compile id, flags, tier, method. */
  private static final Pattern COMPILATION =
      Pattern.compile("^\\S+\\s+\\d+\\s+[%sbn!]*\\s*(\\d)\\s+(\\S+).*");

  /** A line of -XX:+PrintCompilation at tier 4: time, compile id, flags, tier, method. */
  private static final Pattern TIER_4_LINE =
      Pattern.compile("^\\s*\\d+\\s+\\d+\\s+[%sbn!]*\\s*4\\s+\\S+.*");

  @TempDir Path dir;

  @Test
  void aSmallSweepCompilesWithC1OnlyFromTheStart() throws Exception {
    Path log = smallRun("auto");
    assertThat(compilations(log, "4", "org.apache.spark.")).isZero();
    assertThat(compilations(log, "3", "")).isZero();
    assertThat(compilations(log, "1", "org.apache.spark.")).isGreaterThan(1000);
  }

  @Test
  void fullKeepsC2() throws Exception {
    assertThat(compilations(smallRun("full"), "4", "org.apache.spark.")).isGreaterThan(20);
  }

  @Test
  void aLargeSweepTurnsC2OffOnceTrained() throws Exception {
    // Large by its training values (points × features > 10^5), cheap to train (48 runs of 10,000
    // steps, about 3 s): C2 is on from the start, and HotSpot reports each method C2 is refused
    // after the directive comes.
    Submit.Result result =
        new Submit(dir)
            .withEnvironment("JDK_JAVA_OPTIONS", "-XX:+PrintCompilation")
            .run(
                "run",
                "--out",
                dir.resolve("out-large").toString(),
                "--set",
                "data.n=100001",
                "--set",
                "grid.batch_size=[100]",
                "--set",
                "grid.loss=[mse]",
                "--set",
                "grid.shuffle=[false]",
                "--set",
                "grid.seed=linspace(0, 47, 48)",
                "--set",
                "train.epochs=10",
                "--set",
                "fixes.enabled=false");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    List<String> lines = result.stdout().lines().toList();
    assertThat(lines.stream().filter(l -> TIER_4_LINE.matcher(l).matches()).count())
        .as("methods C2 compiled: it was on")
        .isGreaterThan(20);
    // The trainer's step, hot in the small sweep the class-data archive is dumped from, still
    // reaches C2 here: an archive dumped with C2 turned off would carry that refusal to every JVM.
    assertThat(
            lines.stream()
                .filter(l -> TIER_4_LINE.matcher(l).matches())
                .filter(l -> l.contains("org.batchsweep.train.FastTrainer$SideBySide::step ")))
        .as("the trainer's step compiled by C2")
        .isNotEmpty();
    assertThat(lines.stream().filter(l -> l.contains("excluded by CompileCommand")).count())
        .as("methods C2 was refused: it was turned off")
        .isGreaterThan(20);
  }

  @Test
  void sqlCompilesWithC1Only() throws Exception {
    smallRun("auto"); // a table to query
    Path log = dir.resolve("jit-sql.log");
    Submit.Result result =
        new Submit(dir)
            .withEnvironment("JDK_JAVA_OPTIONS", "-Xlog:jit+compilation=debug:file=" + log)
            .run("sql", "SELECT count(*) FROM runs", "--out", dir.resolve("out-auto").toString());
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(compilations(log, "4", "")).isZero();
    assertThat(compilations(log, "3", "")).isZero();
  }

  /** Runs a small sweep with {@code BATCHSWEEP_JIT=mode}; returns the JVM's compilation log. */
  private Path smallRun(String mode) throws Exception {
    Path log = dir.resolve("jit-" + mode + ".log");
    Submit.Result result =
        new Submit(dir)
            .withEnvironment(QuickCompilation.ENVIRONMENT_KEY, mode)
            .withEnvironment("JDK_JAVA_OPTIONS", "-Xlog:jit+compilation=debug:file=" + log)
            .run(
                "run",
                "--out",
                dir.resolve("out-" + mode).toString(),
                "--set",
                "grid.batch_size=[50]",
                "--set",
                "data.n=100",
                "--set",
                "train.epochs=5");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    return log;
  }

  /** Compilations at {@code tier} of methods whose class name starts with {@code prefix}. */
  private static long compilations(Path log, String tier, String prefix) throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      return lines
          .map(COMPILATION::matcher)
          .filter(m -> m.matches() && m.group(1).equals(tier) && m.group(2).startsWith(prefix))
          .count();
    }
  }
}
