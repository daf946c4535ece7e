package org.batchsweep.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall time of each stage of a command, in the order they ran: a stage lasts from the end of the
 * one before it (or the clock's start) until {@link #lap}. The command prints the laps as one line,
 * so where an interactive run spends its time is visible without a profiler.
 */
public final class StageClock {

  private final List<String> names = new ArrayList<>();
  private final List<Long> nanos = new ArrayList<>();
  private final long start;
  private long last;

  /** A clock whose first stage started {@code startNanos} ago ({@link System#nanoTime} scale). */
  public StageClock(long startNanos) {
    this.start = startNanos;
    this.last = startNanos;
  }

  public StageClock() {
    this(System.nanoTime());
  }

  /** Ends the current stage under {@code name} and starts the next one. */
  public synchronized void lap(String name) {
    long now = System.nanoTime();
    names.add(name);
    nanos.add(now - last);
    last = now;
  }

  /** "time by stage: start-up 4.1 s, training 2.0 s, ..., total 9.3 s". */
  public synchronized String line() {
    StringBuilder line = new StringBuilder("time by stage:");
    for (int i = 0; i < names.size(); i++) {
      line.append(String.format(Locale.ROOT, " %s %.2f s,", names.get(i), nanos.get(i) / 1e9));
    }
    return line.append(String.format(Locale.ROOT, " total %.2f s", (last - start) / 1e9))
        .toString();
  }
}
