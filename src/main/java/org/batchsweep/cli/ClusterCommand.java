package org.batchsweep.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.batchsweep.cluster.ClusterException;
import org.batchsweep.cluster.ClusterLayout;
import org.batchsweep.cluster.ClusterOptions;
import org.batchsweep.cluster.ClusterState;
import org.batchsweep.cluster.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./submit cluster start|stop|status [--out DIR]}: a Spark standalone cluster on this
 * machine (see {@link LocalCluster}). Its state, secret and logs live under {@code <out>/cluster/};
 * {@code ./submit --master <its URL> run ... --out <same DIR>} joins it with the secret.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Start, stop or check a Spark standalone cluster on this machine (127.0.0.1).",
      "Spark's own master and workers; authentication (a new secret per start) and",
      "encryption on. State, secret and logs: <out>/cluster/. Run sweeps on it:",
      "  ./submit --master <its URL> run [SPEC] --out <same DIR>"
    },
    subcommands = {
      ClusterCommand.Start.class,
      ClusterCommand.Stop.class,
      ClusterCommand.Status.class
    })
final class ClusterCommand implements Runnable {

  static final int EXIT_NOT_RUNNING = 3;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = OutputDir.DEFAULT,
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Output folder; the cluster lives in DIR/cluster (default: ${DEFAULT-VALUE}).")
  String out;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing command: start, stop or status");
  }

  LocalCluster cluster() {
    return new LocalCluster(ClusterLayout.under(out), System.out);
  }

  /** Runs a cluster action; a {@link ClusterException} becomes one line on stderr and status 1. */
  static int guarded(Callable<Integer> action) throws Exception {
    try {
      return action.call();
    } catch (ClusterException e) {
      PrintStream err = System.err;
      err.println("error: " + e.getMessage());
      err.flush();
      return BatchSweep.EXIT_FAILURE;
    }
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Start a master and workers; print the master URL to run sweeps on.")
  static final class Start implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;

    @Option(
        names = "--workers",
        paramLabel = "N",
        defaultValue = "2",
        description = "Worker JVMs (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(
        names = "--cores",
        paramLabel = "C",
        defaultValue = "1",
        description = "Cores each worker offers (default: ${DEFAULT-VALUE}).")
    int cores;

    @Option(
        names = "--memory",
        paramLabel = "M",
        defaultValue = "1g",
        description = "Memory each worker offers to executors (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(
        names = "--port",
        paramLabel = "P",
        defaultValue = "0",
        description = "Master port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--webui-port",
        paramLabel = "P",
        defaultValue = "0",
        description = "Master web UI port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int webUiPort;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "180",
        description = "Give up starting after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
      return guarded(
          () -> {
            LocalCluster cluster = parent.cluster();
            ClusterState state =
                cluster.start(
                    new ClusterOptions(
                        workers,
                        cores,
                        memory,
                        port,
                        webUiPort,
                        Duration.ofSeconds(timeoutSeconds)));
            PrintStream out = System.out;
            out.printf("cluster started in %s%n", cluster.layout().dir());
            out.printf(
                Locale.ROOT,
                "  master   %s (web UI %s, pid %d)%n",
                state.masterUrl(),
                state.webUi(),
                state.master().pid());
            state
                .workers()
                .forEach(
                    w ->
                        out.printf(
                            Locale.ROOT,
                            "  %s %s (%d core%s, %s, pid %d)%n",
                            w.name(),
                            w.address(),
                            cores,
                            cores == 1 ? "" : "s",
                            memory,
                            w.pid()));
            out.printf(
                "  authentication on; the secret is in %s (mode 0600)%n",
                cluster.layout().clientConf());
            out.printf(
                "run a sweep on it:  ./submit --master %s run [SPEC] --out %s%n",
                state.masterUrl(), parent.out);
            out.printf("stop it:            ./submit cluster stop --out %s%n", parent.out);
            return 0;
          });
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = "Stop the workers (and their executors) and the master that start launched.")
  static final class Stop implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;

    @Override
    public Integer call() throws Exception {
      return guarded(
          () -> {
            parent.cluster().stop();
            return 0;
          });
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = {
        "Show the master URL, the workers and whether they are alive.",
        "Exit status: 0 all running, 1 some not running, 3 no cluster."
      })
  static final class Status implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;

    @Override
    public Integer call() throws Exception {
      return guarded(() -> parent.cluster().status());
    }
  }
}
