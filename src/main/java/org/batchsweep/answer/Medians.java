package org.batchsweep.answer;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** The medians the answers name, as Spark aggregates. */
final class Medians {

  private Medians() {}

  /**
   * The lower median of a group's non-null values, exactly: the ⌈n/2⌉-th smallest of n, null for
   * none. {@code percentile_approx(values, 0.5, 10000)}, which this replaces, gave the same value
   * on every group of the seed and large sweeps; sorting a group's short list (a run per seed)
   * costs less than building its quantile summary (README, Interactive speed).
   */
  static Column lower(Column values) {
    Column sorted = sort_array(collect_list(values));
    return when(size(sorted).equalTo(0), lit(null))
        .otherwise(element_at(sorted, ceil(size(sorted).multiply(0.5)).cast("int")));
  }
}
