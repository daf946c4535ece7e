package org.batchsweep.job;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.batchsweep.BadInputException;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.reference.MllibReference;
import org.batchsweep.store.EpochRow;
import org.batchsweep.store.PointRow;
import org.batchsweep.store.ReferenceRow;
import org.batchsweep.store.Rows;
import org.batchsweep.store.RunAxes;
import org.batchsweep.store.RunRow;
import org.batchsweep.store.SweepRow;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/**
 * Runs a sweep on Spark and writes its tables. The training points are broadcast once; the runs are
 * cut into chunks, each planned into cost-balanced tasks and trained on executors by one Spark job
 * that writes its rows from the executors to a staging folder, so the driver never holds the
 * results and every finished chunk survives a crash. Once all runs are staged, the sweep's
 * partitions of the tables are replaced in one overwrite each.
 *
 * <p>The sweep's {@code sweeps} row says {@code running} from before the first table is touched
 * until the last is written, then {@code complete}: it is the one signal that a sweep is whole. Run
 * with {@code resume}, a sweep trains only the runs its staging folder does not hold yet.
 */
public final class SweepJob {

  public static final String STATUS_RUNNING = "running";
  public static final String STATUS_COMPLETE = "complete";

  private final SparkSession spark;
  private final TableStore store;
  private final PrintStream progress;
  private final StageClock clock;
  private final Runnable trained;

  /** Runs committed to staging so far (read by another thread when the user interrupts the run). */
  private final AtomicLong committedRuns = new AtomicLong();

  public SweepJob(SparkSession spark, TableStore store, PrintStream progress) {
    this(spark, store, progress, new StageClock(), () -> {});
  }

  /**
   * A job that laps {@code clock} at the end of each of its stages and calls {@code trained} once
   * its runs are trained, before it aggregates them.
   */
  public SweepJob(
      SparkSession spark,
      TableStore store,
      PrintStream progress,
      StageClock clock,
      Runnable trained) {
    this.spark = spark;
    this.store = store;
    this.progress = progress;
    this.clock = clock;
    this.trained = trained;
  }

  public SweepResult run(SweepPlan plan) {
    return run(plan, false);
  }

  public SweepResult run(SweepPlan plan, boolean resume) {
    long start = System.nanoTime();
    Timestamp createdAt = Timestamp.from(Instant.now());
    String sweepId = plan.sweepId();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    jsc.setJobGroup(jobGroup(sweepId), "batchsweep " + sweepId, false);
    try {
      if (!resume) {
        store.deleteStaging(sweepId);
      }
      writeSweepRow(plan, createdAt, null, STATUS_RUNNING);
      clock.lap("sweep row");

      Broadcast<TrainingSet> broadcast = jsc.broadcast(plan.data().trainingSet());
      Dataset<Row> points = points(broadcast, plan);
      describe(jsc, "write points of " + sweepId);
      store.write(Table.POINTS, points);
      clock.lap("points");

      describe(jsc, "fit MLlib reference for " + sweepId);
      Reference reference =
          fitReference(points, plan.data().train().features(), plan.data().validation() != null);
      clock.lap("MLlib reference");
      store.write(
          Table.REFERENCE,
          spark.createDataFrame(
              List.of(
                  new ReferenceRow(
                          sweepId,
                          reference.method(),
                          reference.features() == 1 ? reference.slope() : null,
                          reference.intercept(),
                          reference.trainMse(),
                          nullIfNaN(reference.validationMse()),
                          reference.r2(),
                          Rows.list(reference.weights()),
                          reference.conditionNumber())
                      .toRow()),
              Table.REFERENCE.schema()));
      clock.lap("reference table");

      Set<String> staged = resume ? stagedRunIds(plan) : Set.of();
      committedRuns.set(staged.size());
      List<RunConfig> todo = plan.runs().stream().filter(r -> !staged.contains(r.runId())).toList();
      if (resume) {
        progress.printf(
            Locale.ROOT,
            "resuming %s: %d runs already committed, %d to train%n",
            sweepId,
            staged.size(),
            todo.size());
      }
      SparkSettings.withGeneratedExpressions(
          spark, () -> train(jsc, plan, todo, broadcast, reference));
      clock.lap("training");
      trained.run();
      publish(plan, resume);
      clock.lap("publish");
      describe(jsc, "batch-size science of " + sweepId);
      RunAxes axes = plan.axes();
      BatchScienceRows science =
          new BatchScience(spark, store)
              .write(
                  sweepId,
                  axes.settingAxes(),
                  points.where(functions.col(PointRow.SPLIT).equalTo(PointRows.TRAIN)),
                  reference);
      clock.lap("batch-size science");

      double wall = (System.nanoTime() - start) / 1e9;
      writeSweepRow(plan, createdAt, wall, STATUS_COMPLETE);
      store.deleteStaging(sweepId);
      broadcast.destroy();
      clock.lap("complete");
      return new SweepResult(
          sweepId, reference, axes, science, plan.runs().size(), staged.size(), wall);
    } finally {
      jsc.clearJobGroup();
    }
  }

