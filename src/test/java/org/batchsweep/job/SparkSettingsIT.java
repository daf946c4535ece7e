package org.batchsweep.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.metrics.source.CodegenMetrics;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.testing.SparkTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spark honours the expression-code setting in its tasks: a session that interprets expressions
 * compiles no class for them, and the training's writes compile theirs again. Spark counts each
 * class it compiles with Janino; whole-stage code generation, which the setting leaves on, is off
 * here so that only expressions' classes are counted.
 */
class SparkSettingsIT {

  private SparkSession spark;

  @BeforeEach
  void start() {
    spark = SparkTests.start("local[2]");
    spark.conf().set("spark.sql.codegen.wholeStage", "false");
  }

  @AfterEach
  void stop() {
    SparkTests.stop(spark);
  }

  @Test
  void interpretedExpressionsCompileNothing() {
    SparkSettings.interpretExpressions(spark);
    assertThat(compilationsOf("id * 3 + 1", "% 2 = 0")).isZero();
  }

  @Test
  void generatedExpressionsComeBackForTheirWorkOnly() {
    SparkSettings.interpretExpressions(spark);
    AtomicLong generated = new AtomicLong();
    SparkSettings.withGeneratedExpressions(
        spark, () -> generated.set(compilationsOf("id * 5 + 2", "% 3 = 1")));
    assertThat(generated.get()).as("classes compiled for the work").isPositive();
    assertThat(spark.conf().get(SparkSettings.EXPRESSION_CODE))
        .isEqualTo(SparkSettings.INTERPRETED_EXPRESSIONS);
    assertThat(compilationsOf("id * 7 + 3", "% 5 = 2")).as("after the work").isZero();
  }

  @Test
  void theSettingIsRestoredWhenTheWorkFails() {
    SparkSettings.interpretExpressions(spark);
    assertThatThrownBy(
            () ->
                SparkSettings.withGeneratedExpressions(
                    spark,
                    () -> {
                      throw new IllegalStateException("interrupted");
                    }))
        .hasMessage("interrupted");
    assertThat(spark.conf().get(SparkSettings.EXPRESSION_CODE))
        .isEqualTo(SparkSettings.INTERPRETED_EXPRESSIONS);
  }

  @Test
  void aSessionThatGeneratesCodeKeepsItsSetting() {
    SparkSettings.withGeneratedExpressions(spark, () -> {});
    assertThat(spark.conf().contains(SparkSettings.EXPRESSION_CODE)).isFalse();
  }

  /** Classes Spark compiled to project {@code projection} and filter by {@code filter}. */
  private long compilationsOf(String projection, String filter) {
    long before = CodegenMetrics.METRIC_COMPILATION_TIME().getCount();
    long rows =
        spark
            .range(0, 1000, 1, 2)
            .selectExpr(projection + " AS y")
            .where("y " + filter)
            .collectAsList()
            .size();
    assertThat(rows).isPositive();
    return CodegenMetrics.METRIC_COMPILATION_TIME().getCount() - before;
  }
}
