package org.batchsweep.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.diagnose.BatchBands;
import org.batchsweep.diagnose.BatchBands.Band;
import org.batchsweep.diagnose.Diagnosis;

/**
 * The convergence maps' numbers: per setting and batch-size column, how many runs there are, how
 * many converged and how many got each diagnosis. The columns are the sweep's batch sizes when it
 * has at most {@link #MAX_COLUMNS}, else its {@link BatchBands}; Spark puts each run in its column
 * and counts, so the driver receives settings × columns rows.
 *
 * @param columns the labels of the columns, smallest batch sizes first
 * @param banded whether columns are bands of batch sizes
 */
record ConvergenceCells(List<String> columns, boolean banded, List<Cell> cells) {

  static final int MAX_COLUMNS = 10;

  /** One setting's runs in one column. */
  record Cell(Setting setting, int column, long runs, long converged, Map<String, Long> diagnoses) {
    double share() {
      return runs == 0 ? Double.NaN : (double) converged / runs;
    }

    /** The most common diagnosis other than converged, or null when every run converged. */
    String mainFailure() {
      String best = null;
      long most = 0;
      for (Map.Entry<String, Long> d : diagnoses.entrySet()) {
        if (!d.getKey().equals(Diagnosis.CONVERGED.label()) && d.getValue() > most) {
          best = d.getKey();
          most = d.getValue();
        }
      }
      return best;
    }
  }

  ConvergenceCells {
    columns = List.copyOf(columns);
    cells = List.copyOf(cells);
  }

  /**
   * @param batchSizes every batch size of the sweep, ascending
   * @param settings the settings to count (null: all)
   */
  static ConvergenceCells of(
      Dataset<Row> runs, SweepAxes axes, List<Integer> batchSizes, List<Setting> settings) {
    List<String> settingColumns = axes.settingColumns();
    Dataset<Row> chosen =
        settings == null ? runs : BatchSizeCurves.only(runs, settingColumns, settings);
    boolean banded = batchSizes.size() > MAX_COLUMNS;
    List<Band> bands = BatchBands.of(batchSizes);
    List<String> labels = new ArrayList<>();
    Column column;
    if (banded) {
      bands.forEach(
          b ->
              labels.add(b.min() == b.max() ? size(b.min()) : size(b.min()) + "–" + size(b.max())));
      column = bandIndex(col("batch_size"), bands);
    } else {
      batchSizes.forEach(b -> labels.add(size(b)));
      column = lit(-1);
      for (int i = batchSizes.size() - 1; i >= 0; i--) {
        column = when(col("batch_size").equalTo(batchSizes.get(i)), i).otherwise(column);
      }
    }
    List<Column> groups = new ArrayList<>();
    settingColumns.forEach(c -> groups.add(col(c)));
    groups.add(column.as("column"));
    List<Column> aggregates = new ArrayList<>();
    aggregates.add(sum(when(col("converged"), 1).otherwise(0)));
    List<String> labelsOfDiagnoses = new ArrayList<>();
    for (Diagnosis d : Diagnosis.values()) {
      labelsOfDiagnoses.add(d.label());
      aggregates.add(sum(when(col("diagnosis").equalTo(d.label()), 1).otherwise(0)));
    }
    List<Cell> cells = new ArrayList<>();
    for (Row r :
        chosen
            .groupBy(groups.toArray(Column[]::new))
            .agg(count(lit(1)), aggregates.toArray(Column[]::new))
            .collectAsList()) {
      int k = settingColumns.size();
      int c = r.getInt(k++);
      long n = r.getLong(k++);
      long converged = r.getLong(k++);
      Map<String, Long> diagnoses = new LinkedHashMap<>();
      for (String d : labelsOfDiagnoses) {
        long count = r.getLong(k++);
        if (count > 0) {
          diagnoses.put(d, count);
        }
      }
      cells.add(new Cell(Setting.of(settingColumns, r), c, n, converged, diagnoses));
    }
    return new ConvergenceCells(labels, banded, cells);
  }

  /** A batch size as a column label: 300, 1k, 2.5k, so a band's label fits its cell. */
  static String size(int batchSize) {
    if (batchSize >= 1000 && batchSize % 100 == 0) {
      return Labels.number(batchSize / 1000.0) + "k";
    }
    return String.valueOf(batchSize);
  }

  // The band's position among the sweep's bands, as Spark computes it: bands are consecutive
  // ranges of batch sizes, so the position is the number of bands whose top lies below the size.
  private static Column bandIndex(Column batchSize, List<Band> bands) {
    Column index = lit(0);
    for (int i = 0; i + 1 < bands.size(); i++) {
      index = index.plus(when(batchSize.gt(bands.get(i).max()), 1).otherwise(0));
    }
    return index;
  }
}
