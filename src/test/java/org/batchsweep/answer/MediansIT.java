package org.batchsweep.answer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.batchsweep.testing.SharedSparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@link Medians#lower} gives what {@code percentile_approx(x, 0.5, 10000)} gave the answers before
 * it, group by group: odd and even counts, ties, nulls, and a group of nulls only.
 */
class MediansIT extends SharedSparkSession {

  private static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField("g", DataTypes.IntegerType, false),
              DataTypes.createStructField("x", DataTypes.DoubleType, true)));

  @Test
  void theLowerMedianOfEveryGroupIsPercentileApproxs() {
    Random random = new Random(13);
    List<Row> rows = new ArrayList<>();
    for (int g = 0; g < 300; g++) {
      int n = 1 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        // Few distinct values, so ties are common; every fifth value is missing.
        Double x = random.nextInt(5) == 0 ? null : (double) random.nextInt(25) * 0.5 - 3;
        rows.add(RowFactory.create(g, x));
      }
    }
    rows.add(RowFactory.create(300, null));

    Map<Integer, Double> lower = new TreeMap<>();
    Map<Integer, Double> approx = new TreeMap<>();
    for (Row r :
        spark
            .createDataFrame(rows, SCHEMA)
            .groupBy("g")
            .agg(Medians.lower(col("x")), percentile_approx(col("x"), lit(0.5), lit(10000)))
            .collectAsList()) {
      lower.put(r.getInt(0), r.isNullAt(1) ? null : r.getDouble(1));
      approx.put(r.getInt(0), r.isNullAt(2) ? null : r.getDouble(2));
    }
    assertEquals(301, lower.size());
    assertEquals(approx, lower);
    assertNull(lower.get(300), "a group without values has no median");
  }

  @Test
  void evenCountsTakeTheLowerOfTheMiddleTwo() {
    List<Row> rows =
        List.of(
            RowFactory.create(0, 4.0),
            RowFactory.create(0, 1.0),
            RowFactory.create(0, 3.0),
            RowFactory.create(0, 2.0));
    Row median =
        spark.createDataFrame(rows, SCHEMA).groupBy("g").agg(Medians.lower(col("x"))).first();
    assertEquals(2.0, median.getDouble(1));
  }
}
