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

/**
 * How many distinct values each configuration column of a sweep's runs takes: which axes the
 * sweep actually varied. Computed with one aggregate over the runs table.
 */
record SweepAxes(Map<String, Long> distinct) {

  /** Numeric axes a convergence map can be drawn over, in the order they are preferred. */
  static final List<String> NUMERIC = List.of("batch_size", "lr", "momentum", "epochs");

  /** Columns that tell runs of one loss and shuffle setting apart, besides batch size and seed. */
  static final List<String> VARIANTS =
      List.of("optimizer", "lr", "momentum", "epochs", "precision", "nesterov", "weight_decay", "schedule",
          "lr_scaling");

  static SweepAxes of(Dataset<Row> runs) {
    List<String> columns = new ArrayList<>(List.of("batch_size", "shuffle", "loss", "seed"));
    for (String c : VARIANTS) {
      if (!columns.contains(c)) {
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

  boolean varies(String column) {
    return distinct.getOrDefault(column, 0L) > 1;
  }

  /** The {@link #VARIANTS} this sweep varies. */
  List<String> variants() {
    return VARIANTS.stream().filter(this::varies).toList();
  }

  /** The {@link #NUMERIC} axes this sweep varies. */
  List<String> numeric() {
    return NUMERIC.stream().filter(this::varies).toList();
  }
}
