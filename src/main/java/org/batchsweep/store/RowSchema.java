package org.batchsweep.store;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A table's columns in contract order (columns are only ever appended), and the one mapping of its
 * row record to a Spark {@link Row}. The Spark schema is derived from the same list that fills the
 * row, so the two cannot disagree.
 *
 * @param <R> the table's row record
 */
public final class RowSchema<R> {

  /** The types of array columns. */
  public static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType);

  public static final DataType INTEGERS = DataTypes.createArrayType(DataTypes.IntegerType);

  private final List<TableColumn<R>> columns;
  private final StructType struct;

  private RowSchema(List<TableColumn<R>> columns) {
    this.columns = List.copyOf(columns);
    this.struct =
        DataTypes.createStructType(
            columns.stream()
                .map(c -> DataTypes.createStructField(c.name(), c.type(), true))
                .toArray(StructField[]::new));
  }

  @SafeVarargs
  static <R> RowSchema<R> of(TableColumn<R>... columns) {
    return new RowSchema<>(Arrays.asList(columns));
  }

  static <R> TableColumn<R> col(String name, DataType type, Function<R, Object> value) {
    return new TableColumn<>(name, type, value);
  }

  /** The Spark schema, every column nullable. */
  public StructType struct() {
    return struct;
  }

  public List<TableColumn<R>> columns() {
    return columns;
  }

  /** The record as a row of this schema (lists become Scala sequences, as Spark expects). */
  public Row toRow(R record) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Object value = columns.get(i).value().apply(record);
      values[i] =
          value instanceof List<?> list ? CollectionConverters.asScala(list).toSeq() : value;
    }
    return new GenericRowWithSchema(values, struct);
  }
}
