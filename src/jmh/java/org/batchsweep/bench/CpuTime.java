package org.batchsweep.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The benchmark thread's CPU time per operation, printed next to JMH's wall-clock score (a line
 * {@code cpu time: ... ms/op} at the end of each fork). On a machine shared with other builds the
 * wall clock also counts time the thread spent waiting for a core; CPU time counts only time on
 * one, so it is the fairer "one core" number. Measurement iterations only.
 */
@State(Scope.Thread)
public class CpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final List<Double> perIteration = new ArrayList<>();
  private long cpuNanos;
  private long operations;
  private long start;

  @Setup(Level.Iteration)
  public void reset() {
    cpuNanos = 0;
    operations = 0;
  }

  @TearDown(Level.Iteration)
  public void record(IterationParams iteration) {
    if (iteration.getType() == IterationType.MEASUREMENT && operations > 0) {
      perIteration.add(cpuNanos / 1e6 / operations);
    }
  }

  @TearDown(Level.Trial)
  public void report(BenchmarkParams params) {
    if (perIteration.isEmpty()) {
      return;
    }
    List<Double> sorted = new ArrayList<>(perIteration);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%n  cpu time: %s %s: median %.4f ms/op, min %.4f, max %.4f over %d iterations%n",
        params.getBenchmark().replaceFirst(".*\\.", ""),
        params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k)).toList(),
        sorted.get(sorted.size() / 2),
        sorted.get(0),
        sorted.get(sorted.size() - 1),
        sorted.size());
  }

  void begin() {
    start = THREADS.getCurrentThreadCpuTime();
  }

  void end() {
    cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    operations++;
  }
}
