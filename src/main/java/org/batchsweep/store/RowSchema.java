package org.batchsweep.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
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

  public static final DataType STRINGS = DataTypes.createArrayType(DataTypes.StringType);

  public static final DataType INTEGERS = DataTypes.createArrayType(DataTypes.IntegerType);

  /** Parquet's switch for dictionary encoding; {@code #column} makes it one column's. */
  static final String DICTIONARY_OPTION = "parquet.enable.dictionary";

  private final List<TableColumn<R>> columns;
  private final StructType struct;
  private final Set<String> plainEncoded;

  private RowSchema(List<TableColumn<R>> columns, Set<String> plainEncoded) {
    this.columns = List.copyOf(columns);
    this.plainEncoded = Set.copyOf(plainEncoded);
    this.struct =
        DataTypes.createStructType(
            columns.stream()
                .map(c -> DataTypes.createStructField(c.name(), c.type(), true))
                .toArray(StructField[]::new));
  }

  @SafeVarargs
  static <R> RowSchema<R> of(TableColumn<R>... columns) {
    return new RowSchema<>(Arrays.asList(columns), Set.of());
  }

  /**
   * This schema with Parquet's dictionary encoding off for {@code names}: columns that hold a new
   * value in nearly every row (a run's fitted slope, its errors, its losses). Parquet tries a
   * dictionary on every column first and, for such a column, drops it when the file is written and
   * stores the values plain anyway: the files come out the same, without hashing every value into a
   * dictionary that is thrown away. Columns that repeat (the grid's axes, a seed's initial weights,
   * the diagnosis) keep their dictionaries, which make them small.
   */
  RowSchema<R> plainEncoded(String... names) {
    Set<String> known = new HashSet<>(Arrays.asList(struct.fieldNames()));
    for (String name : names) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("no column " + name + " to encode plain");
      }
    }
    return new RowSchema<>(columns, Set.of(names));
  }

  /**
   * Parquet writer options for this schema's columns: dictionary encoding off for the plain-encoded
   * ones, by their Parquet column path (an array column's values are its {@code list.element}).
   */
  public Map<String, String> writeOptions() {
    Map<String, String> options = new TreeMap<>();
    for (TableColumn<R> column : columns) {
      if (plainEncoded.contains(column.name())) {
        String path =
            column.type() instanceof ArrayType ? column.name() + ".list.element" : column.name();
        options.put(DICTIONARY_OPTION + "#" + path, "false");
      }
    }
    return Collections.unmodifiableMap(options);
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
