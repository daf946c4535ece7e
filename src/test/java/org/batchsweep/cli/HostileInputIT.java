package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind against an output folder that holds a finished sweep: each is refused
 * with one line naming the problem and exit status 2, and no table is touched.
 */
class HostileInputIT {

  @TempDir static Path work;
  private static Submit submit;
  private static Map<String, String> tablesBefore;

  /** A sweep id another run (this test) is writing. */
  private static SweepLock held;

  @BeforeAll
  static void aFinishedSweep() throws Exception {
    submit = new Submit(work);
    Files.writeString(work.resolve("empty.csv"), "");
    Files.writeString(work.resolve("words.csv"), "x,y\n0,1\n1,one\n");
    Files.writeString(work.resolve("nan.csv"), "x,y\n0,1\nNaN,2\n");
    Files.writeString(work.resolve("one-column.csv"), "x\n0\n1\n");
    Files.writeString(work.resolve("header-only.csv"), "x,y\n");
    Files.writeString(work.resolve("constant.csv"), "a,b,y\n1,2,3\n2,2,4\n3,2,5\n4,2,1\n");
    Files.writeString(work.resolve("features.csv"), "a,b,y\n1,2,3\n2,3,4\n3,1,5\n4,0,1\n");
    Files.writeString(work.resolve("a-file"), "not a folder");
    Submit.Result good =
        submit.run(
            "run",
            "--sweep-id",
            "kept",
            "--out",
            "out",
            "--set",
            "grid.batch_size=[50]",
            "--set",
            "data.n=100",
            "--set",
            "train.epochs=5");
    assertThat(good.exitCode()).as(good.stderr()).isZero();
    Files.createDirectories(work.resolve("specs"));
    Files.writeString(
        work.resolve("specs/relative.yaml"), "data:\n  kind: csv\n  path: nowhere.csv\n");
    held = SweepLock.acquire(work.resolve("out").toString(), "held");
    tablesBefore = snapshot(work.resolve("out"));
  }

