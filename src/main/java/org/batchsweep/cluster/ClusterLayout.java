package org.batchsweep.cluster;

import java.nio.file.Path;
import org.batchsweep.BadInputException;

/**
 * Where a one-machine cluster keeps its state: everything lives under {@code <out>/cluster/}.
 *
 * <pre>
 * cluster.properties   what is running: master URL, web UI, pid and start time of each daemon
 * client.conf          Spark properties an application needs to join (the secret: mode 0600)
 * daemon.conf          Spark properties of the master and workers (no secret)
 * submit-*.conf        ./submit's properties merged with client.conf (mode 0600)
 * log4j2.properties    the daemons' logging
 * master.log, worker-N.log
 * spark-home/jars/     links to the project's Spark jars: the SPARK_HOME executors are launched from
 * work/worker-N/       each worker's work folder (executor stdout/stderr per application)
 * local/               scratch space of workers and executors (SPARK_LOCAL_DIRS)
 * </pre>
 */
public record ClusterLayout(Path dir) {

  /** The cluster folder under an output folder given on the command line. */
  public static ClusterLayout under(String out) {
    if (out.contains("://") && !out.startsWith("file:")) {
      throw new BadInputException(
          "--out "
              + out
              + ": a one-machine cluster keeps its state on the local disk; pass a local folder");
    }
    Path base = out.startsWith("file:") ? Path.of(java.net.URI.create(out)) : Path.of(out);
    return new ClusterLayout(base.toAbsolutePath().normalize().resolve("cluster"));
  }

  public Path state() {
    return dir.resolve("cluster.properties");
  }

  public Path clientConf() {
    return dir.resolve("client.conf");
  }

  public Path daemonConf() {
    return dir.resolve("daemon.conf");
  }

  public Path log4j() {
    return dir.resolve("log4j2.properties");
  }

  public Path lock() {
    return dir.resolve(".lock");
  }

  public Path masterLog() {
    return dir.resolve("master.log");
  }

  public Path workerLog(int worker) {
    return dir.resolve("worker-" + worker + ".log");
  }

  public Path sparkHome() {
    return dir.resolve("spark-home");
  }

  public Path jars() {
    return sparkHome().resolve("jars");
  }

  public Path sparkConf() {
    return sparkHome().resolve("conf");
  }

  public Path workDir(int worker) {
    return dir.resolve("work").resolve("worker-" + worker);
  }

  public Path localDir() {
    return dir.resolve("local");
  }

  /**
   * A string found on the command line of every JVM of this cluster: the daemons carry it as a
   * system property, and executors have the cluster's SPARK_HOME on their class path.
   */
  public String marker() {
    return sparkHome().toString() + "/";
  }
}
