package org.batchsweep.job;

import org.apache.spark.sql.SparkSession;

/** The session settings batchsweep relies on, for the command line and the tests alike. */
public final class SparkSettings {

  private SparkSettings() {}

  public static SparkSession.Builder apply(SparkSession.Builder builder) {
    return builder
        // batchsweep prints its own progress in runs; Spark's stage bar would interleave with it.
        .config("spark.ui.showConsoleProgress", "false")
        // Re-running a sweep replaces its own partition only (see TableStore).
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        // sweep_id=1 must stay the string "1".
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.sql.jsonGenerator.ignoreNullFields", "false")
        // The runs table has 26+ columns; Spark warns when a plan's text would be cut shorter.
        .config("spark.sql.debug.maxToStringFields", "200");
  }

  /** The shuffle width set by {@link #sizeShuffles}: this many partitions per core, at least 8. */
  static final int SHUFFLE_PARTITIONS_PER_CORE = 4;

  /**
   * Sizes aggregation shuffles to the cores a started session has, unless its configuration names
   * {@code spark.sql.shuffle.partitions}. Every shuffle batchsweep runs groups runs into settings
   * or cells: at most a few hundred thousand small rows. Spark's default of 200 partitions made
   * each of those queries schedule and write 200 mostly empty blocks; on 2 cores, 8 partitions made
   * a 65,000-group aggregate of 10^6 runs 0.3-0.5 s faster per query (README, Interactive speed).
   */
  public static void sizeShuffles(SparkSession spark) {
    if (!spark.sparkContext().getConf().contains("spark.sql.shuffle.partitions")) {
      int partitions =
          Math.max(8, SHUFFLE_PARTITIONS_PER_CORE * spark.sparkContext().defaultParallelism());
      spark.conf().set("spark.sql.shuffle.partitions", partitions);
    }
  }
}
