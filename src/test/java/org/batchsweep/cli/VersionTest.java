package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * -V and --version, before or after the command, print batchsweep's, Spark's and Java's versions.
 */
class VersionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-V",
        "--version",
        "run -V",
        "sql --version",
        "explain -V",
        "report -V",
        "cluster start -V"
      })
  void printsTheThreeVersions(String args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      exit = BatchSweep.execute(args.split(" "));
    } finally {
      System.setOut(saved);
    }
    assertThat(exit).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .satisfiesExactly(
            l -> assertThat(l).startsWith("batchsweep "),
            l ->
                assertThat(l)
                    .startsWith("Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()),
            l -> assertThat(l).startsWith("Java " + System.getProperty("java.version")));
  }
}
