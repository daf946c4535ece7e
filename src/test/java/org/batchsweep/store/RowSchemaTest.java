package org.batchsweep.store;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Parquet writer options a row schema asks for. */
class RowSchemaTest {

  private record Pair(double a, double b) {}

  @Test
  void plainEncodedColumnsTurnTheirDictionaryOffByParquetPath() {
    RowSchema<Pair> schema =
        RowSchema.of(
                RowSchema.<Pair>col("a", DoubleType, Pair::a),
                RowSchema.<Pair>col("b", RowSchema.DOUBLES, p -> null))
            .plainEncoded("b");

    assertEquals(
        Map.of("parquet.enable.dictionary#b.list.element", "false"), schema.writeOptions());
  }

  @Test
  void anUnknownColumnIsAMistakeInTheSchema() {
    RowSchema<Pair> schema = RowSchema.of(RowSchema.<Pair>col("a", DoubleType, Pair::a));

    assertThrows(IllegalArgumentException.class, () -> schema.plainEncoded("slope"));
  }

  @Test
  void theRunsTableKeepsDictionariesForItsAxes() {
    Map<String, String> options = Table.RUNS.writeOptions();

    assertEquals("false", options.get("parquet.enable.dictionary#slope"));
    assertEquals("false", options.get("parquet.enable.dictionary#weights.list.element"));
    for (String axis : RunRow.AXES) {
      assertEquals(null, options.get("parquet.enable.dictionary#" + axis), axis);
    }
    assertEquals(Map.of(), Table.SWEEPS.writeOptions());
  }
}
