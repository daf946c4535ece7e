package org.batchsweep.cli;

import org.apache.spark.sql.SparkSession;
import org.batchsweep.store.TableStore;

/**
 * A command's view of tables already written under {@code --out}: opened in a SparkSession that is
 * stopped however the command ends.
 */
final class StoredTables {

  /** What a command does with the session and the tables. */
  interface Work {
    void run(SparkSession spark, TableStore store, String outUri);
  }

  private StoredTables() {}

  static int open(String out, String appName, Work work) {
    QuickCompilation.mode(); // ./submit chose this JVM's JIT by it: a bad value is refused here too
    String outUri = OutputDir.forReading(out);
    // Anything a query writes (CREATE TABLE ... AS SELECT) stays under --out, never in the user's
    // folder.
    SparkSession spark =
        Sessions.start(appName, (outUri.endsWith("/") ? outUri : outUri + "/") + "spark-warehouse");
    try {
      work.run(spark, new TableStore(spark, outUri), outUri);
      return 0;
    } finally {
      spark.stop();
    }
  }
}
