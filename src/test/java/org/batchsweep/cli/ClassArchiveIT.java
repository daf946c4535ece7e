package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./submit's class-data archive of Spark's classes: made once for the checkout's classpath and JDK,
 * then mapped by every later command's JVM instead of loading those classes from the jars; {@code
 * BATCHSWEEP_CDS=off} goes without it. Each command here stops with a one-line refusal right after
 * the JVM has started, which is all this needs.
 */
class ClassArchiveIT {

  @TempDir Path dir;

  @Test
  void laterCommandsLoadSparkFromTheArchive() throws Exception {
    Path classLog = dir.resolve("classes.log");
    Submit.Result result = refusedSql(new Submit(dir), classLog);

    assertThat(archives()).as("one archive for this classpath and JDK").hasSize(1);
    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    // The JVM's own note on JDK_JAVA_OPTIONS, then the refusal: no word from the archive.
    assertThat(result.stderrLines()).hasSize(2);
    assertThat(result.stderrLines().get(1)).startsWith("error: --out ");
    assertThat(sparkClassesFromArchive(classLog)).isGreaterThan(1_000);
  }

  @Test
  void offMeansWithout() throws Exception {
    Path classLog = dir.resolve("classes.log");
    Submit.Result result =
        refusedSql(new Submit(dir).withEnvironment("BATCHSWEEP_CDS", "off"), classLog);

    assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
    assertThat(sparkClassesFromArchive(classLog)).isZero();
  }

  /** {@code sql} on an output folder without tables, its JVM logging each class it loads. */
  private Submit.Result refusedSql(Submit submit, Path classLog) throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    return submit
        .withEnvironment("JDK_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classLog)
        .run("sql", "SELECT 1", "--out", dir.resolve("empty").toString());
  }

  /** Spark classes the JVM took from the archive layered on top of the JDK's own. */
  private static long sparkClassesFromArchive(Path classLog) throws IOException {
    try (Stream<String> lines = Files.lines(classLog)) {
      return lines
          .filter(l -> l.contains(" org.apache.spark."))
          .filter(l -> l.contains("source: shared objects file (top)"))
          .count();
    }
  }

  private static List<Path> archives() throws IOException {
    Path folder = Submit.home().resolve("target/cds");
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().matches("spark-[0-9]+\\.jsa")).toList();
    }
  }
}
