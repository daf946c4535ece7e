package org.batchsweep.testing;

import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One {@code local[2]} session for all tests of a class (starting one costs seconds), with the
 * settings of {@link SparkTests}: UI off, driver on loopback. Tests write under their own
 * {@code @TempDir}, so they share the session but no tables.
 */
public abstract class SharedSparkSession {

  protected static SparkSession spark;

  @BeforeAll
  static void startSharedSession() {
    spark = SparkTests.start("local[2]");
  }

  @AfterAll
  static void stopSharedSession() {
    SparkTests.stop(spark);
    spark = null;
  }

  /**
   * Runs {@code work} in a session of another master (a JVM holds one SparkContext at a time, so
   * the shared one is stopped meanwhile), then restores the shared session, also on failure.
   */
  protected static <T> T withMaster(String master, Function<SparkSession, T> work) {
    SparkTests.stop(spark);
    SparkSession other = SparkTests.start(master);
    try {
      return work.apply(other);
    } finally {
      SparkTests.stop(other);
      spark = SparkTests.start("local[2]");
    }
  }
}
