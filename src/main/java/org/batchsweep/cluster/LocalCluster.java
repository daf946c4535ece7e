package org.batchsweep.cluster;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.apache.spark.network.util.JavaUtils;
import org.batchsweep.BadInputException;

/**
 * A Spark standalone cluster on this machine: Spark's own {@code Master} and {@code Worker} JVMs,
 * run from the project's Spark jars, bound to 127.0.0.1, with authentication and encryption on
 * and a fresh secret per start. {@link #start} and {@link #stop} take the cluster folder's lock,
 * so two of them on one folder never interleave.
 */
public final class LocalCluster {

  public static final String HOST = "127.0.0.1";

  static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";

  /** Heap of each master and worker JVM (Spark's scripts default to 1g; these JVMs need little). */
  static final String DAEMON_HEAP = "-Xmx512m";

  /** Spark refuses executors with less memory than this (1.5 × 300 MiB reserved, rounded up). */
  static final long MIN_WORKER_MB = 512;

  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
  private static final Pattern MASTER_UI = Pattern.compile("'MasterUI' on port (\\d+)");
  private static final Pattern WORKER_ADDRESS = Pattern.compile("Starting Spark worker (\\S+:\\d+) with");

  /** What to start. Port 0 lets the master pick a free port. */
  public record Options(int workers, int cores, String memory, int port, int webUiPort, Duration timeout) {}

  private final ClusterLayout layout;
  private final PrintStream out;

  public LocalCluster(ClusterLayout layout, PrintStream out) {
    this.layout = layout;
    this.out = out;
  }

  public ClusterLayout layout() {
    return layout;
  }

  // ---------------------------------------------------------------------------------------- start

