package org.batchsweep.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cluster start}, with the folder locked: refuse a running cluster, end what an earlier one
 * left, write the configs, launch the master and then the workers (saving the state after each, so
 * that {@code cluster stop} can end whatever was started), and wait until every worker is alive at
 * the master. On failure everything launched is ended and the secret deleted.
 */
final class ClusterStart {

  private final ClusterLayout layout;
  private final PrintStream out;
  private final ClusterConfigs configs;

  ClusterStart(ClusterLayout layout, PrintStream out) {
    this.layout = layout;
    this.out = out;
    this.configs = new ClusterConfigs(layout);
  }

  @SuppressWarnings("try") // the lock is held for the block
  ClusterState run(ClusterOptions options) {
    long workerMb = options.checkedWorkerMb();
    ClusterFiles.createDirectory(layout.dir());
    try (FolderLock lock = FolderLock.take(layout)) {
      Optional<ClusterState> existing = ClusterState.load(layout.state());
      if (existing.isPresent()
          && existing.get().daemons().stream().anyMatch(d -> d.alive(layout))) {
        throw new ClusterException(
            "a cluster is already running in "
                + layout.dir()
                + " (master "
                + existing.get().masterUrl()
                + "); stop it first with ./submit cluster stop --out "
                + layout.dir().getParent());
      }
      cleanUpLeftovers(existing.isPresent());
      options.checkPortsFree();

      List<Path> jars = SparkJars.fromProject(SparkJars.projectHome());
      configs.prepareSparkHome(jars);
      String secret = PrivateFiles.newSecret();
      configs.write(secret, workerMb);

      long deadline = System.nanoTime() + options.timeout().toNanos();
      List<Process> launched = new ArrayList<>();
      try {
        return launch(options, new DaemonLauncher(layout, secret), launched, deadline);
      } catch (RuntimeException e) {
        launched.forEach(p -> p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly));
        ProcessTable.terminate(
            launched.stream().map(Process::toHandle).toList(), Duration.ofSeconds(5));
        ProcessTable.terminate(ProcessTable.clusterProcesses(layout), Duration.ofSeconds(5));
        configs.delete();
        throw e;
      }
    }
  }

  private ClusterState launch(
      ClusterOptions options, DaemonLauncher launcher, List<Process> launched, long deadline) {
    // The master: its URL and web UI port are read from its log, so port 0 never races.
    Process masterProcess =
        launcher.spawn(
            "master",
            layout.masterLog(),
            null,
            DaemonLauncher.MASTER_CLASS,
            "--host",
            LocalCluster.HOST,
            "--port",
            Integer.toString(options.port()),
            "--webui-port",
            Integer.toString(options.webUiPort()),
            "--properties-file",
            layout.daemonConf().toString());
    launched.add(masterProcess);
    DaemonProcess master = DaemonProcess.of("master", masterProcess.toHandle(), "");
    ClusterState state =
        new ClusterState("", "", master, List.of(), options.cores(), options.memory());
    state.save(layout.state()); // from here on, cluster stop can end what was started

    DaemonLog masterLog = new DaemonLog("master", layout.masterLog());
    String masterUrl = masterLog.await(masterProcess, DaemonLog.MASTER_URL, deadline);
    String webUi =
        "http://"
            + LocalCluster.HOST
            + ":"
            + masterLog.await(masterProcess, DaemonLog.MASTER_UI, deadline);
    master =
        new DaemonProcess(
            "master", master.pid(), master.startMillis(), masterUrl.substring("spark://".length()));
    state =
        new ClusterState(masterUrl, webUi, master, List.of(), options.cores(), options.memory());
    state.save(layout.state());

    List<Process> workerProcesses = new ArrayList<>();
    List<DaemonProcess> workers = new ArrayList<>();
    for (int i = 1; i <= options.workers(); i++) {
      Path work = layout.workDir(i);
      ClusterFiles.createDirectory(work);
      Process p =
          launcher.spawn(
              "worker-" + i,
              layout.workerLog(i),
              work,
              DaemonLauncher.WORKER_CLASS,
              "--host",
              LocalCluster.HOST,
              "--port",
              "0",
              "--webui-port",
              "0",
              "--cores",
              Integer.toString(options.cores()),
              "--memory",
              options.memory(),
              "--work-dir",
              work.toString(),
              "--properties-file",
              layout.daemonConf().toString(),
              masterUrl);
      launched.add(p);
      workerProcesses.add(p);
      workers.add(DaemonProcess.of("worker-" + i, p.toHandle(), ""));
      state = state.withWorkers(workers);
      state.save(layout.state());
    }
    for (int i = 1; i <= options.workers(); i++) {
      DaemonLog log = new DaemonLog("worker-" + i, layout.workerLog(i));
      String address = log.await(workerProcesses.get(i - 1), DaemonLog.WORKER_ADDRESS, deadline);
      DaemonProcess w = workers.get(i - 1);
      workers.set(i - 1, new DaemonProcess(w.name(), w.pid(), w.startMillis(), address));
    }
    state = state.withWorkers(workers);
    state.save(layout.state());
    awaitWorkersAlive(state, masterProcess, deadline);
    return state;
  }

  private void awaitWorkersAlive(ClusterState state, Process master, long deadline) {
    List<Integer> ports = state.workers().stream().map(w -> ClusterJvms.port(w.address())).toList();
    while (true) {
      Optional<MasterStatus> status = MasterStatus.fetch(state.webUi(), Duration.ofSeconds(3));
      if (status.isPresent()
          && ports.stream()
              .allMatch(
                  p ->
                      status.get().workers().stream()
                          .anyMatch(w -> w.port() == p && "ALIVE".equals(w.state())))) {
        return;
      }
      if (!master.isAlive()) {
        throw new ClusterException(
            "the master exited while workers registered; the end of "
                + layout.masterLog()
                + ":\n"
                + new DaemonLog("master", layout.masterLog()).tail());
      }
      for (DaemonProcess w : state.workers()) {
        if (!w.alive(layout)) {
          Path log = layout.workerLog(Integer.parseInt(w.name().substring("worker-".length())));
          throw new ClusterException(
              "the "
                  + w.name()
                  + " exited while registering; the end of "
                  + log
                  + ":\n"
                  + new DaemonLog(w.name(), log).tail());
        }
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException(
            "the workers did not register with the master in time; see "
                + layout.dir()
                + "/worker-*.log and master.log");
      }
      Pause.millis(500);
    }
  }

  /** Ends JVMs of an earlier cluster in this folder that is recorded as stopped or crashed. */
  private void cleanUpLeftovers(boolean hadState) {
    List<ProcessHandle> strays = ProcessTable.clusterProcesses(layout);
    if (!strays.isEmpty()) {
      out.println(
          "stopping "
              + strays.size()
              + " JVM(s) left from an earlier cluster here: "
              + ClusterJvms.describe(strays));
      List<ProcessHandle> stuck = ProcessTable.terminate(strays, Duration.ofSeconds(10));
      if (!stuck.isEmpty()) {
        throw new ClusterException(
            "could not stop "
                + ClusterJvms.describe(stuck)
                + " of an earlier cluster in "
                + layout.dir());
      }
    }
    if (hadState) {
      out.println(
          "replacing the state of an earlier cluster in "
              + layout.dir()
              + " that is no longer running");
    }
    configs.delete();
  }
}
