package org.batchsweep.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The grid's axes ({@link RunRow#AXES}) a runs table has, and which of them one sweep varies: found
 * with one aggregate over its runs, once, for everything that groups them after (the setting axes
 * of the answer and the batch-size science, and the report's figures, which also need to know
 * whether batch size and seed vary).
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
    List<String> available = Arrays.asList(runs.columns());
    List<String> present = new ArrayList<>();
    for (String c : RunRow.AXES) {
      if (available.contains(c)) {
        present.add(c);
      }
    }
    return new RunAxes(present, SettingAxes.varyingOf(runs, present));
  }

  /** The axes that can make up a setting: all but batch size and seed. */
  public SettingAxes settingAxes() {
    return new SettingAxes(
        columns.stream().filter(SettingAxes.CANDIDATES::contains).toList(),
        varying.stream().filter(SettingAxes.CANDIDATES::contains).toList());
  }
}
