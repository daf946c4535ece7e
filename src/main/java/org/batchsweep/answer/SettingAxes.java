package org.batchsweep.answer;

import static org.apache.spark.sql.functions.count_distinct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.store.RunRow;

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

  public static SettingAxes of(Dataset<Row> runs) {
    List<String> present = new ArrayList<>();
    List<String> available = Arrays.asList(runs.columns());
    for (String c : CANDIDATES) {
      if (available.contains(c)) {
        present.add(c);
      }
    }
    Column[] counts = present.stream().map(c -> count_distinct(runs.col(c))).toArray(Column[]::new);
    Row row = runs.agg(counts[0], Arrays.copyOfRange(counts, 1, counts.length)).first();
    List<String> varying = new ArrayList<>();
    for (int i = 0; i < present.size(); i++) {
      if (row.getLong(i) > 1) {
        varying.add(present.get(i));
      }
    }
    return new SettingAxes(List.copyOf(present), List.copyOf(varying));
  }

  public boolean varies(String column) {
    return varying.contains(column);
  }
}
