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

  /**
   * How Spark SQL builds its evaluators for expressions (projections, predicates, orderings):
   * {@code FALLBACK}, its default, generates and compiles a class for each; {@code NO_CODEGEN}
   * interprets them. One of Spark's internal settings, read by each task as it starts.
   */
  static final String EXPRESSION_CODE = "spark.sql.codegen.factoryMode";

  static final String GENERATED_EXPRESSIONS = "FALLBACK";
  static final String INTERPRETED_EXPRESSIONS = "NO_CODEGEN";

  /**
   * Has the session's queries interpret their expressions instead of generating, compiling and
   * loading a class for each. Worth it where queries are many and their rows few, as in a small
   * sweep's cold JVM: compiling cost more than the interpreted evaluators lose (README, Interactive
   * speed). Whole-stage code generation is left on.
   */
  public static void interpretExpressions(SparkSession spark) {
    spark.conf().set(EXPRESSION_CODE, INTERPRETED_EXPRESSIONS);
  }

  /**
   * Runs {@code work} with generated code for expressions even in a session that interprets them,
   * then restores the session's setting. For the training's writes: every run's and epoch's row
   * goes through the write's projections, which interpreted were measured slower than compiling
   * them, even in the seed sweep.
   */
  static void withGeneratedExpressions(SparkSession spark, Runnable work) {
    String mode = spark.conf().get(EXPRESSION_CODE, GENERATED_EXPRESSIONS);
    if (mode.equals(GENERATED_EXPRESSIONS)) {
      work.run();
      return;
    }
    spark.conf().set(EXPRESSION_CODE, GENERATED_EXPRESSIONS);
    try {
      work.run();
    } finally {
      spark.conf().set(EXPRESSION_CODE, mode);
    }
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
