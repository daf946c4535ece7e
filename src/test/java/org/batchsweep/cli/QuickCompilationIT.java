package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
