package org.batchsweep.cli;

import java.lang.management.ManagementFactory;

/**
 * When the command started, on the {@link System#nanoTime} scale: start-up is a stage too. For
 * {@code ./submit COMMAND} that is the JVM's start; in {@code ./submit shell}, the line's.
 */
final class JvmClock {

  /** Set by the shell as each of its commands starts; 0 for a JVM that runs one command. */
  private static volatile long commandStartNanos;

  private JvmClock() {}

  static long startNanos() {
    if (commandStartNanos != 0) {
      return commandStartNanos;
    }
    long sinceStartMillis =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    return System.nanoTime() - sinceStartMillis * 1_000_000L;
  }

  /** A command of a long-lived JVM starts now. */
  static void startCommand() {
    commandStartNanos = System.nanoTime();
  }
}
