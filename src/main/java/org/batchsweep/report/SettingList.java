package org.batchsweep.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The distinct settings of a sweep, in order, from one aggregate over its runs. At most {@link
 * #MAX_SETTINGS} are listed (a grid's settings, not its runs, so this is small for any real sweep);
 * {@link #truncated} says when there were more.
 */
record SettingList(List<String> columns, List<Setting> settings, boolean truncated) {

  static final int MAX_SETTINGS = 5_000;

  SettingList {
    columns = List.copyOf(columns);
    settings = List.copyOf(settings);
  }

  static SettingList of(Dataset<Row> runs, SweepAxes axes) {
    List<String> columns = axes.settingColumns();
    Column[] keys = columns.stream().map(c -> col(c)).toArray(Column[]::new);
    List<Row> rows =
        runs.select(keys).distinct().orderBy(keys).limit(MAX_SETTINGS + 1).collectAsList();
    List<Setting> settings = new ArrayList<>();
    for (int i = 0; i < Math.min(rows.size(), MAX_SETTINGS); i++) {
      settings.add(Setting.of(columns, rows.get(i)));
    }
    return new SettingList(columns, settings, rows.size() > MAX_SETTINGS);
  }
}
