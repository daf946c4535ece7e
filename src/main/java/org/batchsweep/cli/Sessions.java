package org.batchsweep.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The SparkSession every command runs in, with the settings batchsweep relies on. */
final class Sessions {

  private Sessions() {}

  static SparkSession start(String appName) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            // batchsweep prints its own progress in runs; Spark's stage bar would interleave with it.
            .config("spark.ui.showConsoleProgress", "false")
            // Re-running a sweep replaces its own partition only (see TableStore).
            .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
            // sweep_id=1 must stay the string "1".
            .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
            .config("spark.sql.jsonGenerator.ignoreNullFields", "false")
            // The runs table has 26+ columns; Spark warns when a plan's text would be cut shorter.
            .config("spark.sql.debug.maxToStringFields", "200");
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]"); // started without spark-submit, e.g. from an IDE
    }
    return builder.getOrCreate();
  }
}
