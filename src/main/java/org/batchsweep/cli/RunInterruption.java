package org.batchsweep.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during {@code run}. Without this, SIGINT starts the JVM's shutdown while the driver is in
 * the middle of a Spark job: Spark's shutdown hook stops the context under the job, and the user
 * gets a hundred lines of stack trace. Here SIGINT prints what the user needs — that the run was
 * interrupted, how many runs are committed, and the exact command that finishes the sweep — then
 * silences everything else (Spark's logs and the failing job's exceptions) and exits with status
 * 130, as a shell does for a process ended by Ctrl-C. Spark's own shutdown hook still stops the
 * context and cleans up. The sweep's tables need nothing: its {@code sweeps} row says {@code
 * running} until the last table is written.
 */
final class RunInterruption implements AutoCloseable {

  /** Exit status of a process ended by SIGINT (128 + 2). */
  static final int EXIT_INTERRUPTED = 130;

  private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();

  /** Where the run is: what an interruption leaves behind depends on it. */
  enum Phase {
    /** nothing of the sweep is written yet */
    STARTING,
    /** the sweep's row says running; committed runs survive in staging */
    WRITING,
    /** the sweep's tables are whole; only the report is being written */
    COMPLETE
  }

  private final String sweepId;
  private final String resumeCommand;
  private volatile Phase phase = Phase.STARTING;
  private volatile long totalRuns = -1;
  private volatile LongSupplier committedRuns = () -> 0;
  private SignalHandler previous;

  private RunInterruption(String sweepId, String out) {
    this.sweepId = sweepId;
    this.resumeCommand =
        "./submit run --sweep-id "
            + sweepId
            + " --resume"
            + (out.equals("results") ? "" : " --out " + shellWord(out));
  }

  /**
   * Installs the SIGINT handler for a run of {@code sweepId} into {@code out}, until {@link #close}
   * puts back the one before (a shell's next command is not this run).
   */
  static RunInterruption install(String sweepId, String out) {
    RunInterruption interruption = new RunInterruption(sweepId, out);
    try {
      interruption.previous =
          Signal.handle(new Signal("INT"), signal -> interruption.interrupted());
    } catch (IllegalArgumentException e) {
      // SIGINT is ignored (e.g. started in the background by a non-interactive shell): nothing to
      // do.
    }
    return interruption;
  }

  @Override
  public void close() {
    if (previous != null) {
      Signal.handle(new Signal("INT"), previous);
    }
  }

  /** True once SIGINT arrived: whatever fails after it is a consequence and is not reported. */
  static boolean happened() {
    return INTERRUPTED.get();
  }

  /**
   * {@code stream}, silent once SIGINT arrived: the run's own progress and summary lines would
   * otherwise keep coming while Spark stops under them.
   */
  static PrintStream quietAfterInterrupt(PrintStream stream) {
    return new PrintStream(
        new FilterOutputStream(stream) {
          @Override
          public void write(int b) throws IOException {
            if (!happened()) {
              out.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (!happened()) {
              out.write(b, off, len);
            }
          }
        },
        true); // the default charset, as System.out and System.err use when not on a console
  }

  void writing(long runs, LongSupplier committed) {
    this.totalRuns = runs;
    this.committedRuns = committed;
    this.phase = Phase.WRITING;
  }

  void complete() {
    this.phase = Phase.COMPLETE;
  }

  /** The one or two lines printed on SIGINT. */
  String message() {
    return switch (phase) {
      case STARTING ->
          "interrupted: sweep " + sweepId + " had not started writing; nothing was written";
      // "at least": a chunk whose commit is finishing as the signal arrives is counted by --resume
      case WRITING ->
          "interrupted: sweep "
              + sweepId
              + " is incomplete (status running), at least "
              + committedRuns.getAsLong()
              + " of "
              + totalRuns
              + " runs committed\n"
              + "finish it with: "
              + resumeCommand;
      case COMPLETE ->
          "interrupted: sweep "
              + sweepId
              + " is complete; its report was not written"
              + " (./submit report --sweep-id "
              + sweepId
              + ")";
    };
  }

  private void interrupted() {
    if (!INTERRUPTED.compareAndSet(false, true)) {
      return; // a second Ctrl-C while shutting down
    }
    PrintStream err = System.err;
    err.println();
    err.println(message());
    err.flush();
    // From here on every line would be a consequence of stopping Spark under a running job.
    Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
    PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    System.setErr(silent);
    System.setOut(silent);
    System.exit(EXIT_INTERRUPTED);
  }

  private static String shellWord(String text) {
    return text.matches("[A-Za-z0-9_./:=@%+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
