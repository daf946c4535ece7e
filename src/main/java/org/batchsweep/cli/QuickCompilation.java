package org.batchsweep.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.BadInputException;
import org.batchsweep.job.SparkSettings;

/**
 * C1-only compilation for a small sweep: once {@code run} knows its sweep's {@link SweepSize}, it
 * turns HotSpot's optimizing compiler (C2) off for every method of this JVM, with a compiler
 * directive, so hot methods get C1's code instead.
 *
 * <p>Why: a cold JVM that runs the seed sweep spends most of its CPU compiling. {@code -XX:+CITime}
 * counted 29 s of JIT compilation in one seed run (such runs took 21-24 s wall, 38-43 s CPU), 22 s
 * of them in C2, optimizing Spark's planner, code generator and generated classes, which run a few
 * thousand times and are gone when the JVM stops. On 2 cores that CPU is taken from Spark's tasks
 * and the driver. C1's code is slower, so past the sizes in {@link SweepSize} C2 pays for itself
 * and is left on (README, Interactive speed).
 *
 * <p>A larger sweep turns C2 off the same way once its runs are trained ({@link #afterTraining}).
 *
 * <p>Most small sweeps never need the directive: their size is known before Spark starts, so {@code
 * ./submit} asks {@link LaunchJit} and starts the JVM with C1 only. The directive serves the sweeps
 * sized once Spark is up (Parquet data, {@code --resume}).
 *
 * <p>A sweep of few runs likewise has Spark interpret expressions ({@link
 * #interpretExpressionsIf}).
 *
 * <p>{@code BATCHSWEEP_JIT} overrides the choice: {@code auto} (the default), {@code quick} (C1
 * only whatever the size), {@code full} (leave the JIT as it is). Only this JVM is affected: on a
 * cluster, the driver's; executors run in their own JVMs with the JIT as they start.
 */
final class QuickCompilation {

  static final String ENVIRONMENT_KEY = "BATCHSWEEP_JIT";

  /** C2 excluded for every method; C1 keeps its defaults. */
  private static final String C1_ONLY = "[{ match: \"*.*\", c2: { Exclude: true } }]";

  enum Mode {
    AUTO,
    QUICK,
    FULL;

    /** The mode {@code BATCHSWEEP_JIT} names, AUTO when it is unset or empty. */
    static Mode of(String value) {
      if (value == null || value.isEmpty()) {
        return AUTO;
      }
      for (Mode mode : values()) {
        if (mode.name().toLowerCase(Locale.ROOT).equals(value)) {
          return mode;
        }
      }
      throw new BadInputException(
          ENVIRONMENT_KEY + ": '" + value + "' is not a JIT mode; accepted: auto, quick, full");
    }

    boolean appliesTo(SweepSize size) {
      return this == QUICK || (this == AUTO && size.small());
    }

    /**
     * Whether Spark interprets expressions for a sweep of few runs, or of more ({@link
     * #interpretExpressionsIf}).
     */
    boolean interpretsExpressions(boolean fewRuns) {
      return this != FULL && fewRuns;
    }
  }

  private QuickCompilation() {}

  /**
   * Whether this JVM was started with C1 only ({@link LaunchJit}), so there is no C2 to turn off.
   */
  static boolean c1OnlySinceLaunch() {
    try {
      HotSpotDiagnosticMXBean hotSpot =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return hotSpot != null && "1".equals(hotSpot.getVMOption("TieredStopAtLevel").getValue());
    } catch (RuntimeException e) {
      return false; // not HotSpot: the directive below is not understood either
    }
  }

  /** The mode this process was started with; bad values are refused before anything is written. */
  static Mode mode() {
    return Mode.of(System.getenv(ENVIRONMENT_KEY));
  }

  /**
   * Turns C2 off for the rest of this JVM's life when {@code mode} applies to {@code size}; a JVM
   * without HotSpot's diagnostic commands keeps its JIT as it is.
   */
  static void applyFor(SweepSize size, Mode mode) {
    if (mode.appliesTo(size)) {
      turnOffC2();
    }
  }

  /**
   * Has the Spark session of a sweep with few runs ({@link SweepSize#fewRuns}) interpret its
   * queries' expressions rather than generate and compile a class for each ({@link
   * SparkSettings#interpretExpressions}): the same trade as C1 only, compile less where little data
   * runs through the code. The seed sweep's run was measured faster with it, and so were {@code
   * explain} and {@code report} on its tables; past {@link SweepSize#MAX_RUNS_INTERPRETED} runs the
   * aggregates lose more than the compiling costs, so {@code quick} does not force it. The
   * training's writes keep generated code (README, Interactive speed). {@code full} leaves Spark as
   * it is.
   */
  static void interpretExpressionsIf(SparkSession spark, boolean fewRuns, Mode mode) {
    if (mode.interpretsExpressions(fewRuns)) {
      SparkSettings.interpretExpressions(spark);
    }
  }

  /**
   * Turns C2 off once a sweep's training is done, unless {@code BATCHSWEEP_JIT=full}. What follows
   * is Spark planning, generating and compiling code for many queries that each run once or over a
   * few tasks, where C1's code was measured faster overall; what C2 compiled for training keeps its
   * code (README, Interactive speed).
   */
  static void afterTraining(Mode mode) {
    if (mode != Mode.FULL) {
      turnOffC2();
    }
  }

  /** Whether {@link #turnOffC2} has added the directive (a JVM started C1-only never needs it). */
  private static final AtomicBoolean C2_OFF = new AtomicBoolean();

  private static void turnOffC2() {
    if (c1OnlySinceLaunch() || !C2_OFF.compareAndSet(false, true)) {
      return;
    }
    try {
      Path directives = Files.createTempFile("batchsweep-c1-only-", ".json");
      try {
        Files.writeString(directives, C1_ONLY, StandardCharsets.UTF_8);
        ManagementFactory.getPlatformMBeanServer()
            .invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "compilerDirectivesAdd",
                new Object[] {new String[] {directives.toString()}},
                new String[] {String[].class.getName()});
      } finally {
        Files.deleteIfExists(directives);
      }
    } catch (IOException | JMException | RuntimeException e) {
      // A speed-up, not a requirement: the sweep's results are the same either way, so the JIT
      // stays as it is.
    }
  }
}
