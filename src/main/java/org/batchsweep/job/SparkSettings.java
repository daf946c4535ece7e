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
}
