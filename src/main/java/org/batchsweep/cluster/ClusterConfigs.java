package org.batchsweep.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a cluster start writes into its folder: the Spark home the executors launch from, the
 * daemons' Spark properties and logging, and the clients' properties that hold the secret.
 */
final class ClusterConfigs {

  private final ClusterLayout layout;

  ClusterConfigs(ClusterLayout layout) {
    this.layout = layout;
  }

  /** A fresh {@code spark-home/} whose {@code jars/} links to the project's Spark jars. */
  void prepareSparkHome(List<Path> jars) {
    ClusterFiles.deleteTree(layout.jars());
    ClusterFiles.createDirectory(layout.jars());
    ClusterFiles.createDirectory(layout.sparkConf());
    ClusterFiles.createDirectory(layout.localDir());
    try {
      for (Path jar : jars) {
        Files.createSymbolicLink(layout.jars().resolve(jar.getFileName()), jar);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link the Spark jars into " + layout.jars(), e);
    }
  }

  void write(String secret, long workerMb) {
    // Master and workers: no secret here (they read it from _SPARK_AUTH_SECRET).
    String daemon =
        String.join(
            "\n",
            "# Spark properties of this cluster's master and workers (written by ./submit cluster start).",
            "spark.authenticate                      true",
            "spark.network.crypto.enabled            true",
            "# Refuse clients that authenticate but do not encrypt (Spark's default is to accept them).",
            "spark.network.crypto.saslFallback       false",
            "# The REST submission server does not check spark.authenticate: keep it off.",
            "spark.master.rest.enabled               false",
            "# A fixed --port or --webui-port is taken exactly, or start fails (no silent port+1).",
            "spark.port.maxRetries                   0",
            "spark.log.structuredLogging.enabled     false",
            "");
    ClusterFiles.write(layout.daemonConf(), daemon);
    ClusterFiles.write(
        layout.log4j(),
        String.join(
            "\n",
            "# Logging of this cluster's master, workers and executors (INFO, to the process's stderr).",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stderr.ref = console",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.target = SYSTEM_ERR",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex",
            "logger.nativecode.name = org.apache.hadoop.util.NativeCodeLoader",
            "logger.nativecode.level = error",
            ""));
    ClusterFiles.copy(layout.log4j(), layout.sparkConf().resolve("log4j2.properties"));

    StringBuilder client =
        new StringBuilder(
            String.join(
                "\n",
                "# Spark properties an application needs to join this cluster; ./submit adds them for its master.",
                "# Private: it holds the cluster's secret. A new one is made by every cluster start.",
                "spark.authenticate                      true",
                "spark.authenticate.secret               " + secret,
                "spark.network.crypto.enabled            true",
                "spark.network.crypto.saslFallback       false",
                "spark.driver.host                       " + LocalCluster.HOST,
                "spark.driver.bindAddress                " + LocalCluster.HOST,
                ""));
    if (workerMb < 1024) {
      client
          .append("# Workers have less than Spark's default executor memory (1g).\n")
          .append("spark.executor.memory                   ")
          .append(workerMb)
          .append("m\n");
    }
    PrivateFiles.write(layout.clientConf(), client.toString());
  }

  /** Deletes the state and every properties file (the secret with them); logs stay. */
  void delete() {
    try (Stream<Path> files = Files.list(layout.dir())) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.equals("cluster.properties")
            || name.equals("client.conf")
            || name.equals("daemon.conf")
            || (name.startsWith("submit-") && name.contains(".conf"))
            || name.startsWith(".private")
            || name.startsWith(".cluster")) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + layout.dir(), e);
    }
  }
}
