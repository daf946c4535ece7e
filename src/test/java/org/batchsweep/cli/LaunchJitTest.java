package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchsweep.cli.QuickCompilation.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JIT option {@code ./submit} gives a {@code run}'s JVM: C1 only from the start exactly when
 * the sweep is known small before Spark starts. Nothing here starts a JVM or Spark.
 */
class LaunchJitTest {

  private static final String C1 = LaunchJit.C1_ONLY_OPTION;

  @TempDir Path dir;

  private static String option(Mode mode, String... args) {
    return LaunchJit.optionFor(args, mode);
  }

  @Test
  void theSeedSweepStartsWithC1Only() {
    assertThat(option(Mode.AUTO, "run")).isEqualTo(C1);
    assertThat(option(Mode.AUTO, "run", "seed", "--out", "elsewhere", "--sweep-id", "a"))
        .isEqualTo(C1);
  }

  @Test
  void aLargeSweepKeepsC2() {
    assertThat(option(Mode.AUTO, "run", "large")).isEmpty();
    // small in runs, large in steps: the whole size decides, as it does in the driver
    assertThat(SpecSource.load(null, List.of("train.epochs=100000"))).isNotNull();
    assertThat(option(Mode.AUTO, "run", "--set", "train.epochs=100000")).isEmpty();
  }

  @Test
  void largeWithOneSeedIsSmallAsInTheDriver() {
    assertThat(option(Mode.AUTO, "run", "large", "--set", "grid.seed=[0]")).isEqualTo(C1);
  }

  @Test
  void agreesWithTheDriversSizeOnASpecFile() throws Exception {
    Path spec = dir.resolve("mine.yaml");
    Files.writeString(spec, "name: mine\ngrid:\n  batch_size: [5, 50]\ndata:\n  n: 200\n");
    assertThat(option(Mode.AUTO, "run", spec.toString())).isEqualTo(C1);
    assertThat(option(Mode.AUTO, "run", spec.toString(), "--set", "data.n=1000000")).isEmpty();
  }

  @Test
  void aSizeThatNeedsSparkLeavesTheChoiceToTheDriver() throws Exception {
    assertThat(option(Mode.AUTO, "run", "--sweep-id", "a", "--resume")).isEmpty();
    Path points = Files.createDirectory(dir.resolve("points.parquet"));
    List<String> parquet = List.of("data.kind=parquet", "data.path=" + points);
    assertThat(SpecSource.load(null, parquet)).isNotNull(); // a valid spec, sized only by Spark
    assertThat(option(Mode.AUTO, "run", "--set", parquet.get(0), "--set", parquet.get(1)))
        .isEmpty();
    assertThat(option(Mode.QUICK, "run", "--set", parquet.get(0), "--set", parquet.get(1)))
        .isEqualTo(C1);
  }

  @Test
  void badInputIsLeftForTheDriverToReport() {
    assertThat(option(Mode.AUTO, "run", "--set", "no.such.key=1")).isEmpty();
    assertThat(option(Mode.AUTO, "run", "missing.yaml")).isEmpty();
    assertThat(option(Mode.AUTO, "run", "--no-such-option")).isEmpty();
    assertThat(option(Mode.AUTO, "run", "--set", "grid.batch_size=[5000]")).isEmpty();
  }

  @Test
  void theModeOverridesTheSize() {
    assertThat(option(Mode.QUICK, "run", "large")).isEqualTo(C1);
    assertThat(option(Mode.FULL, "run")).isEmpty();
  }

  @Test
  void onlyRunIsSizedHere() {
    assertThat(option(Mode.AUTO, "sql", "SELECT 1")).isEmpty();
    assertThat(option(Mode.AUTO)).isEmpty();
  }
}
