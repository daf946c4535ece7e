package org.batchsweep.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchsweep.diagnose.BatchBands;
import org.batchsweep.diagnose.BatchBands.Band;

/** Per loss × shuffle and batch-size band: the most common diagnosis and its share of the runs. */
public final class DiagnosisTable {

  /** One cell: the dominant diagnosis of a band and how many of the band's runs have it. */
  public record Entry(String diagnosis, long count, long total) {
    public String text() {
      return String.format(Locale.ROOT, "%s %.0f%%", diagnosis, 100.0 * count / total);
    }
  }

  private DiagnosisTable() {}

  /** Rows keyed "loss|shuffle", one entry per band (null where the band has no runs). */
  public static Map<String, List<Entry>> rows(List<BandCell> cells, List<Band> bands) {
    Map<String, List<Entry>> rows = new LinkedHashMap<>();
    cells.stream()
        .map(c -> c.loss() + "|" + c.shuffle())
        .distinct()
        .sorted()
        .forEach(key -> {
          List<Entry> entries = new ArrayList<>();
          for (Band band : bands) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (BandCell c : cells) {
              if ((c.loss() + "|" + c.shuffle()).equals(key) && band.contains(c.batchSize())) {
                counts.merge(c.diagnosis(), c.runs(), Long::sum);
              }
            }
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            entries.add(
                total == 0
                    ? null
                    : counts.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .map(e -> new Entry(e.getKey(), e.getValue(), total))
                        .orElseThrow());
          }
          rows.put(key, entries);
        });
    return rows;
  }

  public static String text(List<BandCell> cells) {
    List<Band> bands = BatchBands.of(cells.stream().map(BandCell::batchSize).toList());
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "  %-14s %-8s", "loss", "shuffle"));
    for (Band band : bands) {
      text.append(String.format(Locale.ROOT, " %-20s", band.label()));
    }
    text.append('\n');
    for (Map.Entry<String, List<Entry>> row : rows(cells, bands).entrySet()) {
      String[] key = row.getKey().split("\\|");
      text.append(String.format(Locale.ROOT, "  %-14s %-8s", key[0], key[1]));
      for (Entry entry : row.getValue()) {
        text.append(String.format(Locale.ROOT, " %-20s", entry == null ? "-" : entry.text()));
      }
      text.append('\n');
    }
    return text.toString();
  }
}
