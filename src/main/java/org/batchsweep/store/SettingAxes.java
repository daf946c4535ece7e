package org.batchsweep.store;

import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The configuration columns of the runs table that can make up a setting, and which of them a sweep
 * varies (one aggregate query). A setting is one combination of the varying ones; batch size is the
 * answer's x axis and seeds are replicates, so neither is ever part of a setting.
 *
 * @param columns the candidate columns the runs table has, in {@link #CANDIDATES} order
 * @param varying those of them with more than one value in the sweep
 */
public record SettingAxes(List<String> columns, List<String> varying) {

  /**
   * Setting columns in the order they are named: the grid's axes but batch size and seed; columns a
   * build's runs table lacks are skipped.
   */
  static final List<String> CANDIDATES =
      RunRow.AXES.stream()
          .filter(c -> !c.equals(RunRow.BATCH_SIZE) && !c.equals(RunRow.SEED))
          .toList();

  public SettingAxes {
    columns = List.copyOf(columns);
    varying = List.copyOf(varying);
  }

  /** The setting axes of {@code runs}, one sweep's rows: see {@link RunAxes#of}. */
  public static SettingAxes of(Dataset<Row> runs) {
    return RunAxes.of(runs).settingAxes();
  }

  /**
   * Those of {@code columns} (all of {@code runs}'s) that take more than one value, in the order
   * given. A column varies when its smallest and largest values differ: one pass of min and max,
   * where count_distinct would expand every row once per column and shuffle them all (2 s per call
   * on 10^6 runs). Both ignore nulls, so the two tests agree.
   */
  public static List<String> varyingOf(Dataset<Row> runs, List<String> columns) {
    if (columns.isEmpty()) {
      return List.of();
    }
    List<Column> bounds = new ArrayList<>();
    for (String c : columns) {
      bounds.add(min(runs.col(c)));
      bounds.add(max(runs.col(c)));
    }
    Row row =
        runs.agg(bounds.get(0), bounds.subList(1, bounds.size()).toArray(Column[]::new)).first();
    List<String> varying = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Object lowest = row.get(2 * i);
      if (lowest != null && !lowest.equals(row.get(2 * i + 1))) {
        varying.add(columns.get(i));
      }
    }
    return List.copyOf(varying);
  }

  public boolean varies(String column) {
    return varying.contains(column);
  }
}
