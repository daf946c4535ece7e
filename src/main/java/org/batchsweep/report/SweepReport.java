package org.batchsweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.answer.BatchScaling;
import org.batchsweep.store.RunAxes;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/**
 * Builds a sweep's report, {@code <out>/report/<sweep_id>/index.html} with its figures as PNG and
 * SVG, from the sweep's tables alone: nothing is retrained. Spark aggregates the tables, the driver
 * draws the aggregates.
 */
public final class SweepReport {

  public static final String INDEX = "index.html";

  /** Spark's local property behind {@code setJobDescription}. */
  private static final String JOB_DESCRIPTION = "spark.job.description";

  private final SparkSession spark;
  private final TableStore store;
  private final String outUri;

  /**
   * @param outUri the output folder holding {@code tables/}, as given to {@link TableStore}
   */
  public SweepReport(SparkSession spark, TableStore store, String outUri) {
    this.spark = spark;
    this.store = store;
    this.outUri = outUri;
  }

  /**
   * Writes (or rewrites) the sweep's report.
   *
   * @param answer the plain-words answer, one paragraph per item; empty leaves the section out
   * @return where the page is: a local path for a local output folder, else its URI
   */
  public String write(String sweepId, List<String> answer) {
    try (Draft draft = draft(sweepId, null, BatchScaling.load(store, sweepId))) {
      return draft.write(answer);
    }
  }

  /**
   * Starts a sweep's report before its answer is known: its aggregates and figures are made on the
   * report's own threads while the caller goes on, and {@link Draft#write} adds the answer.
   *
   * @param axes the sweep's axes, or null to find them from its runs table
   * @param scaling its batch-size science, or null when it has none
   */
  public Draft draft(String sweepId, RunAxes axes, BatchScaling scaling) {
    SparkContext context = spark.sparkContext();
    String callersDescription = context.getLocalProperty(JOB_DESCRIPTION);
    context.setJobDescription("report: aggregate the tables of " + sweepId);
    ThreadPoolExecutor workers;
    try {
      workers = workers(); // they inherit the description
    } finally {
      context.setJobDescription(callersDescription);
    }
    // One worker makes the report; the others run the aggregates that do not wait for each other
    // and paint the figures. Much of a small sweep's report is the driver planning and compiling
    // each query in a cold JVM, one core's work each, and its tasks are few and short.
    CompletableFuture<Figures> figures =
        CompletableFuture.supplyAsync(
            () -> {
              ReportData data = ReportData.load(store, sweepId, axes, workers);
              List<Future<Encoded>> encoded = new ArrayList<>();
              for (Figure figure : ReportFigures.of(data)) {
                encoded.add(workers.submit(() -> Encoded.of(figure)));
              }
              Figure scalingFigure = scaling == null ? null : ScalingFigure.of(scaling);
              if (scalingFigure != null) {
                encoded.add(workers.submit(() -> Encoded.of(scalingFigure)));
              }
              return new Figures(data, encoded);
            },
            workers);
    return new Draft(sweepId, workers, figures);
  }

  /** A report being made: write it once the answer is known, close it in any case. */
  public final class Draft implements AutoCloseable {
    private final String sweepId;
    private final ThreadPoolExecutor workers;
    private final CompletableFuture<Figures> figures;

    private Draft(String sweepId, ThreadPoolExecutor workers, CompletableFuture<Figures> figures) {
      this.sweepId = sweepId;
      this.workers = workers;
      this.figures = figures;
    }

    /**
     * Waits for the figures and writes the report, replacing an earlier one of the sweep.
     *
     * @param answer the plain-words answer, one paragraph per item; empty leaves the section out
     * @return where the page is: a local path for a local output folder, else its URI
     */
    public String write(List<String> answer) {
      Figures made = ReportTasks.join(figures);
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      ReportFolder folder = new ReportFolder(hadoop, outUri, sweepId);
      folder.clear();
      List<ReportPage.FigureFiles> files = new ArrayList<>();
      for (Future<Encoded> future : made.encoded()) {
        Encoded e = ReportTasks.join(future);
        String png = e.figure().name() + ".png";
        String svg = e.figure().name() + ".svg";
        folder.write(png, e.png());
        folder.write(svg, e.svg());
        files.add(new ReportPage.FigureFiles(e.figure(), png, svg));
      }
      String html =
          ReportPage.render(
              made.data(), List.copyOf(answer), files, tableLinks(hadoop, sweepId), outForUser());
      folder.write(INDEX, html.getBytes(StandardCharsets.UTF_8));
      return folder.location(INDEX);
    }

    /** Stops the report's threads; a report not written yet is dropped. */
    @Override
    public void close() {
      workers.shutdownNow();
    }
  }

  /** The report's aggregates, and its figures as they are painted. */
  private record Figures(ReportData data, List<Future<Encoded>> encoded) {}

  /**
   * Threads that make the report: one that waits on the others, and one per core, at most four, to
   * aggregate and paint.
   */
  private static final int WORKERS = 1 + Math.min(4, Runtime.getRuntime().availableProcessors());

  /**
   * The report's worker threads, started now: a thread made while a query runs would inherit that
   * query's Spark execution id, and Spark refuses to start a second query under one id.
   */
  private static ThreadPoolExecutor workers() {
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "batchsweep-report-worker");
              thread.setDaemon(true); // never keeps a finished command's JVM alive
              return thread;
            });
    workers.prestartAllCoreThreads();
    return workers;
  }

  /** A figure painted as PNG and SVG. */
  private record Encoded(Figure figure, byte[] png, byte[] svg) {
    static Encoded of(Figure figure) {
      return new Encoded(figure, figure.png(), figure.svg());
    }
  }

  /** The output folder as a user passes it to {@code --out}: a local path when it is local. */
  private String outForUser() {
    URI uri = URI.create(outUri);
    return "file".equals(uri.getScheme()) ? Paths.get(uri).toString() : outUri;
  }

  /** Links from the page to this sweep's partition of each table that has one. */
  private List<ReportPage.TableLink> tableLinks(Configuration hadoop, String sweepId) {
    List<ReportPage.TableLink> links = new ArrayList<>();
    for (Table table : Table.values()) {
      String partition = TableStore.partitionFolder(sweepId);
      Path path = new Path(store.location(table), partition);
      try {
        if (path.getFileSystem(hadoop).exists(path)) {
          links.add(
              new ReportPage.TableLink(
                  table.tableName(),
                  "../../tables/" + table.tableName() + "/" + partition + "/",
                  about(table)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot look for " + path, e);
      }
    }
    return links;
  }

  private static String about(Table table) {
    return switch (table) {
      case SWEEPS -> "this sweep's row: its spec, when and where it ran, how long it took";
      case POINTS -> "the training (and validation) points the runs were fitted to";
      case REFERENCE -> "the MLlib least-squares line every run is compared with";
      case RUNS ->
          "one row per run: its configuration, final slope and intercept, errors, diagnosis";
      case EPOCHS -> "each run's slope, intercept and train loss after every epoch";
      case FIXES ->
          "each proposed fix as trained: the failed run, the change, whether the changed run converged";
      case NOISE_SCALE ->
          "the exact gradient noise scale B_noise of the data, at zero and halfway to the line";
      case BATCH_SCALING ->
          "per setting: steps to target against batch size, fitted S_min, E_min and B_crit";
    };
  }
}
