package org.batchsweep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.GradientDescent;
import org.apache.spark.mllib.optimization.LeastSquaresGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.storage.StorageLevel;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.optim.OptimizerConfigs;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import scala.Tuple2;

/**
 * One mini-batch SGD step on the same data and batch size: batchsweep's trainers against MLlib's
 * {@code GradientDescent.runMiniBatchSGD} (LeastSquaresGradient + SimpleUpdater, i.e. plain SGD on
 * the squared loss, intercept as a constant feature) in a local-mode SparkContext in this JVM.
 *
 * <p>Every benchmark reports the cost of ONE step (JMH divides by
 * {@code @OperationsPerInvocation}):
 *
 * <ul>
 *   <li>{@code oursFastStep}: a whole trainer step of {@link FastTrainer} (batch sums from prefix
 *       sums, gradient, SGD update, per-epoch bookkeeping amortised): {@value #OUR_EPOCHS} epochs
 *       of {@code n / B} steps.
 *   <li>{@code oursPerSampleStep}: the same through {@link PerSampleTrainer}, O(B) per step.
 *   <li>{@code mllibIteration}: {@value #MLLIB_ITERATIONS} iterations of {@code runMiniBatchSGD}
 *       with {@code miniBatchFraction = B / n} and {@code convergenceTol = 0}, so none stops early;
 *       each iteration is one Spark job (sample, treeAggregate the gradient, update on the driver).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xms1g",
      "-Xmx1g",
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true",
      "-Dlog4j2.level=WARN"
    })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class StepBench {

  static final int N = 1000;
  static final int BATCH = 100;
  static final double LR = 0.01;
  static final int OUR_EPOCHS = 1000;
  static final int OUR_STEPS = OUR_EPOCHS * N / BATCH;
  static final int MLLIB_ITERATIONS = 10;

  private TrainingSet data;
  private RunConfig sgd;
  private JavaSparkContext spark;
  private JavaRDD<Tuple2<Object, Vector>> rows;
  private Vector initialWeights;

  @Setup(Level.Trial)
  public void setUp() {
    SeedGrid seed = SeedGrid.of("mse", "float64");
    data = seed.trainingSet;
    Points points = data.train();
    if (points.size() != N) {
      throw new IllegalStateException("expected " + N + " points, got " + points.size());
    }
    // float64, as MLlib computes in double; fixed init, no shuffle (MLlib samples at random).
    sgd =
        new RunConfig(
            "bench",
            OptimizerConfigs.of("sgd", LR, 0.0),
            Loss.MSE,
            BATCH,
            false,
            OUR_EPOCHS,
            0,
            Precision.FLOAT64,
            new Init(0.5, -0.5));

    SparkConf conf =
        new SparkConf()
            .setMaster("local[2]")
            .setAppName("batchsweep StepBench")
            .set("spark.ui.enabled", "false")
            .set("spark.ui.showConsoleProgress", "false");
    spark = new JavaSparkContext(conf);
    spark.setLogLevel("WARN");
    List<Tuple2<Object, Vector>> labelled = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      // The intercept is the weight of a constant feature 1.
      labelled.add(new Tuple2<>(points.y()[i], Vectors.dense(points.x()[i], 1.0)));
    }
    rows = spark.parallelize(labelled, 2).persist(StorageLevel.MEMORY_ONLY());
    rows.count();
    initialWeights = Vectors.dense(0.5, -0.5);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Benchmark
  @OperationsPerInvocation(OUR_STEPS)
  public void oursFastStep(Blackhole bh) {
    bh.consume(FastTrainer.train(data, List.of(sgd), false));
  }

  @Benchmark
  @OperationsPerInvocation(OUR_STEPS)
  public void oursPerSampleStep(Blackhole bh) {
    bh.consume(PerSampleTrainer.train(data, sgd, false));
  }

  /** Spark's first jobs are slow (class loading, JIT of the scheduler): warm it for longer. */
  @Benchmark
  @Warmup(iterations = 10, time = 2)
  @OperationsPerInvocation(MLLIB_ITERATIONS)
  public void mllibIteration(Blackhole bh) {
    Tuple2<Vector, double[]> result =
        GradientDescent.runMiniBatchSGD(
            rows.rdd(),
            new LeastSquaresGradient(),
            new SimpleUpdater(),
            LR,
            MLLIB_ITERATIONS,
            0.0,
            BATCH / (double) N,
            initialWeights,
            0.0);
    bh.consume(result._1());
    bh.consume(result._2());
  }
}
