package org.batchsweep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.train.FastTrainer;
import org.batchsweep.train.PerSampleTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of one optimizer step against the number of features d, for both trainers: 16 Adam runs (lr
 * 0.01, float32, mse, fixed order) at batch sizes 32 to 512 on n = 1,024 points with d features, 10
 * epochs, 1,330 steps in all. Reported per step ({@link OperationsPerInvocation}), so the
 * per-sample trainer's O(B·d) and the prefix-sum trainer's O(d²) (plus its O(n·d²) prefix sums once
 * per epoch, shared by the runs) can be read side by side. With d = 1 the fast trainer is the
 * one-feature {@code FastTrainer}; above, {@code FeatureTrainer}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeatureBench {

  static final int N = 1024;
  static final int EPOCHS = 10;
  static final int[] BATCH_SIZES = {
    32, 48, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, 512
  };

  /** Optimizer steps in one invocation: Σ over the runs of epochs·ceil(n/B) (checked in setUp). */
  static final int STEPS = 1330;

  @Param({"1", "2", "5", "10", "20"})
  public int d;

  private TrainingSet data;
  private List<RunConfig> runs;

  static int steps() {
    int steps = 0;
    for (int b : BATCH_SIZES) {
      steps += EPOCHS * ((N + b - 1) / b);
    }
    return steps;
  }

  @Setup(Level.Trial)
  public void setUp() {
    if (steps() != STEPS) {
      throw new IllegalStateException("STEPS should be " + steps());
    }
    SplittableRandom random = new SplittableRandom(42);
    double[] x = new double[N * d];
    double[] y = new double[N];
    for (int i = 0; i < N; i++) {
      double target = 0;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = random.nextDouble();
        target += (j % 2 == 0 ? 1 : -1) * x[i * d + j];
      }
      y[i] = target + 0.05 * random.nextGaussian();
    }
    data = new TrainingSet(new Points(d, x, y), null);
    runs = new ArrayList<>();
    for (int b : BATCH_SIZES) {
      runs.add(
          new RunConfig(
              "b" + b,
              AdamConfig.withDefaults(0.01),
              Loss.MSE,
              b,
              false,
              EPOCHS,
              0,
              Precision.FLOAT32,
              Init.KAIMING));
    }
  }

  @Benchmark
  @OperationsPerInvocation(STEPS)
  public void fastTrainerPerStep(Blackhole bh) {
    bh.consume(FastTrainer.train(data, runs, false));
  }

  @Benchmark
  @OperationsPerInvocation(STEPS)
  public void perSampleTrainerPerStep(Blackhole bh) {
    for (RunConfig run : runs) {
      bh.consume(PerSampleTrainer.train(data, run, false));
    }
  }
}