  @AfterAll
  static void releaseTheHeldSweep() {
    if (held != null) {
      held.close();
    }
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("wrong type", List.of("--set", "data.n=many"), "data.n: got 'many'"),
        Arguments.of("NaN", List.of("--set", "data.noise=NaN"), "data.noise: got 'NaN'"),
        Arguments.of(
            "infinite lr",
            List.of("--set", "grid.lr=[1e999]"),
            "grid.lr: Infinity is not a learning rate"),
        Arguments.of(
            "zero batch",
            List.of("--set", "grid.batch_size=[0]"),
            "grid.batch_size: 0 is not a batch size"),
        Arguments.of("negative n", List.of("--set", "data.n=-5"), "data.n: got -5"),
        Arguments.of("zero epochs", List.of("--set", "train.epochs=0"), "train.epochs: got 0"),
        Arguments.of(
            "batch larger than n",
            List.of("--set", "data.n=100", "--set", "grid.batch_size=[200]"),
            "grid.batch_size: 200 is larger than the 100 training points"),
        Arguments.of("empty grid", List.of("--set", "grid.lr=[]"), "grid.lr: the axis is empty"),
        Arguments.of(
            "over the run limit",
            List.of("--set", "limits.max_runs=10"),
            "grid: 2000 runs is more than limits.max_runs = 10"),
        Arguments.of(
            "unknown key", List.of("--set", "grid.batchsize=[10]"), "unknown key 'grid.batchsize'"),
        Arguments.of(
            "unknown schedule",
            List.of("--set", "grid.schedule=[linear]"),
            "grid.schedule: 'linear' is not a schedule; accepted: constant, step(E, gamma)"),
        Arguments.of(
            "nesterov without momentum",
            List.of("--set", "grid.optimizer=[sgd]", "--set", "grid.nesterov=[true]"),
            "grid.nesterov: true needs sgd momentum > 0"),
        Arguments.of(
            "missing spec", List.of("no-such-spec.yaml"), "spec no-such-spec.yaml: no such file"),
        Arguments.of("missing csv", csv("missing.csv"), "missing.csv does not exist"),
        Arguments.of("empty csv", csv("empty.csv"), "the file is empty"),
        Arguments.of("non-numeric csv", csv("words.csv"), "line 3: y = 'one' is not a number"),
        Arguments.of("NaN in csv", csv("nan.csv"), "line 3: x = NaN is not finite"),
        Arguments.of("one-column csv", csv("one-column.csv"), "has no column y"),
        Arguments.of(
            "header-only csv",
            csv("header-only.csv"),
            "0 point(s) for 1 feature(s); at least features + 2 = 3 are needed"),
        Arguments.of(
            "constant feature column",
            csv("constant.csv"),
            "feature column b is constant (every value 2.0)"),
        Arguments.of(
            "init weights for other d",
            concat(csv("features.csv"), "--set", "train.init.weights=[0.1, 0.2, 0.3]"),
            "train.init.weights: 3 weights for data with 2 feature(s) (a, b)"),
        Arguments.of(
            "linear data without weights",
            List.of("--set", "data.kind=linear"),
            "data.weights: data.kind linear needs the true weights"),
        Arguments.of(
            "more features than the limit",
            List.of(
                "--set",
                "data.kind=linear",
                "--set",
                "data.weights=[1, 2, 3]",
                "--set",
                "limits.max_features=2"),
            "data.weights: 3 weights is more than limits.max_features = 2"),
        Arguments.of(
            "unknown scale",
            List.of("--set", "grid.scale=[minmax]"),
            "grid.scale: got 'minmax'; accepted: none, standardize"),
        Arguments.of(
            "missing parquet",
            List.of("--set", "data.kind=parquet", "--set", "data.path=none.parquet"),
            "/none.parquet does not exist"),
        Arguments.of("resume without id", List.of("--resume"), "--resume needs --sweep-id"),
        Arguments.of(
            "bad sweep id", List.of("--sweep-id", "../escape"), "--sweep-id ../escape: accepted"),
        Arguments.of(
            "sweep id being written",
            List.of("--sweep-id", "held", "--set", "grid.batch_size=[50]"),
            "--sweep-id held: another run is writing this sweep (pid "
                + ProcessHandle.current().pid()),
        Arguments.of(
            "momentum no optimizer takes",
            List.of("--set", "grid.momentum=[0.9]"),
            "grid.momentum: [0.9] would be ignored: no optimizer in grid.optimizer [adam] takes momentum"),
        Arguments.of(
            "validation file ignored",
            List.of(
                "--set",
                "data.kind=csv",
                "--set",
                "data.path=words.csv",
                "--set",
                "data.validation=none",
                "--set",
                "data.validation_path=words.csv"),
            "data.validation_path is set but data.validation is none"),
        Arguments.of(
            "points table as data",
            List.of("--set", "data.kind=parquet", "--set", "data.path=out/tables/points"),
            "has a column split, like batchsweep's points table"),
        Arguments.of(
            "relative csv from --set",
            csv("missing.csv"),
            "data.path: " + work.resolve("missing.csv") + " does not exist"),
        Arguments.of(
            "relative csv in a spec file",
            List.of("specs/relative.yaml"),
            "data.path: " + work.resolve("specs/nowhere.csv") + " does not exist"));
  }

  private static List<String> concat(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  private static List<String> csv(String file) {
    return List.of("--set", "data.kind=csv", "--set", "data.path=" + file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void isRefusedWithOneLineAndNoTableTouched(String name, List<String> args, String message)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("run", "--out", "out"));
    command.addAll(args);
    Submit.Result result = submit.run(command.toArray(String[]::new));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderrLines()).hasSize(1);
    assertThat(result.stderrLines().get(0)).startsWith("error: ").contains(message);
    assertThat(snapshot(work.resolve("out"))).isEqualTo(tablesBefore);
  }

  @ParameterizedTest(name = "--out {0}")
  @MethodSource("unwritable")
  void anUnwritableOutputFolderIsRefusedBeforeAnyWork(String out) throws Exception {
    Submit.Result result = submit.run("run", "--out", out, "--set", "grid.batch_size=[50]");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderrLines()).hasSize(1);
    assertThat(result.stderrLines().get(0)).startsWith("error: --out " + out + ": ");
    assertThat(snapshot(work.resolve("out"))).isEqualTo(tablesBefore);
  }

  @ParameterizedTest
  @MethodSource("jitCommands")
  void anUnknownJitModeIsRefusedBeforeAnyWork(List<String> command) throws Exception {
    Submit.Result result =
        new Submit(work)
            .withEnvironment(QuickCompilation.ENVIRONMENT_KEY, "c1")
            .run(command.toArray(String[]::new));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderrLines())
        .containsExactly(
            "error: BATCHSWEEP_JIT: 'c1' is not a JIT mode; accepted: auto, quick, full");
    assertThat(snapshot(work.resolve("out"))).isEqualTo(tablesBefore);
  }

  /** Every command whose JVM ./submit starts with a JIT chosen by BATCHSWEEP_JIT. */
  static Stream<List<String>> jitCommands() {
    return Stream.of(
        List.of("run", "--out", "out", "--sweep-id", "jit", "--set", "grid.batch_size=[50]"),
        List.of("sql", "SELECT count(*) FROM runs", "--out", "out"),
        List.of("explain", "--out", "out"),
        List.of("report", "--out", "out"));
  }

  static Stream<String> unwritable() {
    return Stream.of("a-file/results", "/proc/batchsweep-results");
  }

  /** Every file under a folder with its size and modification time. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(
            root.relativize(p).toString(),
            Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }
}
