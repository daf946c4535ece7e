package org.batchsweep.report;

import static org.apache.spark.sql.functions.count_distinct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.store.RunRow;

/**
 * How many distinct values each configuration column of a sweep's runs takes: which axes the sweep
 * actually varied. Computed with one aggregate over the runs table.
 *
 * <p>The configuration columns are listed once, in {@link RunRow#AXES}; those the runs table does
 * not have (tables written by an older build) are skipped, so every figure groups by whatever axes
 * a sweep varies rather than by a fixed set.
 */
record SweepAxes(Map<String, Long> distinct) {

  /** The runs table's configuration columns that can be axes of a sweep: {@link RunRow#AXES}. */
  static final List<String> CONFIGURATION = RunRow.AXES;

  /** Numeric axes a convergence map can be drawn over, in the order they are preferred. */
  static final List<String> NUMERIC =
      List.of("batch_size", "lr", "momentum", "weight_decay", "epochs");

  /** The columns that are not part of a setting: the x axis and the replicates. */
  static final List<String> NOT_SETTING = List.of(RunRow.BATCH_SIZE, RunRow.SEED);

  SweepAxes {
    distinct = Map.copyOf(distinct);
  }

  static SweepAxes of(Dataset<Row> runs) {
    List<String> present = Arrays.asList(runs.columns());
    List<String> columns = new ArrayList<>();
    for (String c : CONFIGURATION) {
      if (present.contains(c)) {
        columns.add(c);
      }
    }
    Column[] counts = columns.stream().map(c -> count_distinct(runs.col(c))).toArray(Column[]::new);
    Row row = runs.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).first();
    Map<String, Long> distinct = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      distinct.put(columns.get(i), row.getLong(i));
    }
    return new SweepAxes(distinct);
  }

  boolean has(String column) {
    return distinct.containsKey(column);
  }

  boolean varies(String column) {
    return distinct.getOrDefault(column, 0L) > 1;
  }

  long count(String column) {
    return distinct.getOrDefault(column, 0L);
  }

  /**
   * The columns a setting is grouped by: loss and shuffle always (the seed figure is drawn per loss
   * and its lines are the shuffle settings), then every other varying configuration column but
   * batch size and seed, in {@link #CONFIGURATION} order.
   */
  List<String> settingColumns() {
    List<String> columns = new ArrayList<>();
    for (String c : CONFIGURATION) {
      if (has(c)
          && !NOT_SETTING.contains(c)
          && (c.equals("loss") || c.equals("shuffle") || varies(c))) {
        columns.add(c);
      }
    }
    return columns;
  }

  /**
   * The varying axes that make a setting: every varying configuration column but batch size and
   * seed.
   */
  List<String> settingAxes() {
    return CONFIGURATION.stream().filter(c -> !NOT_SETTING.contains(c) && varies(c)).toList();
  }

  /**
   * The varying axes besides loss and shuffle, which tell runs of one loss and shuffle setting
   * apart.
   */
  List<String> variants() {
    return settingAxes().stream().filter(c -> !c.equals("loss") && !c.equals("shuffle")).toList();
  }

  /** The {@link #NUMERIC} axes this sweep varies. */
  List<String> numeric() {
    return NUMERIC.stream().filter(this::varies).toList();
  }
}
