package org.batchsweep.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Starts one master or worker JVM of the cluster: Spark's own main class from the cluster's Spark
 * home, in a session of its own, its output in a log file, the secret in its environment only.
 */
final class DaemonLauncher {

  static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";

  /** Heap of each master and worker JVM (Spark's scripts default to 1g; these JVMs need little). */
  static final String DAEMON_HEAP = "-Xmx512m";

  private final ClusterLayout layout;
  private final String secret;

  DaemonLauncher(ClusterLayout layout, String secret) {
    this.layout = layout;
    this.secret = secret;
  }

  /**
   * Starts {@code mainClass args} with output to {@code log}, in {@code workDir} (or the cluster
   * folder when null).
   */
  Process spawn(String name, Path log, Path workDir, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    // A session of its own: the daemon outlives this command and ignores the terminal's Ctrl-C.
    Stream.of("/usr/bin/setsid", "/bin/setsid")
        .filter(s -> Files.isExecutable(Path.of(s)))
        .findFirst()
        .ifPresent(command::add);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(DAEMON_HEAP);
    command.add("-Dbatchsweep.cluster=" + layout.dir());
    command.add("-Dlog4j2.configurationFile=" + layout.log4j().toUri());
    command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    command.add("-cp");
    command.add(
        layout.sparkConf()
            + File.separator
            + File.pathSeparator
            + layout.jars()
            + File.separator
            + "*");
    command.add(mainClass);
    command.addAll(List.of(args));

    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory((workDir == null ? layout.dir() : workDir).toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    // Whatever Spark installation the caller's environment points to, this cluster uses its own.
    env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("_SPARK_"));
    env.put("SPARK_HOME", layout.sparkHome().toString());
    env.put("SPARK_CONF_DIR", layout.sparkConf().toString());
    env.put(
        "SPARK_SCALA_VERSION", "2.13"); // else executors fail: "Cannot find any build directories"
    env.put("SPARK_LOCAL_IP", LocalCluster.HOST); // RPC and web UIs on loopback only
    env.put("SPARK_LOCAL_DIRS", layout.localDir().toString());
    env.put("_SPARK_AUTH_SECRET", secret); // Spark's own variable: not on any command line
    try {
      return builder.start();
    } catch (IOException e) {
      throw new ClusterException("cannot start the " + name + " JVM: " + e.getMessage(), e);
    }
  }
}
