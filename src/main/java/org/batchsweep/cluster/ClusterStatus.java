package org.batchsweep.cluster;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code cluster status}: what is recorded, whether each recorded JVM is still that process, and
 * what the master says about its workers and applications. Needs no lock: it only reads.
 */
final class ClusterStatus {

  private final ClusterLayout layout;
  private final PrintStream out;

  ClusterStatus(ClusterLayout layout, PrintStream out) {
    this.layout = layout;
    this.out = out;
  }

  /**
   * Prints the cluster's state; returns 0 when master and all workers run, 1 when some do not, 3
   * when none is recorded.
   */
  int print() {
    Optional<ClusterState> loaded =
        Files.isDirectory(layout.dir()) ? ClusterState.load(layout.state()) : Optional.empty();
    if (loaded.isEmpty()) {
      out.println(
          "no cluster in "
              + layout.dir()
              + " (start one with ./submit cluster start --out "
              + layout.dir().getParent()
              + ")");
      List<ProcessHandle> strays =
          Files.isDirectory(layout.dir()) ? ProcessTable.clusterProcesses(layout) : List.of();
      if (!strays.isEmpty()) {
        out.println(
            "but JVMs of it are running: "
                + ClusterJvms.describe(strays)
                + "; ./submit cluster stop ends them");
        return 1;
      }
      return 3;
    }
    ClusterState state = loaded.get();
    boolean masterAlive = state.master() != null && state.master().alive(layout);
    Optional<MasterStatus> reported =
        masterAlive ? MasterStatus.fetch(state.webUi(), Duration.ofSeconds(3)) : Optional.empty();
    out.println("cluster in " + layout.dir());
    out.printf(
        Locale.ROOT,
        "master    %-28s pid %-7d %s%s%n",
        state.masterUrl(),
        state.master() == null ? -1 : state.master().pid(),
        masterAlive ? "alive" : "NOT RUNNING",
        masterAlive
            ? "   web UI "
                + state.webUi()
                + reported.map(s -> " (" + s.status() + ")").orElse(" (not answering)")
            : "");
    boolean allAlive = masterAlive;
    for (DaemonProcess w : state.workers()) {
      boolean alive = w.alive(layout);
      allAlive &= alive;
      String seen =
          reported
              .flatMap(
                  s ->
                      s.workers().stream()
                          .filter(x -> x.port() == ClusterJvms.port(w.address()))
                          .max(Comparator.comparing(MasterStatus.Worker::id)))
              .map(
                  x ->
                      String.format(
                          Locale.ROOT,
                          "   %s at the master, %d/%d cores used, %d MiB",
                          x.state(),
                          x.coresUsed(),
                          x.cores(),
                          x.memoryMb()))
              .orElse(alive && reported.isPresent() ? "   not registered with the master" : "");
      out.printf(
          Locale.ROOT,
          "%-9s %-28s pid %-7d %s%s%n",
          w.name(),
          w.address(),
          w.pid(),
          alive ? "alive" : "NOT RUNNING",
          seen);
    }
    reported.ifPresent(
        s -> {
          for (MasterStatus.App app : s.activeApps()) {
            out.printf(
                Locale.ROOT,
                "app       %-28s %s, %d cores: %s%n",
                app.id(),
                app.state(),
                app.cores(),
                app.name());
          }
        });
    List<ProcessHandle> executors = ProcessTable.executors(layout);
    out.println(
        "executors "
            + executors.size()
            + " running"
            + (executors.isEmpty() ? "" : ": " + ClusterJvms.describe(executors)));
    if (allAlive) {
      out.println(
          "run a sweep on it:  ./submit --master "
              + state.masterUrl()
              + " run [SPEC] --out "
              + layout.dir().getParent());
    } else {
      out.println(
          "some of it is not running: ./submit cluster stop --out "
              + layout.dir().getParent()
              + ", then start it again");
    }
    return allAlive ? 0 : 1;
  }
}
