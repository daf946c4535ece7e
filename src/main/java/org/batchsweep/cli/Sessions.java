package org.batchsweep.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.job.SparkSettings;

/** The SparkSession every command runs in. */
final class Sessions {

  private Sessions() {}

  static SparkSession start(String appName) {
    return start(appName, null);
  }

  /**
   * @param warehouseDir where Spark SQL keeps tables a query creates ({@code CREATE TABLE ... AS}),
   *     or null for Spark's default, {@code spark-warehouse/} in the current folder
   */
  static SparkSession start(String appName, String warehouseDir) {
    SparkSession.Builder builder = SparkSettings.apply(SparkSession.builder().appName(appName));
    if (warehouseDir != null) {
      builder.config("spark.sql.warehouse.dir", warehouseDir);
    }
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]"); // started without spark-submit, e.g. from an IDE
    }
    SparkSession spark = builder.getOrCreate();
    SparkSettings.sizeShuffles(spark);
    return spark;
  }
}
