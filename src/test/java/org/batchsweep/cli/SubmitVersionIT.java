package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ./submit -V / --version, before the command (no spark-submit) or after it (through spark-submit).
 */
class SubmitVersionIT {

  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"-V", "--master local[2] --version", "run -V"})
  void printsBatchsweepSparkAndJavaVersions(String args) throws Exception {
    Submit.Result result = new Submit(work).run(args.split(" "));
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout().lines().toList())
        .satisfiesExactly(
            l -> assertThat(l).startsWith("batchsweep "),
            l -> assertThat(l).startsWith("Spark 4."),
            l -> assertThat(l).startsWith("Java "));
  }
}
