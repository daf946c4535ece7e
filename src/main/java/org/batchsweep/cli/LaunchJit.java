package org.batchsweep.cli;

import org.batchsweep.data.DataLoader;
import org.batchsweep.job.SweepPlan;
import org.batchsweep.spec.Grid;
import org.batchsweep.spec.SweepSpec;
import picocli.CommandLine;

/**
 * Sizes a {@code run}'s sweep before its driver's JVM starts, so that a small sweep's JVM can start
 * with C1-only compilation: {@code ./submit} runs this in a short JVM of its own and passes what it
 * prints to the driver's JVM.
 *
 * <p>Why at launch: a JVM started with {@value #C1_ONLY_OPTION} compiles each hot method once, with
 * C1 and no profiling. C2 turned off once the JVM runs ({@link QuickCompilation}) still leaves the
 * JVM compiling every hot method first with C1's profiling code (tier 3), and then again without it
 * when C2 refuses the method: {@code -XX:+CITime} counted 5.7 s of the seed run's 7.2 s of C1 time
 * at tier 3, and that code also runs slower than tier 1's (README, Interactive speed).
 *
 * <p>Prints nothing, leaving the JIT to {@link QuickCompilation}, when the size is not known before
 * Spark starts (Parquet data, {@code --resume}) or the command line has an error, which the
 * driver's JVM then reports as usual: this never prints an error, writes a file or fails.
 */
final class LaunchJit {

  /** HotSpot's C1 only, from the JVM's first compilation on. */
  static final String C1_ONLY_OPTION = "-XX:TieredStopAtLevel=1";

  private LaunchJit() {}

  /** {@code LaunchJit run [ARGS...]}: prints the driver JVM's JIT options, maybe none. */
  public static void main(String[] args) {
    String option;
    try {
      option = optionFor(args, QuickCompilation.mode());
    } catch (RuntimeException e) {
      option = ""; // a bad BATCHSWEEP_JIT: the driver's JVM refuses it
    }
    System.out.println(option);
  }

  /**
   * {@link #C1_ONLY_OPTION} when {@code args} run a sweep that {@link QuickCompilation} would
   * compile with C1 only and whose size is known before Spark starts, else "".
   */
  static String optionFor(String[] args, QuickCompilation.Mode mode) {
    try {
      return c1OnlyFromLaunch(args, mode) ? C1_ONLY_OPTION : "";
    } catch (RuntimeException e) {
      return ""; // the driver's JVM meets the same error and reports it
    }
  }

  private static boolean c1OnlyFromLaunch(String[] args, QuickCompilation.Mode mode) {
    if (args.length == 0 || !"run".equals(args[0])) {
      return false;
    }
    if (mode != QuickCompilation.Mode.AUTO) {
      return mode == QuickCompilation.Mode.QUICK;
    }
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(java.util.Arrays.copyOfRange(args, 1, args.length));
    if (run.resume) {
      return false; // the spec is the stored one: Spark reads it
    }
    SweepSpec spec = SpecSource.load(run.spec, run.overrides);
    if (DataLoader.needsSpark(spec.data()) || !SweepSize.mayBeSmall(Grid.size(spec.grid()))) {
      return false; // unknown before Spark, or large: no need to expand the grid
    }
    return mode.appliesTo(SweepSize.of(SweepPlan.of("launch", spec, DataLoader.load(spec, null))));
  }
}
