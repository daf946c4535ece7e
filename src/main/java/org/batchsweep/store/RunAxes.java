package org.batchsweep.store;

import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The grid's axes ({@link RunRow#AXES}) a runs table has, and which of them one sweep varies: found
 * with one aggregate over its runs, once, for everything that groups them after (the setting axes
 * of the answer and the batch-size science, and the report's figures, which also need to know
 * whether batch size and seed vary). A sweep being run knows them from its plan, without this
 * aggregate.
 *
 * @param columns the axes the runs table has, in {@link RunRow#AXES} order
 * @param varying those of them with more than one value in the sweep, in the same order
 */
public record RunAxes(List<String> columns, List<String> varying) {

  public RunAxes {
    columns = List.copyOf(columns);
    varying = List.copyOf(varying);
  }

  /** The axes of {@code runs}, one sweep's rows (columns a build's table lacks are skipped). */
  public static RunAxes of(Dataset<Row> runs) {
    List<String> present = axesOf(runs);
    return new RunAxes(present, varyingOf(runs, present));
  }

  /** The axes {@code runs} has as columns, in {@link RunRow#AXES} order. */
  private static List<String> axesOf(Dataset<Row> runs) {
    List<String> available = Arrays.asList(runs.columns());
    List<String> present = new ArrayList<>();
    for (String c : RunRow.AXES) {
      if (available.contains(c)) {
        present.add(c);
      }
    }
    return present;
  }

  /**
   * The axes of {@code runs}, the rows of the sweep {@code sweep}: the varying ones as its sweeps
   * row stored them, or, for a row written before they were stored, found in the runs as above.
   */
  public static RunAxes of(Dataset<Row> runs, SweepRow sweep) {
    if (sweep.varyingAxes() == null) {
      return of(runs);
    }
    List<String> present = axesOf(runs);
    return new RunAxes(present, sweep.varyingAxes().stream().filter(present::contains).toList());
  }

  /**
   * Those of {@code columns} (all of {@code runs}'s) that take more than one value, in the order
   * given. A column varies when its smallest and largest values differ: one pass of min and max,
   * where count_distinct would expand every row once per column and shuffle them all (2 s per call
   * on 10^6 runs). Both ignore nulls, so the two tests agree.
   */
  private static List<String> varyingOf(Dataset<Row> runs, List<String> columns) {
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

  public boolean has(String column) {
    return columns.contains(column);
  }

  public boolean varies(String column) {
    return varying.contains(column);
  }

  /** The axes that can make up a setting: all but batch size and seed. */
  public SettingAxes settingAxes() {
    return new SettingAxes(
        columns.stream().filter(SettingAxes.CANDIDATES::contains).toList(),
        varying.stream().filter(SettingAxes.CANDIDATES::contains).toList());
  }
}
