package org.batchsweep.cli;

import org.apache.spark.sql.SparkSession;
import org.batchsweep.report.StoredSweep;
import org.batchsweep.store.RunAxes;
import org.batchsweep.store.SweepRow;
import org.batchsweep.store.Table;
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

  /** What a command does with one complete sweep of the tables. */
  interface SweepWork {
    void run(SparkSession spark, TableStore store, String outUri, SweepRow sweep, RunAxes axes);
  }

  private StoredTables() {}

  /**
   * Opens the tables for a command that answers about one sweep ({@code explain}, {@code report}):
   * the sweep {@code sweepIdOrNull} names, or the latest; refused, before anything is written, when
   * it is unknown or incomplete; with Spark evaluating expressions as suits its size, and the axes
   * it varies.
   */
  static int openCompleteSweep(String out, String sweepIdOrNull, String appName, SweepWork work) {
    return open(
        out,
        appName,
        (spark, store, outUri) -> {
          SweepRow sweep = StoredSweep.resolve(store, sweepIdOrNull);
          StoredSweep.requireComplete(sweep, out);
          QuickCompilation.interpretExpressionsIf(
              spark, SweepSize.fewRuns(sweep.runs()), QuickCompilation.mode());
          RunAxes axes = RunAxes.of(store.read(Table.RUNS, sweep.sweepId()), sweep);
          work.run(spark, store, outUri, sweep, axes);
        });
  }

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
