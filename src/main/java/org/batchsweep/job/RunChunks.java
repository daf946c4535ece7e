package org.batchsweep.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.batchsweep.core.RunConfig;

/**
 * Cuts a sweep's runs into chunks of at most {@code chunkRuns}, each trained and committed by one
 * Spark job. Runs that can share epoch orders (same seed, shuffle, precision) are kept together, so
 * chunking costs little of that sharing.
 */
final class RunChunks {

  private RunChunks() {}

  static List<List<RunConfig>> split(List<RunConfig> runs, int chunkRuns) {
    List<RunConfig> grouped = new ArrayList<>(runs);
    grouped.sort(
        Comparator.comparingLong(RunConfig::seed)
            .thenComparing(RunConfig::shuffle)
            .thenComparing(RunConfig::precision));
    int chunks = (grouped.size() + chunkRuns - 1) / chunkRuns;
    List<List<RunConfig>> result = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      // Equal sizes rather than full chunks and a small last one: every job keeps the cores busy.
      int from = (int) ((long) grouped.size() * c / chunks);
      int to = (int) ((long) grouped.size() * (c + 1) / chunks);
      result.add(List.copyOf(grouped.subList(from, to)));
    }
    return result;
  }
}
