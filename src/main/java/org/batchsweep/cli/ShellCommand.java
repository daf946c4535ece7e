package org.batchsweep.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.batchsweep.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./submit shell}: one long-lived driver that runs command after command, read from standard
 * input, each exactly as {@code ./submit COMMAND ...} would run it (its own SparkSession, output
 * and exit status). What it saves is what every {@code ./submit} pays again: starting a JVM,
 * loading Spark's classes and compiling their hot code; the second seed run in a shell was measured
 * at about half the wall time of a cold one (README, Interactive speed).
 *
 * <p>The shell's JVM compiles as {@code sql}, {@code explain} and {@code report} do, with C1 only
 * unless {@code BATCHSWEEP_JIT=full}: over the seed sweep run six times in a row, that took 19-28%
 * less time in all than C2, most of it in the first run (README, Interactive speed). Each sweep
 * still has Spark interpret or compile its expressions by its size ({@link QuickCompilation}).
 * Ctrl-C during {@code run} ends the shell as it ends {@code ./submit run}, leaving the sweep
 * resumable.
 */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Run commands one after another in one warm driver: run, sql, explain, report, help, each as"
          + " after ./submit, one per line from standard input; exit or end of input leaves.",
      "The exit status is the last command's."
    })
final class ShellCommand implements Callable<Integer> {

  private static final String PROMPT = "batchsweep> ";

  /** Words that end the shell. */
  private static final Set<String> EXIT = Set.of("exit", "quit");

  /** Commands that start or manage JVMs of their own, so they run from ./submit only. */
  private static final Set<String> OUTSIDE = Set.of("shell", "cluster");

  @Override
  public Integer call() {
    QuickCompilation.mode(); // ./submit chose this JVM's JIT by it: a bad value is refused here too
    List<String> inside = commandsInside();
    boolean interactive = System.console() != null;
    PrintStream out = System.out;
    if (interactive) {
      out.println(
          "batchsweep shell: "
              + String.join(", ", inside.subList(0, inside.size() - 1))
              + " or "
              + inside.get(inside.size() - 1)
              + ", as after ./submit; exit or Ctrl-D leaves");
    }
    int status = 0;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    while (true) {
      if (interactive) {
        out.print(PROMPT);
        out.flush();
      }
      String line = readLine(in);
      if (line == null) {
        break;
      }
      List<String> words;
      try {
        words = ShellWords.split(line);
      } catch (BadInputException e) {
        status = refuse(e.getMessage());
        continue;
      }
      if (words.isEmpty()) {
        continue;
      }
      if (EXIT.contains(words.get(0))) {
        break;
      }
      String command = words.get(0);
      if (OUTSIDE.contains(command)) {
        status = refuse(command + " runs from ./submit, not inside the shell");
        continue;
      }
      if (!inside.contains(command) && !command.startsWith("-")) {
        status =
            refuse(
                "unknown command '"
                    + command
                    + "'; accepted: "
                    + String.join(", ", inside)
                    + ", exit (one per line)");
        continue;
      }
      JvmClock.startCommand();
      status = BatchSweep.execute(words.toArray(String[]::new));
      if (RunInterruption.happened()) {
        return status; // Ctrl-C during a run: the JVM is exiting, as ./submit run would
      }
      System.out.flush();
      System.err.flush();
    }
    if (interactive) {
      out.println();
    }
    return status;
  }

  /**
   * The commands a shell runs: ./submit's own, but those {@link #OUTSIDE}, in ./submit's order.
   * Options such as --help and --version go to ./submit's parser too.
   */
  private static List<String> commandsInside() {
    return new CommandLine(new BatchSweep())
        .getSubcommands().keySet().stream().filter(name -> !OUTSIDE.contains(name)).toList();
  }

  private static int refuse(String message) {
    System.err.println("error: " + message);
    System.err.flush();
    return BatchSweep.EXIT_BAD_INPUT;
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shell's standard input", e);
    }
  }
}
