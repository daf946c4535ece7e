package org.batchsweep.cli;

import java.io.PrintWriter;
import org.batchsweep.BadInputException;
import org.batchsweep.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The entry point {@code ./submit} hands to spark-submit. Subcommands do the work; this class turns
 * every failure a user can fix into one line on stderr and exit status 2, and anything else into
 * exit status 1.
 */
@Command(
    name = "./submit",
    mixinStandardHelpOptions = true,
    versionProvider = BatchSweep.Version.class,
    description =
        "Sweeps mini-batch training of y = w·x + b on Spark and explains what did not converge.",
    footer = {
      "",
      "Spark options go before the command, e.g. ./submit --master spark://host:7077 run.",
      "Start with ./submit run; see README.md."
    },
    subcommands = {
      RunCommand.class,
      SqlCommand.class,
      ExplainCommand.class,
      ReportCommand.class,
      ShellCommand.class,
      ClusterCommand.class,
      CommandLine.HelpCommand.class
    })
public final class BatchSweep implements Runnable {

  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: run, sql, explain, report, shell or cluster");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns its exit status (for tests, without exiting the JVM). */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new BatchSweep());
    Version.applyTo(commandLine);
    commandLine.setParameterExceptionHandler(BatchSweep::badArguments);
    commandLine.setExecutionExceptionHandler((e, cl, parsed) -> failed(e, cl.getErr()));
    return commandLine.execute(args);
  }

  private static int badArguments(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String command = cl.getCommandSpec().qualifiedName(" ");
    cl.getErr().println("error: " + e.getMessage() + " (see " + command + " --help)");
    cl.getErr().flush();
    return EXIT_BAD_INPUT;
  }

  private static int failed(Exception e, PrintWriter err) {
    if (RunInterruption.happened()) {
      return RunInterruption.EXIT_INTERRUPTED; // the interruption has said what happened
    }
    BadInputException bad = findBadInput(e);
    if (bad != null) {
      err.println("error: " + bad.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
    // Spark has logged what went wrong above this line; the user gets one line, developers the
    // trace.
    err.println(
        "error: batchsweep failed: "
            + rootCause(e)
            + (System.getenv("BATCHSWEEP_DEBUG") == null
                ? " (BATCHSWEEP_DEBUG=1 shows the stack trace)"
                : ""));
    if (System.getenv("BATCHSWEEP_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return EXIT_FAILURE;
  }

  /** The innermost cause's class and first message line, e.g. why a SparkContext stopped. */
  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + ": "
        + Messages.firstLine(String.valueOf(root.getMessage()).strip());
  }

  // Spark may wrap an exception thrown on the driver side of a job (e.g. while planning a write).
  private static BadInputException findBadInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BadInputException bad) {
        return bad;
      }
    }
    return null;
  }

  /**
   * What -V / --version prints, before or after the command: batchsweep's, Spark's and Java's
   * version.
   */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = BatchSweep.class.getPackage().getImplementationVersion();
      return new String[] {
        "batchsweep " + (version == null ? "(development build)" : version),
        "Spark "
            + org.apache.spark.package$.MODULE$.SPARK_VERSION()
            + " (Scala "
            + scala.util.Properties.versionNumberString()
            + ")",
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ", "
            + System.getProperty("java.vendor")
            + ")"
      };
    }

    /** Subcommands answer -V too ({@code ./submit run -V}), with the same text. */
    static void applyTo(CommandLine commandLine) {
      commandLine.getCommandSpec().versionProvider(new Version());
      commandLine.getSubcommands().values().forEach(Version::applyTo);
    }
  }
}