  @SuppressWarnings("try") // the lock is held for the block
  public ClusterState start(Options options) {
    long workerMb = checkOptions(options);
    createDirectory(layout.dir());
    try (FolderLock lock = lock()) {
      Optional<ClusterState> existing = ClusterState.load(layout.state());
      if (existing.isPresent() && existing.get().daemons().stream().anyMatch(d -> d.alive(layout))) {
        throw new ClusterException("a cluster is already running in " + layout.dir() + " (master "
            + existing.get().masterUrl() + "); stop it first with ./submit cluster stop --out "
            + layout.dir().getParent());
      }
      cleanUpLeftovers(existing.isPresent());
      checkPortFree("--port", options.port());
      checkPortFree("--webui-port", options.webUiPort());

      List<Path> jars = SparkJars.fromProject(SparkJars.projectHome());
      prepareSparkHome(jars);
      String secret = PrivateFiles.newSecret();
      writeConfigs(secret, workerMb);

      long deadline = System.nanoTime() + options.timeout().toNanos();
      List<Process> launched = new ArrayList<>();
      try {
        return launch(options, secret, launched, deadline);
      } catch (RuntimeException e) {
        launched.forEach(p -> p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly));
        ProcessTable.terminate(launched.stream().map(Process::toHandle).toList(), Duration.ofSeconds(5));
        ProcessTable.terminate(ProcessTable.clusterProcesses(layout), Duration.ofSeconds(5));
        deleteConfigs();
        throw e;
      }
    }
  }

  private ClusterState launch(Options options, String secret, List<Process> launched, long deadline) {
    // The master: its URL and web UI port are read from its log, so port 0 never races.
    Process masterProcess = spawn(
        "master", layout.masterLog(), secret, null,
        MASTER_CLASS, "--host", HOST, "--port", Integer.toString(options.port()),
        "--webui-port", Integer.toString(options.webUiPort()),
        "--properties-file", layout.daemonConf().toString());
    launched.add(masterProcess);
    DaemonProcess master = DaemonProcess.of("master", masterProcess.toHandle(), "");
    ClusterState state = new ClusterState("", "", master, List.of(), options.cores(), options.memory());
    state.save(layout.state()); // from here on, cluster stop can end what was started

    String masterUrl = awaitLog(masterProcess, "master", layout.masterLog(), MASTER_URL, deadline);
    String webUi = "http://" + HOST + ":" + awaitLog(masterProcess, "master", layout.masterLog(), MASTER_UI, deadline);
    master = new DaemonProcess("master", master.pid(), master.startMillis(), masterUrl.substring("spark://".length()));
    state = new ClusterState(masterUrl, webUi, master, List.of(), options.cores(), options.memory());
    state.save(layout.state());

    List<Process> workerProcesses = new ArrayList<>();
    List<DaemonProcess> workers = new ArrayList<>();
    for (int i = 1; i <= options.workers(); i++) {
      Path work = layout.workDir(i);
      createDirectory(work);
      Process p = spawn(
          "worker-" + i, layout.workerLog(i), secret, work,
          WORKER_CLASS, "--host", HOST, "--port", "0", "--webui-port", "0",
          "--cores", Integer.toString(options.cores()), "--memory", options.memory(),
          "--work-dir", work.toString(), "--properties-file", layout.daemonConf().toString(), masterUrl);
      launched.add(p);
      workerProcesses.add(p);
      workers.add(DaemonProcess.of("worker-" + i, p.toHandle(), ""));
      state = state.withWorkers(workers);
      state.save(layout.state());
    }
    for (int i = 1; i <= options.workers(); i++) {
      String address = awaitLog(workerProcesses.get(i - 1), "worker-" + i, layout.workerLog(i), WORKER_ADDRESS, deadline);
      DaemonProcess w = workers.get(i - 1);
      workers.set(i - 1, new DaemonProcess(w.name(), w.pid(), w.startMillis(), address));
    }
    state = state.withWorkers(workers);
    state.save(layout.state());
    awaitWorkersAlive(state, masterProcess, deadline);
    return state;
  }

  private Process spawn(String name, Path log, String secret, Path workDir, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    // A session of its own: the daemon outlives this command and ignores the terminal's Ctrl-C.
    Stream.of("/usr/bin/setsid", "/bin/setsid").filter(s -> Files.isExecutable(Path.of(s))).findFirst()
        .ifPresent(command::add);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(DAEMON_HEAP);
    command.add("-Dbatchsweep.cluster=" + layout.dir());
    command.add("-Dlog4j2.configurationFile=" + layout.log4j().toUri());
    command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    command.add("-cp");
    command.add(layout.sparkConf() + File.separator + File.pathSeparator + layout.jars() + File.separator + "*");
    command.add(mainClass);
    command.addAll(List.of(args));

    ProcessBuilder builder = new ProcessBuilder(command)
        .directory((workDir == null ? layout.dir() : workDir).toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    // Whatever Spark installation the caller's environment points to, this cluster uses its own.
    env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("_SPARK_"));
    env.put("SPARK_HOME", layout.sparkHome().toString());
    env.put("SPARK_CONF_DIR", layout.sparkConf().toString());
    env.put("SPARK_SCALA_VERSION", "2.13"); // else executors fail: "Cannot find any build directories"
    env.put("SPARK_LOCAL_IP", HOST);        // RPC and web UIs on loopback only
    env.put("SPARK_LOCAL_DIRS", layout.localDir().toString());
    env.put("_SPARK_AUTH_SECRET", secret);  // Spark's own variable: not on any command line
    try {
      return builder.start();
    } catch (IOException e) {
      throw new ClusterException("cannot start the " + name + " JVM: " + e.getMessage(), e);
    }
  }

  private String awaitLog(Process process, String name, Path log, Pattern pattern, long deadline) {
    while (true) {
      Matcher m = pattern.matcher(readQuietly(log));
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new ClusterException("the " + name + " exited while starting (exit status " + process.exitValue()
            + "); the end of " + log + ":\n" + tail(log, 15));
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException("the " + name + " did not start in time; the end of " + log + ":\n" + tail(log, 15));
      }
      sleep(250);
    }
  }

  private void awaitWorkersAlive(ClusterState state, Process master, long deadline) {
    List<Integer> ports = state.workers().stream().map(w -> port(w.address())).toList();
    while (true) {
      Optional<MasterStatus> status = MasterStatus.fetch(state.webUi(), Duration.ofSeconds(3));
      if (status.isPresent()
          && ports.stream().allMatch(p -> status.get().workers().stream()
              .anyMatch(w -> w.port() == p && "ALIVE".equals(w.state())))) {
        return;
      }
      if (!master.isAlive()) {
        throw new ClusterException("the master exited while workers registered; the end of "
            + layout.masterLog() + ":\n" + tail(layout.masterLog(), 15));
      }
      for (DaemonProcess w : state.workers()) {
        if (!w.alive(layout)) {
          Path log = layout.workerLog(Integer.parseInt(w.name().substring("worker-".length())));
          throw new ClusterException("the " + w.name() + " exited while registering; the end of " + log + ":\n" + tail(log, 15));
        }
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException("the workers did not register with the master in time; see "
            + layout.dir() + "/worker-*.log and master.log");
      }
      sleep(500);
    }
  }

  private long checkOptions(Options o) {
    if (o.workers() < 1 || o.workers() > 16) {
      throw new BadInputException("--workers " + o.workers() + ": accepted: 1 to 16");
    }
    if (o.cores() < 1 || o.cores() > 64) {
      throw new BadInputException("--cores " + o.cores() + ": accepted: 1 to 64 (cores each worker offers)");
    }
    long mb;
    try {
      mb = JavaUtils.byteStringAsMb(o.memory());
    } catch (RuntimeException e) {
      throw new BadInputException("--memory " + o.memory() + ": not a size; accepted e.g. 1g, 1536m");
    }
    if (mb < MIN_WORKER_MB) {
      throw new BadInputException("--memory " + o.memory() + ": at least " + MIN_WORKER_MB
          + "m per worker (Spark refuses smaller executors)");
    }
    for (String[] p : new String[][] {{"--port", "" + o.port()}, {"--webui-port", "" + o.webUiPort()}}) {
      int port = Integer.parseInt(p[1]);
      if (port != 0 && (port < 1024 || port > 65535)) {
        throw new BadInputException(p[0] + " " + port + ": accepted: 0 (pick a free port) or 1024 to 65535");
      }
    }
    if (o.timeout().isNegative() || o.timeout().isZero()) {
      throw new BadInputException("--timeout: must be positive");
    }
    return mb;
  }

  private static void checkPortFree(String option, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new BadInputException(option + " " + port + ": " + HOST + ":" + port
          + " is already in use (another cluster?); pass another port, or 0 to pick a free one");
    }
  }

  private void prepareSparkHome(List<Path> jars) {
    deleteTree(layout.jars());
    createDirectory(layout.jars());
    createDirectory(layout.sparkConf());
    createDirectory(layout.localDir());
    try {
      for (Path jar : jars) {
        Files.createSymbolicLink(layout.jars().resolve(jar.getFileName()), jar);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link the Spark jars into " + layout.jars(), e);
    }
  }

  private void writeConfigs(String secret, long workerMb) {
    // Master and workers: no secret here (they read it from _SPARK_AUTH_SECRET).
    String daemon = String.join("\n",
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
    write(layout.daemonConf(), daemon);
    write(layout.log4j(), String.join("\n",
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
    copy(layout.log4j(), layout.sparkConf().resolve("log4j2.properties"));

    StringBuilder client = new StringBuilder(String.join("\n",
        "# Spark properties an application needs to join this cluster; ./submit adds them for its master.",
        "# Private: it holds the cluster's secret. A new one is made by every cluster start.",
        "spark.authenticate                      true",
        "spark.authenticate.secret               " + secret,
        "spark.network.crypto.enabled            true",
        "spark.network.crypto.saslFallback       false",
        "spark.driver.host                       " + HOST,
        "spark.driver.bindAddress                " + HOST,
        ""));
    if (workerMb < 1024) {
      client.append("# Workers have less than Spark's default executor memory (1g).\n")
          .append("spark.executor.memory                   ").append(workerMb).append("m\n");
    }
    PrivateFiles.write(layout.clientConf(), client.toString());
  }

  // ----------------------------------------------------------------------------------------- stop

  /** Stops the cluster: workers (and their executors), then the master, then anything left. */
  @SuppressWarnings("try") // the lock is held for the block
  public boolean stop() {
    if (!Files.isDirectory(layout.dir())) {
      out.println("no cluster in " + layout.dir());
      return false;
    }
    try (FolderLock lock = lock()) {
      Optional<ClusterState> state = ClusterState.load(layout.state());
      if (state.isEmpty()) {
        out.println("no cluster recorded in " + layout.dir());
      }
      state.ifPresent(this::stopRecorded);
      List<ProcessHandle> leftovers = ProcessTable.clusterProcesses(layout);
      if (!leftovers.isEmpty()) {
        out.println("stopping " + leftovers.size() + " more JVM(s) of this cluster: " + describe(leftovers));
        ProcessTable.terminate(leftovers, Duration.ofSeconds(10));
      }
      deleteConfigs();
      List<ProcessHandle> remaining = ProcessTable.clusterProcesses(layout);
      if (!remaining.isEmpty()) {
        throw new ClusterException("could not stop " + describe(remaining));
      }
      if (state.isPresent()) {
        out.println("cluster stopped; logs kept in " + layout.dir());
      }
      return state.isPresent();
    }
  }

  private void stopRecorded(ClusterState state) {
    if (state.master() != null && state.master().alive(layout)) {
      MasterStatus.fetch(state.webUi(), Duration.ofSeconds(3)).ifPresent(s -> s.activeApps().forEach(app ->
          out.println("note: " + app.id() + " (" + app.name() + ") is still running; its driver is not part of "
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
    String stopping = describe(workers);
    List<ProcessHandle> stuck = new ArrayList<>(ProcessTable.terminate(workers, Duration.ofSeconds(20)));
    if (!workers.isEmpty()) {
      out.println("stopped " + workers.size() + " worker(s): " + stopping);
    }
    List<ProcessHandle> liveExecutors = executors.stream().filter(ProcessHandle::isAlive).toList();
    if (!liveExecutors.isEmpty()) {
      out.println("stopping " + liveExecutors.size() + " process(es) the workers left: " + describe(liveExecutors));
      stuck.addAll(ProcessTable.terminate(liveExecutors, Duration.ofSeconds(10)));
    }
    if (state.master() != null) {
      Optional<ProcessHandle> m = state.master().handle(layout);
      if (m.isPresent()) {
        stuck.addAll(ProcessTable.terminate(List.of(m.get()), Duration.ofSeconds(20)));
        out.println("stopped the master (pid " + state.master().pid() + ", " + state.masterUrl() + ")");
      } else {
        out.println("the master (pid " + state.master().pid() + ") was not running");
      }
    }
    if (!stuck.isEmpty()) {
      throw new ClusterException("could not stop " + describe(stuck));
    }
  }

  // --------------------------------------------------------------------------------------- status

  /** Prints the cluster's state; returns 0 when master and all workers run, 1 when some do not, 3 when none is recorded. */
  public int status() {
    Optional<ClusterState> loaded = Files.isDirectory(layout.dir()) ? ClusterState.load(layout.state()) : Optional.empty();
    if (loaded.isEmpty()) {
      out.println("no cluster in " + layout.dir() + " (start one with ./submit cluster start --out "
          + layout.dir().getParent() + ")");
      List<ProcessHandle> strays = Files.isDirectory(layout.dir()) ? ProcessTable.clusterProcesses(layout) : List.of();
      if (!strays.isEmpty()) {
        out.println("but JVMs of it are running: " + describe(strays) + "; ./submit cluster stop ends them");
        return 1;
      }
      return 3;
    }
    ClusterState state = loaded.get();
    boolean masterAlive = state.master() != null && state.master().alive(layout);
    Optional<MasterStatus> reported = masterAlive ? MasterStatus.fetch(state.webUi(), Duration.ofSeconds(3)) : Optional.empty();
    out.println("cluster in " + layout.dir());
    out.printf("master    %-28s pid %-7d %s%s%n", state.masterUrl(), state.master() == null ? -1 : state.master().pid(),
        masterAlive ? "alive" : "NOT RUNNING",
        masterAlive ? "   web UI " + state.webUi() + reported.map(s -> " (" + s.status() + ")").orElse(" (not answering)") : "");
    boolean allAlive = masterAlive;
    for (DaemonProcess w : state.workers()) {
      boolean alive = w.alive(layout);
      allAlive &= alive;
      String seen = reported.flatMap(s -> s.workers().stream()
              .filter(x -> x.port() == port(w.address()))
              .max(Comparator.comparing(MasterStatus.Worker::id)))
          .map(x -> String.format("   %s at the master, %d/%d cores used, %d MiB", x.state(), x.coresUsed(), x.cores(), x.memoryMb()))
          .orElse(alive && reported.isPresent() ? "   not registered with the master" : "");
      out.printf("%-9s %-28s pid %-7d %s%s%n", w.name(), w.address(), w.pid(), alive ? "alive" : "NOT RUNNING", seen);
    }
    reported.ifPresent(s -> {
      for (MasterStatus.App app : s.activeApps()) {
        out.printf("app       %-28s %s, %d cores: %s%n", app.id(), app.state(), app.cores(), app.name());
      }
    });
    List<ProcessHandle> executors = ProcessTable.executors(layout);
    out.println("executors " + executors.size() + " running" + (executors.isEmpty() ? "" : ": " + describe(executors)));
    if (allAlive) {
      out.println("run a sweep on it:  ./submit --master " + state.masterUrl() + " run [SPEC] --out " + layout.dir().getParent());
    } else {
      out.println("some of it is not running: ./submit cluster stop --out " + layout.dir().getParent()
          + ", then start it again");
    }
    return allAlive ? 0 : 1;
  }

  // -------------------------------------------------------------------------------------- helpers

  /** Ends JVMs of an earlier cluster in this folder that is recorded as stopped or crashed. */
  private void cleanUpLeftovers(boolean hadState) {
    List<ProcessHandle> strays = ProcessTable.clusterProcesses(layout);
    if (!strays.isEmpty()) {
      out.println("stopping " + strays.size() + " JVM(s) left from an earlier cluster here: " + describe(strays));
      List<ProcessHandle> stuck = ProcessTable.terminate(strays, Duration.ofSeconds(10));
      if (!stuck.isEmpty()) {
        throw new ClusterException("could not stop " + describe(stuck) + " of an earlier cluster in " + layout.dir());
      }
    }
    if (hadState) {
      out.println("replacing the state of an earlier cluster in " + layout.dir() + " that is no longer running");
    }
    deleteConfigs();
  }

  private void deleteConfigs() {
    try (Stream<Path> files = Files.list(layout.dir())) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.equals("cluster.properties") || name.equals("client.conf") || name.equals("daemon.conf")
            || (name.startsWith("submit-") && name.contains(".conf")) || name.startsWith(".private")
            || name.startsWith(".cluster")) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + layout.dir(), e);
    }
  }

  private FolderLock lock() {
    try {
      FileChannel channel = FileChannel.open(layout.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (channel.tryLock() == null) {
        channel.close();
        throw new ClusterException("another cluster command is working on " + layout.dir() + "; try again when it is done");
      }
      return new FolderLock(channel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + layout.lock(), e);
    }
  }

  static String describe(List<ProcessHandle> processes) {
    return processes.stream().map(p -> {
      List<String> args = ProcessTable.arguments(p);
      String role = args.contains(ProcessTable.EXECUTOR_CLASS) ? "executor"
          : args.contains(WORKER_CLASS) ? "worker" : args.contains(MASTER_CLASS) ? "master" : "process";
      return role + " " + p.pid();
    }).collect(Collectors.joining(", "));
  }

  static int port(String address) {
    int colon = address.lastIndexOf(':');
    try {
      return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String tail(Path log, int lines) {
    List<String> all = readQuietly(log).lines().filter(l -> !l.startsWith("\tat ")).toList();
    return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
        .map(l -> "  " + l).collect(Collectors.joining("\n"));
  }

  private static String readQuietly(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + to, e);
    }
  }

  private static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ClusterException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) { // does not follow the links to the jars
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted");
    }
  }

  /** The cluster folder's lock, held while the channel is open. */
  private record FolderLock(FileChannel channel) implements AutoCloseable {
    @Override
    public void close() {
      try {
        channel.close(); // releases the lock
      } catch (IOException e) {
        // nothing left to do
      }
    }
  }
}
