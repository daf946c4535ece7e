package org.batchsweep.job;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.batchsweep.reference.MllibReference;
import org.batchsweep.reference.Reference;
import org.batchsweep.train.RunOutcome;
import org.batchsweep.train.TrainingSet;

/**
 * Runs a sweep on Spark and writes its tables. The training points are broadcast once; the runs
 * are planned into cost-balanced tasks, trained on executors in one Spark job, and their rows
 * written from the executors straight to Parquet, so the driver never holds the results.
 *
 * <p>The sweep's {@code sweeps} row says {@code running} from before the first table is touched
 * until the last is written, then {@code complete}: it is the one signal that a sweep is whole.
 */
public final class SweepJob {

  public static final String STATUS_RUNNING = "running";
  public static final String STATUS_COMPLETE = "complete";

  private final SparkSession spark;
  private final TableStore store;
  private final PrintStream progress;

  public SweepJob(SparkSession spark, TableStore store, PrintStream progress) {
    this.spark = spark;
    this.store = store;
    this.progress = progress;
  }

  public SweepResult run(SweepPlan plan) {
    long start = System.nanoTime();
    Timestamp createdAt = Timestamp.from(Instant.now());
    String sweepId = plan.sweepId();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String jobGroup = "batchsweep-" + sweepId;
    jsc.setJobGroup(jobGroup, "batchsweep " + sweepId, false);
    try {
      writeSweepRow(plan, createdAt, null, STATUS_RUNNING);

      TrainingSet data = plan.data().trainingSet();
      Broadcast<TrainingSet> broadcast = jsc.broadcast(data);
      Dataset<Row> points = points(broadcast, plan);
      describe(jsc, "write points of " + sweepId);
      store.write(Table.POINTS, points);

      describe(jsc, "fit MLlib reference for " + sweepId);
      Reference reference = fitReference(points, plan.data().validation() != null);
      store.write(
          Table.REFERENCE,
          spark.createDataFrame(
              List.of(RowFactory.create(sweepId, reference.method(), reference.slope(),
                  reference.intercept(), reference.trainMse(), nullIfNaN(reference.validationMse()),
                  reference.r2())),
              Table.REFERENCE.schema()));

      train(jsc, plan, broadcast, reference);

      double wall = (System.nanoTime() - start) / 1e9;
      writeSweepRow(plan, createdAt, wall, STATUS_COMPLETE);
      broadcast.destroy();
      return new SweepResult(sweepId, reference, plan.runs().size(), wall);
    } finally {
      jsc.clearJobGroup();
    }
  }

  private void train(
      JavaSparkContext jsc, SweepPlan plan, Broadcast<TrainingSet> data, Reference reference) {
    String sweepId = plan.sweepId();
    boolean recordEpochs = plan.spec().train().recordEpochs();
    List<TrainingTask> tasks =
        TaskPlanner.plan(plan.runs(), plan.data().train().size(), jsc.defaultParallelism());
    RowContext context =
        new RowContext(sweepId, reference, plan.spec().converged(), plan.data().validation() != null);

    JavaRDD<RunOutcome> outcomes =
        jsc.parallelize(tasks, tasks.size()).mapPartitions(new TrainTasks(data, recordEpochs));
    if (recordEpochs) {
      // Both tables come from one training pass; a lost cached block is recomputed identically.
      outcomes = outcomes.persist(StorageLevel.MEMORY_AND_DISK());
    }
    TrainingProgress listener =
        new TrainingProgress("batchsweep-" + sweepId, tasks, progress);
    spark.sparkContext().addSparkListener(listener);
    try {
      describe(jsc, "train " + plan.runs().size() + " runs of " + sweepId);
      progress.printf("training %d runs in %d tasks%n", plan.runs().size(), tasks.size());
      store.write(Table.RUNS, spark.createDataFrame(outcomes.map(new RunRows(context, data)), Table.RUNS.schema()));
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
    if (recordEpochs) {
      describe(jsc, "write trajectories of " + sweepId);
      store.write(
          Table.EPOCHS,
          spark.createDataFrame(outcomes.flatMap(new EpochRows(sweepId)), Table.EPOCHS.schema()));
      outcomes.unpersist(false);
    } else {
      store.deletePartition(Table.EPOCHS, sweepId);
    }
  }

  private Dataset<Row> points(Broadcast<TrainingSet> data, SweepPlan plan) {
    long total =
        plan.data().train().size()
            + (plan.data().validation() == null ? 0 : plan.data().validation().size());
    int partitions = (int) Math.max(1, Math.min(spark.sparkContext().defaultParallelism(), total / 100_000 + 1));
    return spark
        .range(0, total, 1, partitions)
        .mapPartitions(new PointRows(data, plan.sweepId()), Encoders.row(Table.POINTS.schema()));
  }

  private static Reference fitReference(Dataset<Row> points, boolean hasValidation) {
    Dataset<Row> xy = points.select("split", "x", "y");
    return MllibReference.fit(
        xy.where(functions.col("split").equalTo(PointRows.TRAIN)),
        hasValidation ? xy.where(functions.col("split").equalTo(PointRows.VALIDATION)) : null);
  }

  private void writeSweepRow(SweepPlan plan, Timestamp createdAt, Double wallSeconds, String status) {
    Row row =
        RowFactory.create(
            plan.sweepId(),
            plan.spec().name(),
            plan.spec().yaml(),
            createdAt,
            spark.sparkContext().master(),
            spark.version(),
            (long) plan.runs().size(),
            wallSeconds,
            status);
    store.write(Table.SWEEPS, spark.createDataFrame(List.of(row), Table.SWEEPS.schema()));
  }

  private static void describe(JavaSparkContext jsc, String what) {
    jsc.setJobDescription(what);
  }

  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
