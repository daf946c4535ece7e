package org.batchsweep.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * {@code ./submit} as a user runs it, for end-to-end tests: its own process started from a working
 * folder of the test's, with the project's own Spark whatever the developer's shell points to,
 * stdout and stderr captured in files, and always bounded by a timeout after which the process and
 * everything it started are killed.
 */
public final class Submit {

  /** How long {@link #run(String...)} waits before it kills ./submit and fails. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /**
   * {@code --set} options for a sweep of 3,200 runs in chunks of 400 that trains long enough to be
   * stopped after its first chunk is committed ({@link #chunkCommitted}).
   */
  public static final List<String> SLOW_SWEEP =
      List.of(
          "--set",
          "grid.seed=[0,1,2,3,4,5,6,7]",
          "--set",
          "train.epochs=300",
          "--set",
          "limits.chunk_runs=400",
          "--set",
          "train.record_epochs=false");

  private static boolean classArchivePrepared;

  private final Path workDir;
  private final Path logs;
  private final Map<String, String> environment = new java.util.LinkedHashMap<>();
  private File input = new File("/dev/null");
  private int calls;

  /** Runs ./submit in {@code workDir}; its output goes to {@code logs/<n>-<label>.out|err}. */
  public Submit(Path workDir, Path logs) {
    this.workDir = workDir;
    this.logs = logs;
  }

  /** Runs ./submit in {@code workDir}, its output kept in that same folder. */
  public Submit(Path workDir) {
    this(workDir, workDir);
  }

