package org.batchsweep.cluster;

import java.util.Optional;

/**
 * A master or worker JVM that {@code cluster start} launched, identified by pid and start time so
 * that a recycled pid is never taken for it.
 *
 * @param name {@code master} or {@code worker-N}
 * @param pid its process id
 * @param startMillis when it started (epoch milliseconds, as the operating system reports it)
 * @param address host:port of its RPC endpoint (empty when not known)
 */
public record DaemonProcess(String name, long pid, long startMillis, String address) {

  /**
   * The running process, if it is still this daemon (same pid, same start, still of this cluster).
   */
  public Optional<ProcessHandle> handle(ClusterLayout layout) {
    return ProcessTable.same(pid, startMillis)
        .filter(p -> ProcessTable.mentions(ProcessTable.arguments(p), layout.marker()));
  }

  public boolean alive(ClusterLayout layout) {
    return handle(layout).isPresent();
  }

  static DaemonProcess of(String name, ProcessHandle process, String address) {
    return new DaemonProcess(name, process.pid(), ProcessTable.startMillis(process), address);
  }
}
