package org.batchsweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.batchsweep.cli.BatchSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster command's checks and bookkeeping, without starting any JVM. */
class LocalClusterTest {

  @TempDir Path tmp;

  /** Exit status and stderr of a command line run in this JVM. */
  private record Outcome(int status, String stdout, String stderr) {}

  private static Outcome execute(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int status = BatchSweep.execute(args);
      return new Outcome(
          status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void badOptionsAreRefusedWithOneLine() {
    String dir = tmp.toString();
    assertThat(execute("cluster", "start", "--workers", "0", "--out", dir))
        .satisfies(r -> assertThat(r.status()).isEqualTo(2))
        .satisfies(
            r -> assertThat(r.stderr()).isEqualTo("error: --workers 0: accepted: 1 to 16\n"));
    assertThat(execute("cluster", "start", "--memory", "lots", "--out", dir).stderr())
        .contains("--memory lots: not a size");
    assertThat(execute("cluster", "start", "--memory", "256m", "--out", dir).stderr())
        .contains("at least 512m");
    assertThat(execute("cluster", "start", "--port", "80", "--out", dir).stderr())
        .contains("--port 80: accepted");
    assertThat(execute("cluster", "status", "--out", "hdfs://nn/x").stderr())
        .contains("local disk");
    assertThat(execute("cluster").status()).isEqualTo(2);
  }

  @Test
  void aTakenPortIsNamed() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Outcome r =
          execute(
              "cluster",
              "start",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--out",
              tmp.toString());
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.stderr()).contains("127.0.0.1:" + taken.getLocalPort() + " is already in use");
    }
    assertThat(tmp.resolve("cluster/cluster.properties")).doesNotExist();
  }

  @Test
  void statusAndStopWithoutACluster() {
    Outcome status = execute("cluster", "status", "--out", tmp.toString());
    assertThat(status.status()).isEqualTo(3);
    assertThat(status.stdout()).contains("no cluster in " + tmp.resolve("cluster"));
    assertThat(execute("cluster", "stop", "--out", tmp.toString()).status()).isZero();
  }

  @Test
  void aDeadClusterIsReportedAsNotRunningAndNoOtherProcessIsSignalled() throws Exception {
    ClusterLayout layout = ClusterLayout.under(tmp.toString());
    layout.dir().toFile().mkdirs();
    // Two live processes that are not JVMs of this cluster: one recorded with the wrong start
    // time (a recycled pid), one with its true start time but a command line that does not
    // mention the cluster's folder. Stop must signal neither.
    Process recycled = new ProcessBuilder("sleep", "300").start();
    Process stranger = new ProcessBuilder("sleep", "300").start();
    try {
      long strangerStart = ProcessTable.startMillis(stranger.toHandle());
      new ClusterState(
              "spark://127.0.0.1:7077",
              "",
              new DaemonProcess("master", recycled.pid(), 42, "127.0.0.1:7077"),
              List.of(
                  new DaemonProcess("worker-1", stranger.pid(), strangerStart, "127.0.0.1:1"),
                  new DaemonProcess("worker-2", Long.MAX_VALUE, 42, "127.0.0.1:2")),
              1,
              "1g")
          .save(layout.state());
      Outcome status = execute("cluster", "status", "--out", tmp.toString());
      assertThat(status.status()).isEqualTo(1);
      assertThat(status.stdout()).contains("NOT RUNNING");
      Outcome stop = execute("cluster", "stop", "--out", tmp.toString());
      assertThat(stop.status()).as(stop.stderr()).isZero();
      assertThat(stop.stdout())
          .contains("the master (pid " + recycled.pid() + ") was not running")
          .contains("worker-1 (pid " + stranger.pid() + ") was not running")
          .contains("worker-2 (pid " + Long.MAX_VALUE + ") was not running");
      assertThat(layout.state()).doesNotExist();
      assertThat(recycled.isAlive())
          .as("the process behind a recycled pid was left alone")
          .isTrue();
      assertThat(stranger.isAlive())
          .as("a process that is not of this cluster was left alone")
          .isTrue();
    } finally {
      recycled.destroyForcibly().waitFor();
      stranger.destroyForcibly().waitFor();
    }
  }

  @Test
  void stateSurvivesARoundTrip() {
    Path file = tmp.resolve("cluster.properties");
    ClusterState state =
        new ClusterState(
            "spark://127.0.0.1:40123",
            "http://127.0.0.1:8080",
            new DaemonProcess("master", 11, 1000, "127.0.0.1:40123"),
            List.of(
                new DaemonProcess("worker-1", 12, 2000, "127.0.0.1:5000"),
                new DaemonProcess("worker-2", 13, 3000, "127.0.0.1:5001")),
            2,
            "1536m");
    state.save(file);
    assertThat(ClusterState.load(file)).contains(state);
    assertThat(file)
        .content()
        .contains("master.url=spark://127.0.0.1:40123\n"); // plain, for ./submit's sed
  }

  @Test
  void secretsAreOwnerOnly() throws Exception {
    Path file = tmp.resolve("client.conf");
    String secret = PrivateFiles.newSecret();
    assertThat(secret).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(PrivateFiles.newSecret());
    PrivateFiles.write(file, "spark.authenticate.secret " + secret + "\n");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
  }

  @Test
  void commandLinesAreMatchedOnWholePaths() {
    String marker = "/o/cluster/spark-home/";
    assertThat(
            ProcessTable.mentions(
                List.of("java", "-cp", "/o/cluster/spark-home/conf/:/o/cluster/spark-home/jars/*"),
                marker))
        .isTrue();
    assertThat(
            ProcessTable.mentions(
                List.of("java", "-cp", "/x/y.jar:/o/cluster/spark-home/jars/*"), marker))
        .isTrue();
    assertThat(ProcessTable.mentions(List.of("java", "-Dhome=/o/cluster/spark-home/"), marker))
        .isTrue();
    assertThat(
            ProcessTable.mentions(List.of("java", "-cp", "/b/o/cluster/spark-home/jars/*"), marker))
        .isFalse();
    assertThat(
            ProcessTable.mentions(List.of("java", "-cp", "/o/cluster/spark-home2/jars/*"), marker))
        .isFalse();
  }
}
