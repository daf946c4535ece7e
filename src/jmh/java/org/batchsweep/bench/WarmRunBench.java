package org.batchsweep.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.batchsweep.cli.BatchSweep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a command costs in a JVM that has already run it: the floor a long-lived, warm driver could
 * reach, with no JVM or Spark start-up and no cold code. Each operation is one whole command as
 * {@code ./submit} runs it ({@link BatchSweep#execute}): the seed sweep end to end into a fresh
 * folder (its own SparkSession, tables, fixes, summary and report), or {@code sql 'SELECT 1'}.
 * Spark's settings come from {@code conf/spark-defaults.conf}, as {@code ./submit} passes them; run
 * it with {@code src/jmh/scripts/warm.sh}, which also gives the fork the driver's JVM options.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 6)
@Measurement(iterations = 6)
public class WarmRunBench {

  @Param({"run", "sql"})
  String command;

  private Path scratch;
  private Path fixture;
  private Path out;

  @Setup(Level.Trial)
  public void start() throws IOException {
    Properties defaults = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("conf/spark-defaults.conf"))) {
      defaults.load(in);
    }
    // SparkConf reads spark.* system properties, which is how spark-submit hands them on too.
    defaults.stringPropertyNames().stream()
        .filter(key -> key.startsWith("spark."))
        .forEach(key -> System.setProperty(key, defaults.getProperty(key).strip()));
    System.setProperty("spark.master", "local[*]");
    scratch = Files.createTempDirectory("warm-run-bench");
    fixture = scratch.resolve("fixture");
    execute("run", "seed", "--set", "grid.seed=[0]", "--out", fixture.toString());
  }

  @Setup(Level.Iteration)
  public void freshFolder() throws IOException {
    out = Files.createTempDirectory(scratch, "run");
  }

  @Benchmark
  public int command() {
    return "run".equals(command)
        ? execute("run", "--out", out.toString())
        : execute("sql", "SELECT 1", "--out", fixture.toString());
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    try (var paths = Files.walk(scratch)) {
      paths.sorted(Comparator.reverseOrder()).forEach(WarmRunBench::delete);
    }
  }

  /**
   * Runs one command with its output kept off JMH's lines; what it printed is shown if it fails.
   */
  private static int execute(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    int status;
    try {
      status = BatchSweep.execute(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    if (status != 0) {
      throw new IllegalStateException(
          String.join(" ", args)
              + ": exit status "
              + status
              + "\n"
              + printed.toString(StandardCharsets.UTF_8));
    }
    return status;
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
