package org.batchsweep.cluster;

import java.io.PrintStream;

/**
 * A Spark standalone cluster on this machine: Spark's own {@code Master} and {@code Worker} JVMs,
 * run from the project's Spark jars, bound to 127.0.0.1, with authentication and encryption on and
 * a fresh secret per start. {@link #start} and {@link #stop} take the cluster folder's lock, so two
 * of them on one folder never interleave.
 *
 * <p>This class only dispatches: {@link ClusterStart}, {@link ClusterStop} and {@link
 * ClusterStatus} do the work, with {@link ClusterOptions} (checks), {@link ClusterConfigs} (the
 * files), {@link DaemonLauncher} (the JVMs), {@link DaemonLog} (reading their logs) and {@link
 * FolderLock}.
 */
public final class LocalCluster {

  /** Every socket of the cluster, its web UIs included, listens on loopback only. */
  public static final String HOST = "127.0.0.1";

  private final ClusterLayout layout;
  private final PrintStream out;

  public LocalCluster(ClusterLayout layout, PrintStream out) {
    this.layout = layout;
    this.out = out;
  }

  public ClusterLayout layout() {
    return layout;
  }

  /**
   * Starts master and workers and returns what was started, once every worker is alive at the
   * master.
   */
  public ClusterState start(ClusterOptions options) {
    return new ClusterStart(layout, out).run(options);
  }

  /** Stops the cluster: workers (and their executors), then the master, then anything left. */
  public boolean stop() {
    return new ClusterStop(layout, out).run();
  }

  /**
   * Prints the cluster's state; returns 0 when master and all workers run, 1 when some do not, 3
   * when none is recorded.
   */
  public int status() {
    return new ClusterStatus(layout, out).print();
  }
}
