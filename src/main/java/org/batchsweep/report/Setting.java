package org.batchsweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * One setting of a sweep: a value for each setting column (loss, shuffle and every other axis the
 * sweep varies but batch size and seed), as read from the runs table. Seeds are its replicates and
 * batch size its x axis.
 */
record Setting(List<String> columns, List<Object> values) implements Comparable<Setting> {

  Setting {
    columns = List.copyOf(columns);
    values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    if (columns.size() != values.size()) {
      throw new IllegalArgumentException(columns + " and " + values + " differ in length");
    }
  }

  /** The setting of a row whose first {@code columns.size()} fields are the setting's columns. */
  static Setting of(List<String> columns, Row row) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      values.add(row.get(i));
    }
    return new Setting(columns, values);
  }

  Object get(String column) {
    int i = columns.indexOf(column);
    return i < 0 ? null : values.get(i);
  }

  /** This setting without one column: the key of a panel whose lines differ in that column. */
  Setting without(String column) {
    List<String> c = new ArrayList<>(columns);
    List<Object> v = new ArrayList<>(values);
    int i = c.indexOf(column);
    if (i >= 0) {
      c.remove(i);
      v.remove(i);
    }
    return new Setting(c, v);
  }

  /** {@code adam · lr 0.01 · shuffled}: the values of the given columns, as they read. */
  String label(List<String> shown) {
    List<String> parts = new ArrayList<>();
    for (String column : shown) {
      int i = columns.indexOf(column);
      if (i >= 0) {
        parts.add(Labels.axisValue(column, values.get(i)));
      }
    }
    return String.join(" · ", parts);
  }

  /** Column by column, numbers by value, text alphabetically, false before true, nulls first. */
  @Override
  public int compareTo(Setting other) {
    for (int i = 0; i < Math.min(values.size(), other.values.size()); i++) {
      int c = compareValues(values.get(i), other.values.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(values.size(), other.values.size());
  }

  static int compareValues(Object a, Object b) {
    if (Objects.equals(a, b)) {
      return 0;
    }
    if (a == null || b == null) {
      return a == null ? -1 : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  static final Comparator<Object> VALUE_ORDER = Setting::compareValues;
}
