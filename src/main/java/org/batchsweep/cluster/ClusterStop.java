package org.batchsweep.cluster;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cluster stop}, with the folder locked: the recorded workers (and their executors), then
 * the master, each only if it is still the process that was started; then any other JVM of this
 * cluster; then the state and the secret. Logs stay.
 */
final class ClusterStop {

  private final ClusterLayout layout;
  private final PrintStream out;

  ClusterStop(ClusterLayout layout, PrintStream out) {
    this.layout = layout;
    this.out = out;
  }

  /** Returns whether a cluster was recorded. */
  @SuppressWarnings("try") // the lock is held for the block
  boolean run() {
    if (!Files.isDirectory(layout.dir())) {
      out.println("no cluster in " + layout.dir());
      return false;
    }
    try (FolderLock lock = FolderLock.take(layout)) {
      Optional<ClusterState> state = ClusterState.load(layout.state());
      if (state.isEmpty()) {
        out.println("no cluster recorded in " + layout.dir());
      }
      state.ifPresent(this::stopRecorded);
      List<ProcessHandle> leftovers = ProcessTable.clusterProcesses(layout);
      if (!leftovers.isEmpty()) {
        out.println(
            "stopping "
                + leftovers.size()
                + " more JVM(s) of this cluster: "
                + ClusterJvms.describe(leftovers));
        ProcessTable.terminate(leftovers, Duration.ofSeconds(10));
      }
      new ClusterConfigs(layout).delete();
      List<ProcessHandle> remaining = ProcessTable.clusterProcesses(layout);
      if (!remaining.isEmpty()) {
        throw new ClusterException("could not stop " + ClusterJvms.describe(remaining));
      }
      if (state.isPresent()) {
        out.println("cluster stopped; logs kept in " + layout.dir());
      }
      return state.isPresent();
    }
  }

  private void stopRecorded(ClusterState state) {
    if (state.master() != null && state.master().alive(layout)) {
      MasterStatus.fetch(state.webUi(), Duration.ofSeconds(3))
          .ifPresent(
              s ->
                  s.activeApps()
                      .forEach(
                          app ->
                              out.println(
                                  "note: "
                                      + app.id()
                                      + " ("
                                      + app.name()
                                      + ") is still running; its driver is not part of "
                                      + "the cluster and will wait for the master until you stop it")));
    }
    List<ProcessHandle> workers = new ArrayList<>();
    for (DaemonProcess w : state.workers()) {
      Optional<ProcessHandle> h = w.handle(layout);
      if (h.isPresent()) {
        workers.add(h.get());
      } else {
        out.println(w.name() + " (pid " + w.pid() + ") was not running");
      }
    }
    // Executors are the workers' children; a worker stops them on SIGTERM, but remember them in
    // case it cannot.
    List<ProcessHandle> executors = workers.stream().flatMap(ProcessHandle::descendants).toList();
    String stopping = ClusterJvms.describe(workers);
    List<ProcessHandle> stuck =
        new ArrayList<>(ProcessTable.terminate(workers, Duration.ofSeconds(20)));
    if (!workers.isEmpty()) {
      out.println("stopped " + workers.size() + " worker(s): " + stopping);
    }
    List<ProcessHandle> liveExecutors = executors.stream().filter(ProcessHandle::isAlive).toList();
    if (!liveExecutors.isEmpty()) {
      out.println(
          "stopping "
              + liveExecutors.size()
              + " process(es) the workers left: "
              + ClusterJvms.describe(liveExecutors));
      stuck.addAll(ProcessTable.terminate(liveExecutors, Duration.ofSeconds(10)));
    }
    if (state.master() != null) {
      Optional<ProcessHandle> m = state.master().handle(layout);
      if (m.isPresent()) {
        stuck.addAll(ProcessTable.terminate(List.of(m.get()), Duration.ofSeconds(20)));
        out.println(
            "stopped the master (pid " + state.master().pid() + ", " + state.masterUrl() + ")");
      } else {
        out.println("the master (pid " + state.master().pid() + ") was not running");
      }
    }
    if (!stuck.isEmpty()) {
      throw new ClusterException("could not stop " + ClusterJvms.describe(stuck));
    }
  }
}
