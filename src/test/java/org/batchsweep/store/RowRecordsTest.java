package org.batchsweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Every table's row record maps to and from a Spark row by column name, in the column order of the
 * contract. Records are filled with a different value in every component, so a column bound to the
 * wrong component, or a column moved, fails here.
 */
class RowRecordsTest {

  /** The contract: every table's columns in stored order (append only, never reorder). */
  private static final Map<Table, List<String>> CONTRACT =
      Map.of(
          Table.SWEEPS,
          List.of(
              "sweep_id",
              "name",
              "spec",
              "created_at",
              "master",
              "spark_version",
              "runs",
              "wall_seconds",
              "status",
              "varying_axes"),
          Table.POINTS,
          List.of("sweep_id", "split", "x", "y", "features"),
          Table.REFERENCE,
          List.of(
              "sweep_id",
              "method",
              "slope",
              "intercept",
              "train_mse",
              "validation_mse",
              "r2",
              "weights",
              "condition_number"),
          Table.RUNS,
          List.of(
              "sweep_id",
              "run_id",
              "optimizer",
              "lr",
              "momentum",
              "batch_size",
              "shuffle",
              "loss",
              "epochs",
              "seed",
              "precision",
              "init_slope",
              "init_intercept",
              "slope",
              "intercept",
              "train_mse",
              "validation_mse",
              "last_batch_loss",
              "steps",
              "slope_error",
              "intercept_error",
              "excess_mse",
              "converged",
              "diagnosis",
              "detail",
              "nanos",
              "objective_slope",
              "objective_intercept",
              "steps_needed",
              "steps_to_target",
              "nesterov",
              "weight_decay",
              "schedule",
              "lr_scaling",
              "effective_lr",
              "weights",
              "init_weights",
              "objective_weights",
              "weight_error",
              "scale"),
          Table.EPOCHS,
          List.of("sweep_id", "run_id", "epoch", "slope", "intercept", "train_mse", "weights"),
          Table.FIXES,
          List.of(
              "sweep_id",
              "setting",
              "diagnosis",
              "change",
              "run_id",
              "fixed_run_id",
              "batch_size",
              "seed",
              "weights",
              "intercept",
              "steps",
              "converged",
              "detail",
              "fixed_diagnosis"),
          Table.NOISE_SCALE,
          List.of(
              "sweep_id",
              "point",
              "b_simple",
              "b_noise",
              "grad_norm2",
              "trace_sigma",
              "lambda_max",
              "lambda_min",
              "slope",
              "intercept",
              "n"),
          Table.BATCH_SCALING,
          List.of(
              "sweep_id",
              "setting",
              "s_min",
              "e_min",
              "b_crit",
              "b_noise_predicted",
              "fit_r2",
              "batch_sizes_used",
              "median_steps",
              "best_lr",
              "batch_sizes_tried",
              "note",
              "lrs_tried"));

  private static final Map<Table, Class<? extends Record>> RECORDS =
      Map.of(
          Table.SWEEPS, SweepRow.class,
          Table.POINTS, PointRow.class,
          Table.REFERENCE, ReferenceRow.class,
          Table.RUNS, RunRow.class,
          Table.EPOCHS, EpochRow.class,
          Table.FIXES, FixRow.class,
          Table.NOISE_SCALE, NoiseScaleRow.class,
          Table.BATCH_SCALING, BatchScalingRow.class);

  @Test
  void everyTableHasItsContractColumnsInOrder() {
    for (Table table : Table.values()) {
      assertEquals(CONTRACT.get(table), List.of(table.columnNames()), table.tableName());
    }
  }

  @Test
  void eachColumnIsFilledFromTheComponentOfItsName() throws Exception {
    for (Table table : Table.values()) {
      Class<? extends Record> type = RECORDS.get(table);
      Record record = distinct(type);
      Row row = (Row) type.getMethod("toRow").invoke(record);
      RecordComponent[] components = type.getRecordComponents();
      assertEquals(components.length, row.length(), table.tableName());
      for (RecordComponent c : components) {
        Object expected = c.getAccessor().invoke(record);
        int i = row.fieldIndex(snake(c.getName()));
        Object stored = expected instanceof List<?> ? row.getList(i) : row.get(i);
        assertEquals(expected, stored, table.tableName() + "." + c.getName());
      }
    }
  }

  @Test
  void readingByNameGivesTheRecordBack() throws Exception {
    for (Table table : Table.values()) {
      Class<? extends Record> type = RECORDS.get(table);
      Record record = distinct(type);
      Method from = type.getMethod("from", Row.class);
      Row written = (Row) type.getMethod("toRow").invoke(record);
      assertEquals(record, from.invoke(null, written), table.tableName());
      // The same values under the same names in another order (as a query might select them).
      Row reversed = reversed(written);
      assertEquals(record, from.invoke(null, reversed), table.tableName() + ", reordered");
    }
  }

  @Test
  void aColumnAnOlderTableLacksReadsAsNull() {
    Row old =
        new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(
            new Object[] {"s", "train", 1.5, 2.5},
            new org.apache.spark.sql.types.StructType()
                .add("sweep_id", "string")
                .add("split", "string")
                .add("x", "double")
                .add("y", "double"));
    assertEquals(new PointRow("s", "train", 1.5, 2.5, null), PointRow.from(old));
  }

  private static Row reversed(Row row) {
    String[] names = row.schema().fieldNames();
    Object[] values = new Object[names.length];
    org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType();
    for (int i = names.length - 1, k = 0; i >= 0; i--, k++) {
      values[k] = row.get(i);
      schema = schema.add(row.schema().fields()[i]);
    }
    return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, schema);
  }

  /** A record with a different value in every component (the n-th component's values hold n). */
  private static Record distinct(Class<? extends Record> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int n = 0; n < components.length; n++) {
      types[n] = components[n].getType();
      values[n] = value(components[n].getGenericType(), n + 1);
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  private static Object value(Type type, int n) {
    if (type instanceof ParameterizedType list) {
      Type element = list.getActualTypeArguments()[0];
      return List.of(value(element, n), value(element, n + 1000));
    }
    if (type == String.class) {
      return "v" + n;
    }
    if (type == double.class || type == Double.class) {
      return n + 0.25;
    }
    if (type == int.class || type == Integer.class) {
      return n;
    }
    if (type == long.class || type == Long.class) {
      return (long) n;
    }
    if (type == boolean.class || type == Boolean.class) {
      return n % 2 == 0;
    }
    if (type == Timestamp.class) {
      return new Timestamp(n * 1000L);
    }
    throw new AssertionError("no sample value for " + type);
  }

  private static String snake(String camel) {
    return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
  }

  @Test
  void rowsWithoutNamesAreRefused() {
    Row positional = RowFactory.create("s", "train", 1.0, 2.0);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> PointRow.from(positional));
  }
}
