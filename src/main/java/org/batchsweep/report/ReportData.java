package org.batchsweep.report;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.BadInputException;
import org.batchsweep.job.Table;
import org.batchsweep.job.TableStore;
import org.batchsweep.reference.Reference;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.train.Loss;

/**
 * Everything the report shows about one sweep, read from its tables: the sweep's row, its spec,
 * its reference line, and the aggregates behind each figure and table. Spark does the
 * aggregating; only the aggregates are collected.
 *
 * @param spec the stored spec parsed, or null when this build cannot read it (then only its
 *     YAML text is shown)
 * @param reference null when the sweep stopped before fitting it
 */
record ReportData(
    String sweepId,
    SweepRow sweep,
    SweepSpec spec,
    Reference reference,
    SweepAxes axes,
    List<BatchSizeCurves.Point> points,
    Optional<ConvergenceGrid> grid,
    List<Trajectories.Path> trajectories,
    DiagnosisTable diagnoses) {

  /** The sweep's row of the sweeps table. */
  record SweepRow(
      String name, String specYaml, Timestamp createdAt, String master, String sparkVersion,
      long runs, Double wallSeconds, String status) {}

  static ReportData load(TableStore store, String sweepId) {
    Row row = StoredSweep.row(store, sweepId);
    SweepRow sweep =
        new SweepRow(
            row.getAs("name"),
            row.getAs("spec"),
            row.getAs("created_at"),
            row.getAs("master"),
            row.getAs("spark_version"),
            row.isNullAt(row.fieldIndex("runs")) ? 0 : row.<Long>getAs("runs"),
            row.getAs("wall_seconds"),
            row.getAs("status"));
    SweepSpec spec;
    try {
      spec = SpecLoader.loadText(sweep.specYaml(), "sweeps.spec of " + sweepId, List.of());
    } catch (BadInputException e) {
      spec = null;
    }
    Reference reference = reference(store, sweepId);

    if (!store.exists(Table.RUNS)) {
      return new ReportData(sweepId, sweep, spec, reference, new SweepAxes(java.util.Map.of()), List.of(),
          Optional.empty(), List.of(), new DiagnosisTable(List.of(), List.of()));
    }
    Dataset<Row> runs = store.read(Table.RUNS, sweepId).cache();
    try {
      SweepAxes axes = SweepAxes.of(runs);
      List<Trajectories.Path> paths =
          store.exists(Table.EPOCHS)
              ? Trajectories.of(runs, store.read(Table.EPOCHS, sweepId), axes)
              : List.of();
      return new ReportData(
          sweepId, sweep, spec, reference, axes, BatchSizeCurves.of(runs, axes), ConvergenceGrid.of(runs, axes),
          paths, DiagnosisTable.of(runs));
    } finally {
      runs.unpersist(false);
    }
  }

  private static Reference reference(TableStore store, String sweepId) {
    if (!store.exists(Table.REFERENCE)) {
      return null;
    }
    List<Row> rows = store.read(Table.REFERENCE, sweepId).collectAsList();
    if (rows.isEmpty()) {
      return null;
    }
    Row r = rows.get(0);
    return new Reference(
        r.getAs("method"),
        r.getAs("slope"),
        r.getAs("intercept"),
        r.getAs("train_mse"),
        r.isNullAt(r.fieldIndex("validation_mse")) ? Double.NaN : r.getAs("validation_mse"),
        r.isNullAt(r.fieldIndex("r2")) ? Double.NaN : r.getAs("r2"));
  }

  /** The losses in the order their figures appear: the spec's order when it can be read. */
  List<String> losses() {
    List<String> order = spec == null ? List.of() : spec.grid().loss().stream().map(Loss::label).toList();
    return points.stream()
        .map(BatchSizeCurves.Point::loss)
        .distinct()
        .sorted(Comparator.comparingInt(loss -> order.contains(loss) ? order.indexOf(loss) : order.size()))
        .toList();
  }

  /** Every line label, in plotting order (fixed order before shuffled). */
  List<String> lines() {
    return points.stream().map(BatchSizeCurves.Point::line).distinct().toList();
  }
}
