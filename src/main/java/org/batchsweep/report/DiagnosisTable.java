package org.batchsweep.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.diagnose.BatchBands;
import org.batchsweep.diagnose.BatchBands.Band;
import org.batchsweep.diagnose.Diagnosis;

/**
 * How many runs got each diagnosis, per loss and shuffle setting, in each batch-size band ({@link
 * BatchBands}). Counted by Spark per batch size; the driver only sums batch sizes into bands.
 */
public record DiagnosisTable(List<Band> bands, List<Group> groups) {

  static final String UNKNOWN = "unknown";

  /** One loss × shuffle setting: its runs per band and one row per diagnosis it has. */
  record Group(String loss, boolean shuffle, long[] runs, List<Line> lines) {
    long total() {
      long sum = 0;
      for (long r : runs) {
        sum += r;
      }
      return sum;
    }
  }

  /** Runs of one diagnosis per band. */
  record Line(String diagnosis, long[] runs) {
    long total() {
      long sum = 0;
      for (long r : runs) {
        sum += r;
      }
      return sum;
    }
  }

  /** Counts a sweep's runs (its rows of the runs table). */
  public static DiagnosisTable of(Dataset<Row> runs) {
    List<Row> counts =
        runs.groupBy(
                col("loss"),
                col("shuffle"),
                coalesce(col("diagnosis"), lit(UNKNOWN)),
                col("batch_size"))
            .agg(count(lit(1)))
            .collectAsList();
    List<Band> bands = BatchBands.of(counts.stream().map(r -> r.getInt(3)).toList());
    Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>();
    counts.stream()
        .sorted(Comparator.comparing((Row r) -> r.getString(0)).thenComparing(r -> r.getBoolean(1)))
        .forEach(
            r -> {
              long[] perBand =
                  byGroup
                      .computeIfAbsent(
                          r.getString(0) + "|" + r.getBoolean(1), k -> new LinkedHashMap<>())
                      .computeIfAbsent(r.getString(2), k -> new long[bands.size()]);
              perBand[bandOf(bands, r.getInt(3))] += r.getLong(4);
            });
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, Map<String, long[]>> g : byGroup.entrySet()) {
      String[] key = g.getKey().split("\\|", -1);
      long[] total = new long[bands.size()];
      List<Line> lines = new ArrayList<>();
      g.getValue().entrySet().stream()
          .sorted(Comparator.comparingInt(e -> order(e.getKey())))
          .forEach(
              e -> {
                lines.add(new Line(e.getKey(), e.getValue()));
                for (int b = 0; b < total.length; b++) {
                  total[b] += e.getValue()[b];
                }
              });
      groups.add(new Group(key[0], Boolean.parseBoolean(key[1]), total, lines));
    }
    return new DiagnosisTable(bands, groups);
  }

  /** A text table: per loss × shuffle and band, the most common diagnosis and its share. */
  public String text() {
    StringBuilder text =
        new StringBuilder(String.format(Locale.ROOT, "  %-14s %-8s", "loss", "shuffle"));
    for (Band band : bands) {
      text.append(String.format(Locale.ROOT, " %-20s", band.label()));
    }
    text.append('\n');
    for (Group group : groups) {
      text.append(String.format(Locale.ROOT, "  %-14s %-8s", group.loss(), group.shuffle()));
      for (int b = 0; b < bands.size(); b++) {
        int band = b;
        String cell =
            group.runs()[b] == 0
                ? "-"
                : group.lines().stream()
                    .max(Comparator.comparingLong((Line line) -> line.runs()[band]))
                    .map(
                        line ->
                            String.format(
                                Locale.ROOT,
                                "%s %.0f%%",
                                line.diagnosis(),
                                100.0 * line.runs()[band] / group.runs()[band]))
                    .orElseThrow();
        text.append(String.format(Locale.ROOT, " %-20s", cell));
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static int bandOf(List<Band> bands, int batchSize) {
    for (int b = 0; b < bands.size(); b++) {
      if (bands.get(b).contains(batchSize)) {
        return b;
      }
    }
    throw new IllegalStateException("batch size " + batchSize + " is in no band of " + bands);
  }

  // Diagnoses in the enum's order (converged first); labels this build does not know go last.
  private static int order(String label) {
    Diagnosis d = Diagnoses.parse(label);
    return d == null ? Diagnosis.values().length : d.ordinal();
  }
}
