package org.batchsweep.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What the operating system says about processes: command lines, start times, and ending them. */
public final class ProcessTable {

  public static final String EXECUTOR_CLASS =
      "org.apache.spark.executor.CoarseGrainedExecutorBackend";

  private ProcessTable() {}

  /**
   * A process's arguments, the program first. On Linux read whole from /proc (the class path of a
   * Spark JVM is long); elsewhere what the JDK reports. Empty when the process is gone or hidden.
   */
  public static List<String> arguments(ProcessHandle process) {
    Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    if (Files.isReadable(Path.of("/proc/self/cmdline"))) {
      try {
        String text = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
        if (text.isEmpty()) {
          return List.of(); // a zombie, or a kernel thread
        }
        List<String> args = Arrays.asList(text.split("\0", -1));
        int count = args.size();
        while (count > 0 && args.get(count - 1).isEmpty()) {
          count--; // every argument ends with a NUL, the last one too
        }
        return args.subList(0, count);
      } catch (IOException | SecurityException e) {
        return List.of();
      }
    }
    ProcessHandle.Info info = process.info();
    List<String> args = new ArrayList<>();
    info.command().ifPresent(args::add);
    info.arguments().ifPresent(a -> args.addAll(Arrays.asList(a)));
    return args;
  }

  /** When the process started, in epoch milliseconds, or -1 when unknown. */
  public static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
  }

  /**
   * Whether a command line names a path under {@code prefix} (which ends with '/') as a whole
   * argument or as an entry of a class path or a {@code -Dkey=value} option.
   */
  public static boolean mentions(List<String> args, String prefix) {
    for (String arg : args) {
      if (arg.startsWith(prefix) || arg.contains(":" + prefix) || arg.contains("=" + prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Live processes (other than this one) whose command line mentions {@code prefix}. */
  public static List<ProcessHandle> mentioning(String prefix) {
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self && p.isAlive())
        .filter(p -> mentions(arguments(p), prefix))
        .toList();
  }

  /**
   * Every JVM of a one-machine cluster still running: daemons and executors, even orphaned ones.
   */
  public static List<ProcessHandle> clusterProcesses(ClusterLayout layout) {
    return mentioning(layout.marker());
  }

  /** The executor JVMs of a one-machine cluster. */
  public static List<ProcessHandle> executors(ClusterLayout layout) {
    return clusterProcesses(layout).stream()
        .filter(p -> arguments(p).contains(EXECUTOR_CLASS))
        .toList();
  }

  /** The process with this pid if it is still the one that started at {@code startMillis}. */
  public static Optional<ProcessHandle> same(long pid, long startMillis) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> startMillis(p) == startMillis);
  }

  /**
   * Ends processes: SIGTERM first (Spark daemons stop their executors and clean up on it), then
   * SIGKILL for any still alive after {@code grace}. Returns the processes that are still alive
   * afterwards (none, unless the system refused).
   */
  public static List<ProcessHandle> terminate(Collection<ProcessHandle> processes, Duration grace) {
    processes.forEach(ProcessHandle::destroy);
    awaitExit(processes, grace);
    processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    awaitExit(processes, Duration.ofSeconds(10));
    return processes.stream().filter(ProcessHandle::isAlive).toList();
  }

  private static void awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle p : processes) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        p.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        // onExit does not fail; treat like a timeout of this one
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
