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
 * A small sweep's {@code run} turns C2 off before Spark starts, so no Spark method is ever compiled
 * at tier 4; {@code BATCHSWEEP_JIT=full} leaves it on. The JVM logs each compilation with its tier.
 */
class QuickCompilationIT {

  /** A line of -Xlog:jit+compilation: time, tags, compile id, flags, tier, method. */
  private static final Pattern TIER_4 =
      Pattern.compile("^\\S+\\s+\\d+\\s+[%sbn!]*\\s*4\\s+org\\.apache\\.spark\\..*");

  @TempDir Path dir;

  @Test
  void aSmallSweepCompilesSparkWithC1Only() throws Exception {
    assertThat(sparkMethodsCompiledByC2("auto")).isZero();
  }

  @Test
  void fullKeepsC2() throws Exception {
    assertThat(sparkMethodsCompiledByC2("full")).isGreaterThan(20);
  }

  private long sparkMethodsCompiledByC2(String mode) throws Exception {
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
    return tier4SparkCompilations(log);
  }

  private static long tier4SparkCompilations(Path log) throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> TIER_4.matcher(l).matches()).count();
    }
  }
}
