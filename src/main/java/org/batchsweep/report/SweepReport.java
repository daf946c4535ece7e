package org.batchsweep.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
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
    describe(sweepId);
    return write(sweepId, answer, null, BatchScaling.load(store, sweepId));
  }

  /**
   * Writes (or rewrites) the report of a sweep whose batch-size science is known, and maybe its
   * axes: the sweep just run found both, and neither is read back.
   *
   * @param axes the sweep's axes, or null to find them from its runs table
   * @param scaling its batch-size science, or null when it has none
   */
  public String write(String sweepId, List<String> answer, RunAxes axes, BatchScaling scaling) {
    describe(sweepId);
    ExecutorService painters = Executors.newFixedThreadPool(PAINTERS, SweepReport::painterThread);
    try {
      ReportData data = ReportData.load(store, sweepId, axes);
      // Painting and encoding a figure is the driver's own CPU work and each figure is independent:
      // they are painted on their own threads, the first ones while Spark aggregates the scaling
      // table for the last ones.
      List<Future<Encoded>> encoded = new ArrayList<>();
      for (Figure figure : ReportFigures.of(data)) {
        encoded.add(painters.submit(() -> Encoded.of(figure)));
      }
      Figure scalingFigure = scaling == null ? null : ScalingFigure.of(scaling);
      if (scalingFigure != null) {
        encoded.add(painters.submit(() -> Encoded.of(scalingFigure)));
      }
      Configuration hadoop = spark.sparkContext().hadoopConfiguration();
      ReportFolder folder = new ReportFolder(hadoop, outUri, sweepId);
      folder.clear();
      List<ReportPage.FigureFiles> files = new ArrayList<>();
      for (Future<Encoded> future : encoded) {
        Encoded e = join(future);
        String png = e.figure().name() + ".png";
        String svg = e.figure().name() + ".svg";
        folder.write(png, e.png());
        folder.write(svg, e.svg());
        files.add(new ReportPage.FigureFiles(e.figure(), png, svg));
      }
      String html =
          ReportPage.render(
              data, List.copyOf(answer), files, tableLinks(hadoop, sweepId), outForUser());
      folder.write(INDEX, html.getBytes(StandardCharsets.UTF_8));
      return folder.location(INDEX);
    } finally {
      painters.shutdownNow();
      spark.sparkContext().setJobDescription(null);
    }
  }

  private void describe(String sweepId) {
    spark.sparkContext().setJobDescription("report: aggregate the tables of " + sweepId);
  }

  /** Threads that paint figures: one per core, at most four. */
  private static final int PAINTERS = Math.min(4, Runtime.getRuntime().availableProcessors());

  private static Thread painterThread(Runnable task) {
    Thread thread = new Thread(task, "batchsweep-figure-painter");
    thread.setDaemon(true); // never keeps a finished command's JVM alive
    return thread;
  }

  /** A figure painted as PNG and SVG. */
  private record Encoded(Figure figure, byte[] png, byte[] svg) {
    static Encoded of(Figure figure) {
      return new Encoded(figure, figure.png(), figure.svg());
    }
  }

  private static Encoded join(Future<Encoded> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while painting the report's figures", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("painting a figure failed", e.getCause());
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
