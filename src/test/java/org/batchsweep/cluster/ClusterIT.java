package org.batchsweep.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.batchsweep.testing.SparkTests;
import org.batchsweep.testing.Submit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A real standalone cluster on this machine, driven through ./submit as a user would: a master and
 * two one-core workers started by {@code ./submit cluster start}, sweeps run on it with {@code
 * ./submit --master spark://...}, an executor killed mid-sweep, clients without the secret refused,
 * and {@code cluster stop} leaving nothing behind. One cluster serves all tests (starting one costs
 * a quarter of a minute); every step is bounded by a timeout, and the cluster's JVMs are ended in
 * {@link #stopCluster} whatever happened.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  /**
   * 16 runs of 60,000 epochs: about ten seconds of training on two cores, long enough to kill an
   * executor in.
   */
  private static final String[] SPEC = {
    "--set", "grid.seed=[0,1]", "--set", "grid.batch_size=[10,50]",
    "--set", "train.epochs=60000", "--set", "train.record_epochs=false"
  };

  private static final int GRID_POINTS = 16;

  private static final Duration SWEEP_TIMEOUT = Duration.ofMinutes(4);

  private Path out;
  private Submit submit;
  private ClusterLayout layout;
  private ClusterState state;
  private SparkSession spark;
  private List<List<Object>> localRows;
  private Thread killOnExit;

  @BeforeAll
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void startCluster() throws Exception {
    Path target = Submit.home().resolve("target");
    Files.createDirectories(target);
    out = Files.createTempDirectory(target, "cluster-it-");
    submit = new Submit(Submit.home(), out.resolve("logs"));
    layout = ClusterLayout.under(out.toString());
    ClusterLayout cluster = layout;
    // Should this JVM be stopped before @AfterAll runs (Ctrl-C, a build timeout), end the cluster
    // anyway.
    killOnExit =
        new Thread(
            () -> ProcessTable.clusterProcesses(cluster).forEach(ProcessHandle::destroyForcibly));
    Runtime.getRuntime().addShutdownHook(killOnExit);
    Submit.Result started =
        submit.runAs(
            "cluster-start",
            Duration.ofMinutes(3),
            "cluster",
            "start",
            "--workers",
            "2",
            "--cores",
            "1",
            "--memory",
            "1g",
            "--out",
            out.toString());
    assertThat(started.exitCode()).as(started.describe()).isZero();
    state = ClusterState.load(layout.state()).orElseThrow();
    assertThat(state.masterUrl()).startsWith("spark://127.0.0.1:");
    assertThat(state.workers()).hasSize(2).allMatch(w -> w.alive(layout));
  }

  @AfterAll
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void stopCluster() throws Exception {
    try {
      if (layout != null
          && (Files.exists(layout.state()) || !ProcessTable.clusterProcesses(layout).isEmpty())) {
        submit.runAs(
            "cluster-stop-after-all",
            Duration.ofMinutes(2),
            "cluster",
            "stop",
            "--out",
            out.toString());
      }
    } finally {
      try {
        if (layout != null) { // whatever ./submit could not do
          ProcessTable.terminate(ProcessTable.clusterProcesses(layout), Duration.ofSeconds(10));
        }
        if (state != null) {
          state.daemons().forEach(d -> d.handle(layout).ifPresent(ProcessHandle::destroyForcibly));
        }
      } finally {
        SparkTests.stop(spark);
        if (killOnExit != null) {
          Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
      }
    }
  }

  @Test
  @Order(1)
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void sweepOnClusterWithTheSecretMatchesLocalRun() throws Exception {
    // No secret is passed here: ./submit finds the cluster's client.conf under --out.
    Submit.Result onCluster = runSweep("cluster", "--master", state.masterUrl());
    assertThat(onCluster.exitCode()).as(onCluster.describe()).isZero();
    assertThat(onCluster.stderr()).contains("on " + state.masterUrl());

    List<List<Object>> clusterRows = runs("cluster");
    assertThat(clusterRows).hasSize(GRID_POINTS);
    assertThat(clusterRows).containsExactlyElementsOf(localRows());
    assertThat(sweepMaster("cluster")).isEqualTo(state.masterUrl());
  }

  @Test
  @Order(2)
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void sweepSurvivesAnExecutorKilledMidway() throws Exception {
    List<List<Object>> expected = localRows();
    Submit.Running sweep =
        submit.startAs("sweep-killed", sweepArgs("killed", "--master", state.masterUrl()));
    try {
      sweep.awaitCondition(
          "training with two executors",
          Duration.ofMinutes(3),
          () ->
              sweep.stderr().contains("training " + GRID_POINTS + " runs")
                  && ProcessTable.executors(layout).size() == 2);
      Thread.sleep(1000); // into the training stage, whose tasks last a second or more each
      assertThat(sweep.stderr())
          .as("training is still going on")
          .doesNotContain("trained " + GRID_POINTS + "/");
      ProcessHandle victim = ProcessTable.executors(layout).get(0);
      assertThat(victim.destroyForcibly()).as("kill -9 executor %d", victim.pid()).isTrue();
      assertThat(victim.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

      Submit.Result result = sweep.await(SWEEP_TIMEOUT);
      assertThat(result.exitCode()).as(result.describe()).isZero();
      // The driver saw the executor go and redid its task elsewhere.
      assertThat(result.stderr())
          .as(result.describe())
          .contains("Lost executor")
          .contains("Lost task");
    } finally {
      if (sweep.isAlive()) {
        sweep.kill();
      }
    }
    List<List<Object>> rows = runs("killed");
    assertThat(rows).hasSize(GRID_POINTS);
    assertThat(rows.stream().map(r -> r.get(0)).distinct()).hasSize(GRID_POINTS);
    assertThat(rows).containsExactlyElementsOf(expected);
  }

  @Test
  @Order(3)
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void clientsWithoutTheRightSecretAreRefused() throws Exception {
    // A client without authentication: the master answers its first message with an error.
    expectRefused(
        "no-secret",
        "Unknown challenge message",
        "--master",
        state.masterUrl(),
        "--conf",
        "spark.driver.host=127.0.0.1",
        "--conf",
        "spark.driver.bindAddress=127.0.0.1",
        "--conf",
        "spark.ui.enabled=false");

    // A client with authentication and encryption on, but another secret.
    Path wrong = out.resolve("wrong-secret.conf");
    String client =
        Files.readString(layout.clientConf(), StandardCharsets.UTF_8)
            .replaceAll(
                "(?m)^spark\\.authenticate\\.secret\\s+\\S+",
                "spark.authenticate.secret " + PrivateFiles.newSecret());
    Files.writeString(
        wrong,
        Files.readString(Submit.home().resolve("conf/spark-defaults.conf"), StandardCharsets.UTF_8)
            + "\n"
            + client
            + "spark.ui.enabled false\n");
    expectRefused(
        "wrong-secret",
        "Authentication failed",
        "--master",
        state.masterUrl(),
        "--properties-file",
        wrong.toString());
  }

  @Test
  @Order(4)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void stopLeavesNoProcessBehind() throws Exception {
    List<DaemonProcess> daemons = state.daemons();
    assertThat(daemons).hasSize(3).allMatch(d -> d.alive(layout));

    Submit.Result stopped =
        submit.runAs(
            "cluster-stop", Duration.ofMinutes(2), "cluster", "stop", "--out", out.toString());
    assertThat(stopped.exitCode()).as(stopped.describe()).isZero();

    for (DaemonProcess d : daemons) {
      assertThat(ProcessHandle.of(d.pid()).filter(ProcessHandle::isAlive))
          .as("%s (pid %d) after stop", d.name(), d.pid())
          .isEmpty();
    }
    assertThat(ProcessTable.clusterProcesses(layout))
        .as("master, worker or executor JVMs of this cluster")
        .isEmpty();
    assertThat(layout.state()).doesNotExist();
    assertThat(layout.clientConf()).as("the secret").doesNotExist();
    try (var files = Files.list(layout.dir())) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .noneMatch(n -> n.startsWith("submit-"));
    }

    Submit.Result status =
        submit.runAs(
            "cluster-status-after-stop",
            Duration.ofMinutes(1),
            "cluster",
            "status",
            "--out",
            out.toString());
    assertThat(status.exitCode()).as(status.describe()).isEqualTo(3);
  }

  // ------------------------------------------------------------------------------------------------

  /** Starts a sweep that cannot authenticate; expects the refusal within seconds, then ends it. */
  private void expectRefused(String label, String reason, String... sparkOptions) throws Exception {
    // Its own --out: no cluster state there, so ./submit adds no secret.
    List<String> args = new ArrayList<>(List.of(sparkOptions));
    args.addAll(List.of("run"));
    args.addAll(List.of(SPEC));
    args.addAll(List.of("--sweep-id", label, "--out", out.resolve(label).toString()));
    Submit.Running client = submit.startAs(label, args.toArray(String[]::new));
    try {
      // Spark's client would retry registering for a minute (3 × 20 s, fixed in
      // StandaloneAppClient)
      // before "All masters are unresponsive! Giving up."; the first refusal is enough here.
      // A first attempt can also fail for another reason (seen: interrupted while bootstrapping),
      // so wait for the refusal itself, or for the client to give up.
      client.awaitCondition(
          "a refused connection",
          Duration.ofMinutes(2),
          () ->
              client.stderr().contains(reason)
                  || client.stderr().contains("All masters are unresponsive"));
      assertThat(client.stderr()).contains(reason);
    } finally {
      client.kill();
    }
    Optional<MasterStatus> master = MasterStatus.fetch(state.webUi(), Duration.ofSeconds(10));
    assertThat(master).isPresent();
    List<MasterStatus.App> apps = new ArrayList<>(master.get().activeApps());
    apps.addAll(master.get().completedApps());
    assertThat(apps)
        .as("applications the master accepted")
        .noneMatch(a -> a.name().contains(label));
    assertThat(out.resolve(label).resolve("tables")).doesNotExist();
  }

  /**
   * The same sweep in local mode. Its driver JVM gets the module options Spark's launcher gives
   * every executor it starts ({@code --add-modules=jdk.incubator.vector} among them), which
   * ./submit's own JVM does not have: with the module, MLlib's BLAS is the vectorised one, whose
   * sums round differently in the last bit, and the MLlib reference (so slope_error,
   * intercept_error, excess_mse) would differ from the cluster's in the 16th digit. Trained values
   * do not depend on it.
   */
  private List<List<Object>> localRows() throws Exception {
    if (localRows == null) {
      Path defaults = Submit.home().resolve("conf/spark-defaults.conf");
      Path properties = out.resolve("local-as-executors.conf");
      Files.writeString(
          properties,
          Files.readString(defaults, StandardCharsets.UTF_8)
              .replaceFirst(
                  "(?m)^(spark\\.driver\\.extraJavaOptions\\s+)(.*)$",
                  "$1$2 " + JavaModuleOptions.defaultModuleOptions().replace("$", "\\$")));
      assertThat(Files.readString(properties, StandardCharsets.UTF_8))
          .contains("jdk.incubator.vector");
      Submit.Result local =
          runSweep("local", "--master", "local[2]", "--properties-file", properties.toString());
      assertThat(local.exitCode()).as(local.describe()).isZero();
      localRows = runs("local");
      assertThat(localRows).hasSize(GRID_POINTS);
    }
    return localRows;
  }

  private Submit.Result runSweep(String sweepId, String... sparkOptions)
      throws InterruptedException {
    return submit.runAs("sweep-" + sweepId, SWEEP_TIMEOUT, sweepArgs(sweepId, sparkOptions));
  }

  private String[] sweepArgs(String sweepId, String... sparkOptions) {
    List<String> args = new ArrayList<>(List.of(sparkOptions));
    args.add("run");
    args.addAll(List.of(SPEC));
    args.addAll(List.of("--sweep-id", sweepId, "--out", out.toString()));
    return args.toArray(String[]::new);
  }

  /**
   * A sweep's runs rows, by run_id, without what differs between runs of one spec (nanos,
   * sweep_id).
   */
  private List<List<Object>> runs(String sweepId) {
    List<List<Object>> rows = new ArrayList<>();
    for (Row row :
        session()
            .read()
            .parquet(out.resolve("tables/runs").toString())
            .where(functions.col("sweep_id").equalTo(sweepId))
            .drop("nanos", "sweep_id")
            .orderBy("run_id")
            .collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        values.add(row.get(i));
      }
      rows.add(values);
    }
    return rows;
  }

  private String sweepMaster(String sweepId) {
    return session()
        .read()
        .parquet(out.resolve("tables/sweeps").toString())
        .where(functions.col("sweep_id").equalTo(sweepId))
        .select("master")
        .first()
        .getString(0);
  }

  private SparkSession session() {
    if (spark == null) {
      spark = SparkTests.start("local[1]");
    }
    return spark;
  }
}