  /**
   * Whether a sweep running into {@code out} has committed its first chunk of runs: a part file
   * directly in its staged partition folder (files still being written sit under {@code
   * _temporary}).
   */
  public static boolean chunkCommitted(Path out, String sweepId) {
    Path partition = out.resolve("staging/" + sweepId + "/runs/sweep_id=" + sweepId);
    if (!Files.isDirectory(partition)) {
      return false;
    }
    try (java.util.stream.Stream<Path> files = Files.list(partition)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("part-"));
    } catch (IOException e) {
      return false; // the folder moved or vanished while listed: not yet, or no longer, staged
    }
  }

  /** The project's folder, where ./submit is (Maven passes it as {@code batchsweep.home}). */
  public static Path home() {
    return Path.of(System.getProperty("batchsweep.home", ".")).toAbsolutePath().normalize();
  }

  /** A finished ./submit. */
  public record Result(String command, int exitCode, String stdout, String stderr) {

    /** Stderr's non-blank lines. */
    public List<String> stderrLines() {
      return stderr.lines().filter(l -> !l.isBlank()).toList();
    }

    /** For assertion messages: the command, its exit status and the end of its output. */
    public String describe() {
      return "./submit "
          + command
          + " exited "
          + exitCode
          + "\n--- stdout\n"
          + tail(stdout)
          + "\n--- stderr\n"
          + tail(stderr);
    }
  }

  /** A running ./submit. */
  public static final class Running {
    private final String command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private Running(String command, Process process, Path stdout, Path stderr) {
      this.command = command;
      this.process = process;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    /** What it has written to stderr so far. */
    public String stderr() {
      return read(stderr);
    }

    public boolean isAlive() {
      return process.isAlive();
    }

    /** Waits until {@code condition} holds; fails if the process ends or the time is up first. */
    public void awaitCondition(String what, Duration timeout, BooleanSupplier condition)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!condition.getAsBoolean()) {
        if (!process.isAlive()) {
          throw new AssertionError("waiting for " + what + ", but " + result().describe());
        }
        if (System.nanoTime() > deadline) {
          kill();
          throw new AssertionError(
              "no " + what + " within " + timeout + "; " + result().describe());
        }
        Thread.sleep(50); // cheap checks; a sweep's first chunk is soon followed by the next
      }
    }

    /**
     * SIGINT to the driver, as Ctrl-C in a terminal sends it (started with {@link
     * Submit#startInterruptible}); fails if it has already ended.
     */
    public void interrupt() throws InterruptedException, IOException {
      if (!process.isAlive()) {
        throw new AssertionError("interrupting, but " + result().describe());
      }
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
      if (kill.waitFor() != 0) {
        throw new AssertionError("kill -INT " + process.pid() + " failed; " + result().describe());
      }
    }

    /**
     * Ctrl-C ({@link #interrupt}) once the sweep {@code sweepId} running into {@code out} has
     * committed its first chunk, then waits for the end.
     */
    public Result interruptAfterFirstChunk(Path out, String sweepId)
        throws InterruptedException, IOException {
      awaitCondition(
          "the sweep's first chunk", Duration.ofMinutes(3), () -> chunkCommitted(out, sweepId));
      interrupt();
      return await(Duration.ofSeconds(90));
    }

    /** Waits for the end; on timeout kills the process tree and fails. */
    public Result await(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError(
            "./submit "
                + command
                + " did not finish within "
                + timeout
                + "; "
                + result().describe());
      }
      return result();
    }

    /**
     * SIGKILL to the process and everything it started (no shutdown hook runs), and waits for them
     * to end.
     */
    public void kill() throws InterruptedException {
      List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
      tree.add(process.toHandle());
      tree.forEach(ProcessHandle::destroyForcibly);
      for (ProcessHandle p : tree) {
        try {
          p.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          // reported by the callers' own checks
        }
      }
    }

    private Result result() {
      return new Result(
          command, process.isAlive() ? -1 : process.exitValue(), read(stdout), read(stderr));
    }
  }

  /** Starts {@code ./submit args...} without waiting. */
  public Running start(String... args) {
    return startAs("submit", args);
  }

  /** Starts {@code ./submit args...} without waiting; {@code label} names its output files. */
  public Running startAs(String label, String... args) {
    return start(label, List.of(), args);
  }

  /**
   * Starts {@code ./submit args...} as from a terminal, where Ctrl-C reaches it ({@link
   * Running#interrupt}): perl gives SIGINT its default disposition back (a test JVM started in the
   * background passes it on ignored) and execs ./submit, which execs java, so the pid is the
   * driver's.
   */
  public Running startInterruptible(String label, String... args) {
    return start(
        label,
        List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\\n\""),
        args);
  }

  private Running start(String label, List<String> launcher, String... args) {
    prepareClassArchiveOnce();
    List<String> command = new ArrayList<>(launcher);
    command.add(home().resolve("submit").toString());
    command.addAll(List.of(args));
    calls++;
    try {
      Files.createDirectories(logs);
      Path out = logs.resolve(calls + "-" + label + ".out");
      Path err = logs.resolve(calls + "-" + label + ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(input));
      Map<String, String> env = builder.environment();
      // The project's own Spark, whatever the developer's shell points to (SPARK_LOCAL_IP stays:
      // the
      // build sets it so Spark binds to loopback without a warning).
      env.keySet()
          .removeIf(
              k ->
                  (k.startsWith("SPARK_") && !k.equals("SPARK_LOCAL_IP"))
                      || k.equals("BATCHSWEEP_CLUSTER_DIR"));
      env.putAll(environment);
      return new Running(label + ": " + String.join(" ", args), builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives the commands this starts from now on {@code file} as standard input (not /dev/null). */
  public Submit withInput(Path file) {
    input = file.toFile();
    return this;
  }

  /** Sets an environment variable for the commands this starts from now on. */
  public Submit withEnvironment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /**
   * The first ./submit on a checkout prepares the class-data archive of Spark's classes (about 40
   * s, see the script). That is done once per test JVM here, outside every test's own timeout, with
   * a command that needs no tables: it stops with "no such folder" right after.
   */
  private static synchronized void prepareClassArchiveOnce() {
    if (classArchivePrepared) {
      return;
    }
    classArchivePrepared = true;
    try {
      Path empty = Files.createTempDirectory("batchsweep-prepare");
      Process p =
          new ProcessBuilder(
                  home().resolve("submit").toString(),
                  "sql",
                  "SELECT 1",
                  "--out",
                  empty.resolve("none").toString())
              .directory(empty.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs {@code ./submit args...} to its end, within {@link #DEFAULT_TIMEOUT}. */
  public Result run(String... args) throws InterruptedException {
    return start(args).await(DEFAULT_TIMEOUT);
  }

  /** Runs {@code ./submit args...} to its end, within {@code timeout}. */
  public Result runAs(String label, Duration timeout, String... args) throws InterruptedException {
    return startAs(label, args).await(timeout);
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String text) {
    List<String> lines = text.lines().filter(l -> !l.startsWith("\tat ")).toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
