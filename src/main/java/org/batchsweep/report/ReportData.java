package org.batchsweep.report;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.supplyAsync;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.BadInputException;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Reference;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.store.RunAxes;
import org.batchsweep.store.RunRow;
import org.batchsweep.store.SweepRow;
import org.batchsweep.store.Table;
import org.batchsweep.store.TableStore;

/**
 * Everything the report shows about one sweep, read from its tables: the sweep's row, its spec, its
 * reference line, and the aggregates behind each figure and table. Spark does the aggregating; only
 * the aggregates are collected.
 *
 * @param spec the stored spec parsed, or null when this build cannot read it (then only its YAML
 *     text is shown)
 * @param reference null when the sweep stopped before fitting it
 */
record ReportData(
    String sweepId,
    SweepRow sweep,
    SweepSpec spec,
    Reference reference,
    SweepAxes axes,
    List<BatchSizeCurves.Point> points,
    Optional<PanelPlan> curvePanels,
    Optional<PanelPlan> mapPanels,
    ConvergenceCells cells,
    List<Trajectories.Path> trajectories,
    DiagnosisTable diagnoses) {

  /**
   * The seed's figure (one per loss) holds at most this many lines; more settings get small
   * multiples.
   */
  static final int MAX_LINES = SettingsFigure.MAX_LINES;

  static ReportData load(TableStore store, String sweepId) {
    return load(store, sweepId, null, Runnable::run);
  }

  /**
   * @param known the sweep's axes when the caller has found them already, else null: they are found
   *     from its runs table
   * @param aggregates runs the aggregates that do not depend on each other, so Spark can plan and
   *     run several at once
   */
  static ReportData load(TableStore store, String sweepId, RunAxes known, Executor aggregates) {
    SweepRow sweep = StoredSweep.row(store, sweepId);
    SweepSpec spec;
    try {
      spec = StoredSweep.spec(sweep);
    } catch (BadInputException e) {
      spec = null;
    }
    Reference reference = StoredSweep.reference(store, sweepId);

    if (!store.exists(Table.RUNS)) {
      return new ReportData(
          sweepId,
          sweep,
          spec,
          reference,
          new SweepAxes(new RunAxes(List.of(), List.of())),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          new ConvergenceCells(List.of(), false, List.of()),
          List.of(),
          new DiagnosisTable(List.of(), List.of()));
    }
    // Only the columns the report reads, read anew by each aggregate: Parquet hands Spark just
    // those columns, and caching them first cost more than it saved (the report of 10^6 runs took
    // 34 s with the cache, 30 s without).
    boolean epochs = store.exists(Table.EPOCHS);
    Dataset<Row> table = store.read(Table.RUNS, sweepId);
    List<String> present = java.util.Arrays.asList(table.columns());
    List<String> used = new java.util.ArrayList<>(SweepAxes.CONFIGURATION);
    used.addAll(
        List.of(
            "slope",
            "intercept",
            "train_mse",
            "converged",
            "diagnosis",
            BatchSizeCurves.OBJECTIVE_SLOPE,
            BatchSizeCurves.OBJECTIVE_INTERCEPT,
            "init_slope",
            "init_intercept"));
    if (epochs) {
      used.add("run_id");
    }
    boolean oneFeature = reference == null || reference.features() == 1;
    Dataset<Row> runs =
        table.select(
            used.stream()
                .filter(present::contains)
                .map(c -> oneFeature ? col(c) : featureColumn(c, reference))
                .toArray(org.apache.spark.sql.Column[]::new));
    SweepAxes axes = new SweepAxes(known != null ? known : RunAxes.of(runs));
    // The batch sizes first: they are needed next.
    CompletableFuture<List<Integer>> sweepBatchSizes =
        supplyAsync(
            () ->
                runs.select("batch_size").distinct().orderBy("batch_size").collectAsList().stream()
                    .map(r -> r.getInt(0))
                    .toList(),
            aggregates);
    CompletableFuture<List<Trajectories.Path>> paths =
        epochs
            ? supplyAsync(
                () ->
                    Trajectories.of(
                        runs, epochsAsDrawn(store.read(Table.EPOCHS, sweepId), reference), axes),
                aggregates)
            : completedFuture(List.of());
    CompletableFuture<DiagnosisTable> diagnoses =
        supplyAsync(() -> DiagnosisTable.of(runs), aggregates);
    // What is drawn is planned on the list of settings first, so Spark aggregates only those:
    // the driver's share depends on the figures, not on the runs or even the grid.
    SettingList settings = SettingList.of(runs, axes);
    List<Integer> batchSizes = ReportTasks.join(sweepBatchSizes);
    List<String> settingAxes = axes.settingAxes();
    Optional<PanelPlan> curvePanels =
        fitsOnePanelPerLoss(settings.settings())
            ? Optional.empty()
            : Optional.of(
                PanelPlan.of(
                    settings.settings(),
                    settingAxes,
                    SettingsFigure.MAX_LINES,
                    SettingsFigure.MAX_PANELS));
    PanelPlan mapPanels =
        PanelPlan.of(
            settings.settings(),
            settingAxes,
            ConvergenceMapFigure.MAX_ROWS,
            ConvergenceMapFigure.MAX_PANELS);
    if (settings.truncated()) {
      String note =
          String.format(
              java.util.Locale.ROOT,
              "The sweep has more than %,d settings; only the first %,d (in the order of their values) are drawn.",
              SettingList.MAX_SETTINGS,
              SettingList.MAX_SETTINGS);
      curvePanels = curvePanels.map(p -> p.withNote(note));
      mapPanels = mapPanels.withNote(note);
    }
    List<Setting> curveSettings = curvePanels.map(ReportData::drawn).orElse(settings.settings());
    List<Setting> mapSettings = drawn(mapPanels);
    CompletableFuture<List<BatchSizeCurves.Point>> points =
        supplyAsync(
            () ->
                BatchSizeCurves.of(
                    runs,
                    axes,
                    BatchSizeCurves.thin(batchSizes, BatchSizeCurves.MAX_BATCH_SIZES),
                    onlyIfFewer(curveSettings, settings)),
            aggregates);
    ConvergenceCells cells =
        ConvergenceCells.of(runs, axes, batchSizes, onlyIfFewer(mapSettings, settings));
    return new ReportData(
        sweepId,
        sweep,
        spec,
        reference,
        axes,
        ReportTasks.join(points),
        curvePanels,
        Optional.of(mapPanels),
        cells,
        ReportTasks.join(paths),
        ReportTasks.join(diagnoses));
  }

  /** Whether every loss has few enough settings for the seed's figure: one panel set per loss. */
  static boolean fitsOnePanelPerLoss(List<Setting> settings) {
    java.util.Map<Object, Long> perLoss = new java.util.HashMap<>();
    settings.forEach(s -> perLoss.merge(s.get("loss"), 1L, Long::sum));
    return perLoss.values().stream().allMatch(n -> n <= MAX_LINES);
  }

  /** The settings to aggregate, or null (no filter) when they are all of the sweep's. */
  private static List<Setting> onlyIfFewer(List<Setting> drawn, SettingList all) {
    return !all.truncated() && drawn.size() == all.settings().size() ? null : drawn;
  }

  private static List<Setting> drawn(PanelPlan plan) {
    return plan.panels().stream().flatMap(p -> p.settings().stream()).distinct().toList();
  }

  /** The losses in the order their figures appear: the spec's order when it can be read. */
  List<String> losses() {
    List<String> order =
        spec == null ? List.of() : spec.grid().loss().stream().map(Loss::label).toList();
    return points.stream()
        .map(BatchSizeCurves.Point::loss)
        .distinct()
        .sorted(
            Comparator.comparingInt(
                loss -> order.contains(loss) ? order.indexOf(loss) : order.size()))
        .toList();
  }

  /** Every line label, in plotting order (fixed order before shuffled). */
  List<String> lines() {
    return points.stream().map(BatchSizeCurves.Point::line).distinct().toList();
  }

  /**
   * With several features the slope-shaped columns are null; the figures draw the weight error in
   * the slope's place ({@link Labels#firstQuantity}): the final one, and the initial one where the
   * start's slope goes (so the axis spans start to target); the objective's as NaN.
   */
  private static org.apache.spark.sql.Column featureColumn(String column, Reference reference) {
    return switch (column) {
      case "slope" -> col(RunRow.WEIGHT_ERROR).as("slope");
      case "init_slope" -> weightError(RunRow.INIT_WEIGHTS, reference).as(column);
      case BatchSizeCurves.OBJECTIVE_SLOPE -> lit(Double.NaN).as(column);
      default -> col(column);
    };
  }

  /** max_j |column[j] − w*_j|, computed by Spark. */
  private static org.apache.spark.sql.Column weightError(String column, Reference reference) {
    StringBuilder target = new StringBuilder("array(");
    for (int j = 0; j < reference.features(); j++) {
      target
          .append(j == 0 ? "" : ", ")
          .append("CAST(")
          .append(reference.weight(j))
          .append(" AS DOUBLE)");
    }
    target.append(")");
    return org.apache.spark.sql.functions.expr(
        "array_max(zip_with(" + column + ", " + target + ", (a, b) -> abs(a - b)))");
  }

  /** With several features, each epoch's weight error in the slope's place, computed by Spark. */
  private static Dataset<Row> epochsAsDrawn(Dataset<Row> epochs, Reference reference) {
    if (reference == null || reference.features() == 1) {
      return epochs;
    }
    return epochs.withColumn("slope", weightError("weights", reference));
  }
}
