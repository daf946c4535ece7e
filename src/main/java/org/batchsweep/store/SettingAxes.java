package org.batchsweep.store;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The configuration columns of the runs table that can make up a setting, and which of them a sweep
 * varies: the setting part of its {@link RunAxes}. A setting is one combination of the varying
 * ones; batch size is the answer's x axis and seeds are replicates, so neither is ever part of a
 * setting.
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

  public boolean varies(String column) {
    return varying.contains(column);
  }
}
