package org.batchsweep.testing;

import org.apache.spark.sql.SparkSession;
import org.batchsweep.job.SparkSettings;

/**
 * Local SparkSessions for integration tests: UI off, driver on loopback, the same settings the
 * command line uses. Tests stop what they start and clear the active and default sessions.
 */
public final class SparkTests {

  private SparkTests() {}

  public static SparkSession start(String master) {
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
    return SparkSettings.apply(SparkSession.builder())
        .master(master)
        .appName("batchsweep-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  public static void stop(SparkSession spark) {
    try {
      if (spark != null) {
        spark.stop();
      }
    } finally {
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }
}
