package org.batchsweep.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.job.SparkSettings;

/** The SparkSession every command runs in. */
final class Sessions {

  private Sessions() {}

  static SparkSession start(String appName) {
    SparkSession.Builder builder = SparkSettings.apply(SparkSession.builder().appName(appName));
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]"); // started without spark-submit, e.g. from an IDE
    }
    return builder.getOrCreate();
  }
}
