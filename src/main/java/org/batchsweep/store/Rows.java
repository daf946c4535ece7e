package org.batchsweep.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Reading a stored row's columns by name, so a reader does not depend on column positions. A column
 * that a table written by an older build lacks reads as null.
 */
public final class Rows {

  private Rows() {}

  /** The column's value, or null when it is null or the row has no such column. */
  public static <T> T get(Row row, String column) {
    int i = index(row, column);
    return i < 0 || row.isNullAt(i) ? null : row.getAs(i);
  }

  /** An array column as a Java list, or null. */
  public static <T> List<T> list(Row row, String column) {
    int i = index(row, column);
    return i < 0 || row.isNullAt(i)
        ? null
        : Collections.unmodifiableList(new ArrayList<>(row.<T>getList(i)));
  }

  /** An array column's value for these doubles (null for null: a value that does not apply). */
  public static List<Double> list(double[] values) {
    if (values == null) {
      return null;
    }
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }

  private static int index(Row row, String column) {
    if (row.schema() == null) {
      throw new IllegalArgumentException("a row without a schema cannot be read by name");
    }
    scala.Option<Object> i = row.schema().getFieldIndex(column);
    return i.isDefined() ? (Integer) i.get() : -1;
  }
}
