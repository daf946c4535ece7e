package org.batchsweep.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code ./submit} as a user runs it, from integration tests: its own process, output captured in
 * files under a log folder, always bounded by a timeout after which the process and its children
 * are killed.
 */
final class Submit {

  private Submit() {}

  static Path home() {
    return Path.of(System.getProperty("batchsweep.home", ".")).toAbsolutePath().normalize();
  }

  /** A finished ./submit. */
  record Result(String name, int exitCode, String stdout, String stderr) {
    /** For assertion messages. */
    String describe() {
      return "./submit " + name + " exited " + exitCode + "\n--- stdout\n" + tail(stdout) + "\n--- stderr\n" + tail(stderr);
    }
  }

  /** A running ./submit. */
  static final class Running {
    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private Running(String name, Process process, Path stdout, Path stderr) {
      this.name = name;
      this.process = process;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    String stderr() {
      return read(stderr);
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** Waits until {@code condition} holds; fails if the process ends or the time is up first. */
    void awaitCondition(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!condition.getAsBoolean()) {
        if (!process.isAlive()) {
          throw new AssertionError("waiting for " + what + ", but " + result().describe());
        }
        if (System.nanoTime() > deadline) {
          kill();
          throw new AssertionError("no " + what + " within " + timeout + "; " + result().describe());
        }
        Thread.sleep(200);
      }
    }

    /** Waits for the end; on timeout kills the process tree and fails. */
    Result await(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill();
        throw new AssertionError("./submit " + name + " did not finish within " + timeout + "; " + result().describe());
      }
      return result();
    }

    /** Kills the process and everything it started, and waits for them to end. */
    void kill() throws InterruptedException {
      List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
      tree.add(process.toHandle());
      tree.forEach(ProcessHandle::destroyForcibly);
      for (ProcessHandle p : tree) {
        try {
          p.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          // reported by the callers' own checks
        }
      }
    }

    private Result result() {
      return new Result(name, process.isAlive() ? -1 : process.exitValue(), read(stdout), read(stderr));
    }
  }

  /** Starts {@code ./submit args...}; output goes to {@code logs/<label>.out|err}. */
  static Running start(Path logs, String label, String... args) {
    List<String> command = new ArrayList<>();
    command.add(home().resolve("submit").toString());
    command.addAll(List.of(args));
    try {
      Files.createDirectories(logs);
      Path out = logs.resolve(label + ".out");
      Path err = logs.resolve(label + ".err");
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(home().toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Map<String, String> env = builder.environment();
      // The project's own Spark, whatever the developer's shell points to.
      env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.equals("BATCHSWEEP_CLUSTER_DIR"));
      return new Running(label + ": " + String.join(" ", args), builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Result run(Path logs, String label, Duration timeout, String... args) throws InterruptedException {
    return start(logs, label, args).await(timeout);
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
