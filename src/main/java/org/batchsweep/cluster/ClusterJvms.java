package org.batchsweep.cluster;

import java.util.List;
import java.util.stream.Collectors;

/** How the cluster's JVMs are named in messages: their role and pid. */
final class ClusterJvms {

  private ClusterJvms() {}

  /** E.g. {@code worker 4711, executor 4800}. */
  static String describe(List<ProcessHandle> processes) {
    return processes.stream()
        .map(
            p -> {
              List<String> args = ProcessTable.arguments(p);
              String role =
                  args.contains(ProcessTable.EXECUTOR_CLASS)
                      ? "executor"
                      : args.contains(DaemonLauncher.WORKER_CLASS)
                          ? "worker"
                          : args.contains(DaemonLauncher.MASTER_CLASS) ? "master" : "process";
              return role + " " + p.pid();
            })
        .collect(Collectors.joining(", "));
  }

  /** The port of a {@code host:port} address, or -1 when it has none. */
  static int port(String address) {
    int colon = address.lastIndexOf(':');
    try {
      return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
