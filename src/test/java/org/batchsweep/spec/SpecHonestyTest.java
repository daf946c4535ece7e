package org.batchsweep.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.optim.OptimizerNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec never changes silently: what cannot apply is refused, and the stored spec says what ran.
 */
class SpecHonestyTest {

  private static SweepSpec load(String... overrides) {
    return SpecLoader.loadText("", "test", List.of(overrides));
  }

  @Test
  void aMomentumNoOptimizerTakesIsRefused() {
    assertThatThrownBy(() -> load("grid.momentum=[0.9]"))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(
            "grid.momentum: [0.9] would be ignored: no optimizer in grid.optimizer [adam]");
  }

  @Test
  void aMomentumSomeOptimizerTakesIsKept() {
    SweepSpec spec = load("grid.optimizer=[adam, sgd]", "grid.momentum=[0.0, 0.9]");
    assertThat(spec.grid().momentum()).containsExactly(0.0, 0.9);
    assertThat(Grid.size(spec.grid())).isEqualTo(400 * 3); // adam once, sgd per momentum
  }

  @Test
  void whichOptimizersTakeMomentumIsSaidInOnePlace() {
    assertThat(OptimizerNames.takesMomentum("sgd")).isTrue();
    assertThat(OptimizerNames.takesMomentum("adam")).isFalse();
  }

  @Test
  void generatedDataStoresNoFileKeysAndALineNoWeights() {
    String line = section(load().yaml(), "data");
    assertThat(line)
        .contains("slope: -4.0")
        .doesNotContain("weights", "feature_scales", "features", "label", "path");
    SweepSpec spec = load("data.kind=linear", "data.weights=[1, 2]");
    String linear = section(spec.yaml(), "data");
    assertThat(linear)
        .contains("kind: linear", "weights:", "intercept")
        .doesNotContain("slope", "features", "label", "path");
    assertThat(SpecLoader.loadText(spec.yaml(), "stored", List.of()).yaml()).isEqualTo(spec.yaml());
  }

  @Test
  void aCsvSweepStoresOnlyWhatApplies(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("p.csv"), "x,y\n0,1\n1,2\n");
    SweepSpec spec = load("data.kind=csv", "data.path=" + csv);
    String data = section(spec.yaml(), "data");
    assertThat(data).contains("kind: csv", "path: " + csv, "validation: none");
    assertThat(data)
        .doesNotContain(
            "slope", "intercept", "\n  n:", "x_range", "noise", "seed", "validation_path");
    assertThat(SpecNotes.of(spec))
        .singleElement()
        .asString()
        .startsWith("note: csv data has no validation split");
    // the stored spec loads to the same sweep (what --resume does)
    assertThat(SpecLoader.loadText(spec.yaml(), "stored", List.of()).yaml()).isEqualTo(spec.yaml());
  }

  @Test
  void aLineSweepStoresNumbersUnquotedAndNoPaths() {
    SweepSpec spec = load("data.n=500");
    String data = section(spec.yaml(), "data");
    assertThat(data).contains("\n  n: 500\n", "validation: fresh").doesNotContain("\"", "path");
    assertThat(SpecNotes.of(spec)).isEmpty();
  }

  @Test
  void aValidationFileThatWouldBeIgnoredIsRefused(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                load(
                    "data.kind=csv",
                    "data.path=" + dir.resolve("a.csv"),
                    "data.validation=none",
                    "data.validation_path=" + dir.resolve("b.csv")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("data.validation_path is set but data.validation is none");
  }

  @Test
  void aRelativePathInASpecFileIsNextToTheSpec(@TempDir Path dir) throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Path spec =
        Files.writeString(
            specs.resolve("mine.yaml"),
            "data:\n  kind: csv\n  path: points.csv\n  validation_path: ../held-out.csv\n");
    SweepSpec loaded = SpecLoader.load(spec, List.of());
    assertThat(loaded.data().path()).isEqualTo(specs.resolve("points.csv").toString());
    assertThat(loaded.data().validationPath()).isEqualTo(dir.resolve("held-out.csv").toString());
  }

  @Test
  void aRelativePathGivenWithSetIsFromTheCurrentFolder(@TempDir Path dir) throws Exception {
    Path spec = Files.writeString(dir.resolve("mine.yaml"), "data:\n  kind: csv\n");
    SweepSpec loaded = SpecLoader.load(spec, List.of("data.path=points.csv"));
    assertThat(loaded.data().path()).isEqualTo(Path.of("points.csv").toAbsolutePath().toString());
  }

  @Test
  void uriPathsStayAsWritten() {
    SweepSpec spec = load("data.kind=parquet", "data.path=hdfs:///data/points");
    assertThat(spec.data().path()).isEqualTo("hdfs:///data/points");
  }

  private static String section(String yaml, String name) {
    int start = yaml.indexOf("\n" + name + ":\n");
    int end = yaml.indexOf("\n", start + 1);
    while (end >= 0 && end + 1 < yaml.length() && yaml.charAt(end + 1) == ' ') {
      end = yaml.indexOf("\n", end + 1);
    }
    return yaml.substring(start, end < 0 ? yaml.length() : end + 1);
  }
}
