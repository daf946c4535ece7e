package org.batchsweep.cli;

import java.lang.management.ManagementFactory;

/** When this JVM started, on the {@link System#nanoTime} scale: start-up is a stage too. */
final class JvmClock {

  private JvmClock() {}

  static long startNanos() {
    long sinceStartMillis =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    return System.nanoTime() - sinceStartMillis * 1_000_000L;
  }
}
