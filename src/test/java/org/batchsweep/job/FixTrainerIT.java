package org.batchsweep.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.data.LinePoints;
import org.batchsweep.diagnose.Diagnoser;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.testing.SharedSparkSession;
import org.batchsweep.train.FastTrainer;
import org.batchsweep.train.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fixed runs train where they are cheapest: a batch below one task's worth of training on the
 * driver, a larger one as a Spark job; both give what the trainer and diagnoser give on their own.
 */
class FixTrainerIT extends SharedSparkSession {

  private static final ConvergenceSpec TOLERANCE = new ConvergenceSpec(0.05, 0.05);

  private static final List<String> jobs = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void listenForJobs() {
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onJobStart(SparkListenerJobStart job) {
                jobs.add(String.valueOf(job.properties().getProperty("spark.job.description")));
              }
            });
  }

  @Test
  void aCheapBatchTrainsOnTheDriverAndALargerOneAsASparkJob() throws InterruptedException {
    TrainingSet data = seedData();
    Reference reference = leastSquares(data.train());
    List<RunConfig> cheap =
        List.of(adam("a", 10, false, 5), adam("b", 100, true, 50), adam("c", 1000, false, 100));
    // 20,000 epochs of a step per point: over one task's worth (TaskPlanner.MIN_TASK_COST).
    List<RunConfig> larger = List.of(adam("d", 1, true, 20_000), adam("e", 500, false, 3));
    int n = data.train().size();
    assertThat(TaskPlanner.cheaperThanATask(cheap, n)).isTrue();
    assertThat(TaskPlanner.cheaperThanATask(larger, n)).isFalse();

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<String, FixTrainer.Trained> onDriver;
    Map<String, FixTrainer.Trained> asJob;
    try (FixTrainer trainer = new FixTrainer(jsc, data, reference, TOLERANCE)) {
      onDriver = trainer.train(cheap, "cheap fixes");
      asJob = trainer.train(larger, "larger fixes");
    }
    jsc.setJobDescription("marker");
    jsc.parallelize(List.of(1), 1).count();
    jsc.setJobDescription(null);

    // The listener sees jobs in the order they started, the marker last.
    awaitJob("marker");
    assertThat(jobs).containsSubsequence("larger fixes", "marker").doesNotContain("cheap fixes");
    assertThat(onDriver).containsOnlyKeys("a", "b", "c");
    assertThat(asJob).containsOnlyKeys("d", "e");
    for (Map<String, FixTrainer.Trained> trained : List.of(onDriver, asJob)) {
      trained.forEach(
          (id, t) ->
              assertThat(t)
                  .usingRecursiveComparison()
                  .isEqualTo(trainedAlone(data, reference, cheapOrLarger(id, cheap, larger))));
    }
  }

  private static RunConfig cheapOrLarger(String id, List<RunConfig> cheap, List<RunConfig> larger) {
    return Stream.concat(cheap.stream(), larger.stream())
        .filter(r -> r.runId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** What the trainer and diagnoser give for {@code run}, with no Spark. */
  private static FixTrainer.Trained trainedAlone(
      TrainingSet data, Reference reference, RunConfig run) {
    Diagnoser diagnoser = new Diagnoser(reference, TOLERANCE, data.train(), data.featureNames());
    return FixTrainer.trained(
        FastTrainer.train(data, List.of(run), true, Target.around(reference, TOLERANCE)).get(0),
        diagnoser,
        reference,
        TOLERANCE);
  }

  private static void awaitJob(String description) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!jobs.contains(description) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static TrainingSet seedData() {
    SweepSpec spec = SpecLoader.loadText("", "test", List.of());
    return new TrainingSet(LinePoints.generate(spec.data(), LinePoints.TRAIN_SPLIT), null);
  }

  private static Reference leastSquares(Points p) {
    double slope = p.covXY() / p.varX();
    double intercept = p.meanY() - slope * p.meanX();
    return new Reference("ols", slope, intercept, p.mse(slope, intercept), Double.NaN, 1);
  }

  private static RunConfig adam(String id, int batchSize, boolean shuffle, int epochs) {
    return new RunConfig(
        id,
        AdamConfig.withDefaults(0.01),
        Loss.MSE,
        batchSize,
        shuffle,
        epochs,
        0,
        Precision.FLOAT32,
        Init.KAIMING);
  }
}
