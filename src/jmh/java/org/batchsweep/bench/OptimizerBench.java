package org.batchsweep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batchsweep.train.FastTrainer;
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
 * The O(1)-per-step trainer's cost per optimizer: the seed grid (200 runs, {@code mse}, float32,
 * 114,600 steps an operation) trained with each optimizer, option and schedule in turn, in one fork
 * so the ratios to {@code adam} are what to quote. ns per step = ms per op · 10⁶ / 114,600.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OptimizerBench {

  @Param({
    "adam",
    "adam-weight-decay",
    "adam-amsgrad",
    "adamw",
    "sgd",
    "sgd-momentum",
    "sgd-nesterov",
    "rmsprop",
    "rmsprop-centered-momentum",
    "adagrad",
    "adam-cosine",
    "adam-onecycle",
    "sgd-onecycle",
    "adam-sqrt-scaling"
  })
  public String optimizer;

  private SeedGrid grid;

  @Setup
  public void setUp() {
    List<String> overrides =
        new ArrayList<>(
            List.of(
                "grid.seed=[0]",
                "grid.loss=[mse]",
                "train.precision=float32",
                "train.record_epochs=false"));
    overrides.addAll(
        switch (optimizer) {
          case "adam" -> List.of();
          case "adam-weight-decay" -> List.of("grid.weight_decay=[0.01]");
          case "adam-amsgrad" -> List.of("optim.adam.amsgrad=true");
          case "adamw" -> List.of("grid.optimizer=[adamw]");
          case "sgd" -> List.of("grid.optimizer=[sgd]", "grid.lr=[0.1]");
          case "sgd-momentum" ->
              List.of("grid.optimizer=[sgd]", "grid.lr=[0.1]", "grid.momentum=[0.9]");
          case "sgd-nesterov" ->
              List.of(
                  "grid.optimizer=[sgd]",
                  "grid.lr=[0.1]",
                  "grid.momentum=[0.9]",
                  "grid.nesterov=[true]");
          case "rmsprop" -> List.of("grid.optimizer=[rmsprop]");
          case "rmsprop-centered-momentum" ->
              List.of(
                  "grid.optimizer=[rmsprop]", "optim.rmsprop.centered=true", "grid.momentum=[0.5]");
          case "adagrad" -> List.of("grid.optimizer=[adagrad]", "grid.lr=[0.1]");
          case "adam-cosine" -> List.of("grid.schedule=[cosine]");
          case "adam-onecycle" -> List.of("grid.schedule=[onecycle(0.05)]");
          case "sgd-onecycle" -> List.of("grid.optimizer=[sgd]", "grid.schedule=[onecycle(0.1)]");
          case "adam-sqrt-scaling" -> List.of("grid.lr_scaling=[sqrt]");
          default -> throw new IllegalArgumentException(optimizer);
        });
    grid = new SeedGrid(overrides);
    if (grid.runs.size() != 200 || grid.totalSteps() != 114_600) {
      throw new IllegalStateException("expected the 200-run seed grid, got " + grid.runs.size());
    }
  }

  @Benchmark
  public void fastTrainer(Blackhole bh) {
    bh.consume(FastTrainer.train(grid.trainingSet, grid.runs, false));
  }
}