  /** Runs of the sweep committed so far: staged by this attempt or by the one it resumes. */
  public long committedRuns() {
    return committedRuns.get();
  }

  /** Trains {@code runs} chunk by chunk, appending each chunk's rows to the staging folder. */
  private void train(
      JavaSparkContext jsc,
      SweepPlan plan,
      List<RunConfig> runs,
      Broadcast<TrainingSet> data,
      Reference reference) {
    String sweepId = plan.sweepId();
    boolean recordEpochs = plan.spec().train().recordEpochs();
    int n = plan.data().train().size();
    RowContext context =
        new RowContext(
            sweepId, reference, plan.spec().converged(), plan.data().validation() != null);
    List<List<TrainingTask>> chunks = new ArrayList<>();
    List<Integer> chunkRuns = new ArrayList<>();
    double totalCost = 0;
    for (List<RunConfig> chunk : RunChunks.split(runs, plan.spec().chunkRuns())) {
      List<TrainingTask> tasks = TaskPlanner.plan(chunk, n, jsc.defaultParallelism());
      chunks.add(tasks);
      chunkRuns.add(chunk.size());
      totalCost += tasks.stream().mapToDouble(TrainingTask::cost).sum();
    }
    TrainingProgress listener =
        new TrainingProgress(jobGroup(sweepId), runs.size(), totalCost, progress);
    progress.printf(
        Locale.ROOT,
        "training %d runs in %d chunk%s%n",
        runs.size(),
        chunks.size(),
        chunks.size() == 1 ? "" : "s");
    spark.sparkContext().addSparkListener(listener);
    try {
      for (int c = 0; c < chunks.size(); c++) {
        List<TrainingTask> tasks = chunks.get(c);
        JavaRDD<RunOutcome> outcomes =
            jsc.parallelize(tasks, tasks.size())
                .mapPartitions(new TrainTasks(data, recordEpochs, context.target()));
        if (recordEpochs) {
          // Both tables come from one training pass; a lost cached block is recomputed identically.
          // Serialized: a block's size is then its byte count, where a deserialized one is sized by
          // walking its objects (SizeEstimator: 17% of the executors' samples in the seed run).
          outcomes = outcomes.persist(StorageLevel.MEMORY_AND_DISK_SER());
        }
        describe(jsc, "train chunk " + (c + 1) + "/" + chunks.size() + " of " + sweepId);
        listener.expect(tasks);
        store.appendStaged(
            sweepId,
            Table.RUNS,
            spark.createDataFrame(outcomes.map(new RunRows(context, data)), Table.RUNS.schema()));
        listener.expect(null);
        if (recordEpochs) {
          describe(
              jsc, "trajectories of chunk " + (c + 1) + "/" + chunks.size() + " of " + sweepId);
          store.appendStaged(
              sweepId,
              Table.EPOCHS,
              spark.createDataFrame(
                  outcomes.flatMap(new EpochRows(sweepId)), Table.EPOCHS.schema()));
          outcomes.unpersist(false);
        }
        committedRuns.addAndGet(chunkRuns.get(c));
      }
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }

  /**
   * Replaces the sweep's partitions of runs and epochs with the staged rows, one row per run id. An
   * attempt that staged every run itself, into a staging folder it emptied first, staged each run
   * once: its staged partitions are moved into the tables as they are. A resumed attempt may find a
   * chunk committed twice (its runs were committed, its trajectories not): its rows are read back,
   * deduplicated and written.
   */
  private void publish(SweepPlan plan, boolean resumed) {
    String sweepId = plan.sweepId();
    describe(JavaSparkContext.fromSparkContext(spark.sparkContext()), "publish " + sweepId);
    boolean epochs = plan.spec().train().recordEpochs();
    if (!resumed) {
      store.publishStaged(sweepId, Table.RUNS);
      if (epochs) {
        store.publishStaged(sweepId, Table.EPOCHS);
      }
    } else {
      store.write(Table.RUNS, store.readStaged(sweepId, Table.RUNS).dropDuplicates(RunRow.RUN_ID));
      if (epochs) {
        store.write(
            Table.EPOCHS,
            store
                .readStaged(sweepId, Table.EPOCHS)
                .dropDuplicates(EpochRow.RUN_ID, EpochRow.EPOCH));
      }
    }
    if (!epochs) {
      store.deletePartition(Table.EPOCHS, sweepId);
    }
  }

  /**
   * Run ids an interrupted attempt committed (with their trajectories, when recorded: a chunk's
   * runs and epochs are two commits); they must all belong to this plan.
   */
  private Set<String> stagedRunIds(SweepPlan plan) {
    Set<String> staged = runIds(store.readStaged(plan.sweepId(), Table.RUNS));
    if (plan.spec().train().recordEpochs()) {
      staged.retainAll(runIds(store.readStaged(plan.sweepId(), Table.EPOCHS)));
    }
    Set<String> planned = new HashSet<>();
    plan.runs().forEach(r -> planned.add(r.runId()));
    if (!planned.containsAll(staged)) {
      throw new BadInputException(
          "--resume "
              + plan.sweepId()
              + ": the committed runs do not belong to this sweep's grid (its data"
              + " changed since it started?); run it again without --resume");
    }
    return staged;
  }

  private static Set<String> runIds(Dataset<Row> rows) {
    Set<String> ids = new HashSet<>();
    for (Row row : rows.select(RunRow.RUN_ID).distinct().collectAsList()) {
      ids.add(row.getString(0));
    }
    return ids;
  }

  private Dataset<Row> points(Broadcast<TrainingSet> data, SweepPlan plan) {
    long total =
        plan.data().train().size()
            + (plan.data().validation() == null ? 0 : plan.data().validation().size());
    int partitions =
        (int) Math.max(1, Math.min(spark.sparkContext().defaultParallelism(), total / 100_000 + 1));
    return spark
        .range(0, total, 1, partitions)
        .mapPartitions(new PointRows(data, plan.sweepId()), Encoders.row(Table.POINTS.schema()));
  }

  private static Reference fitReference(Dataset<Row> points, int d, boolean hasValidation) {
    if (d == 1) {
      Dataset<Row> xy = points.select(PointRow.SPLIT, PointRow.X, PointRow.Y);
      return MllibReference.fit(
          xy.where(functions.col(PointRow.SPLIT).equalTo(PointRows.TRAIN)),
          hasValidation
              ? xy.where(functions.col(PointRow.SPLIT).equalTo(PointRows.VALIDATION))
              : null);
    }
    // One column per feature, from the points table's features array, for MLlib's assembler.
    List<String> names = new ArrayList<>();
    List<Column> columns =
        new ArrayList<>(List.of(functions.col(PointRow.SPLIT), functions.col(PointRow.Y)));
    for (int j = 0; j < d; j++) {
      names.add("feature_" + (j + 1));
      columns.add(functions.col(PointRow.FEATURES).getItem(j).as(names.get(j)));
    }
    Dataset<Row> table = points.select(columns.toArray(new Column[0]));
    return MllibReference.fit(
        table.where(functions.col(PointRow.SPLIT).equalTo(PointRows.TRAIN)),
        hasValidation
            ? table.where(functions.col(PointRow.SPLIT).equalTo(PointRows.VALIDATION))
            : null,
        names,
        PointRow.Y);
  }

  private void writeSweepRow(
      SweepPlan plan, Timestamp createdAt, Double wallSeconds, String status) {
    Row row =
        new SweepRow(
                plan.sweepId(),
                plan.spec().name(),
                plan.spec().yaml(),
                createdAt,
                spark.sparkContext().master(),
                spark.version(),
                (long) plan.runs().size(),
                wallSeconds,
                status,
                plan.axes().varying())
            .toRow();
    store.write(Table.SWEEPS, spark.createDataFrame(List.of(row), Table.SWEEPS.schema()));
  }

  private static String jobGroup(String sweepId) {
    return "batchsweep-" + sweepId;
  }

  private static void describe(JavaSparkContext jsc, String what) {
    jsc.setJobDescription(what);
  }

  private static Double nullIfNaN(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
