package org.batchsweep.bench;

import java.util.concurrent.TimeUnit;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.train.FastTrainer;
import org.batchsweep.train.PerSampleTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Trainer throughput on the seed grid (200 runs: 100 batch sizes × shuffle false/true, Adam
 * lr 0.01, 100 epochs, n = 1000, one seed, one loss), single thread, warm JVM. One operation trains
 * all 200 runs; both trainers run in the same JVM and fork, so their ratio is what to quote.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainerBench {

  @Param({"mse", "mse-broadcast"})
  public String loss;

  @Param({"float32"})
  public String precision;

  private SeedGrid grid;

  @Setup
  public void setUp() {
    grid = SeedGrid.of(loss, precision);
    if (grid.runs.size() != 200) {
      throw new IllegalStateException("seed grid should have 200 runs, has " + grid.runs.size());
    }
  }

  /**
   * All 200 runs through the O(1)-per-step trainer in one call (both shuffle groups side by side),
   * counting steps to target as the job does.
   */
  @Benchmark
  public void fastTrainer(Blackhole bh, CpuTime cpu) {
    cpu.begin();
    bh.consume(FastTrainer.train(grid.trainingSet, grid.runs, false, grid.target));
    cpu.end();
  }

  /** All 200 runs through the per-sample reference trainer, one run at a time. */
  @Benchmark
  public void perSampleTrainer(Blackhole bh, CpuTime cpu) {
    cpu.begin();
    for (RunConfig run : grid.runs) {
      RunOutcome outcome = PerSampleTrainer.train(grid.trainingSet, run, false);
      bh.consume(outcome);
    }
    cpu.end();
  }
}
