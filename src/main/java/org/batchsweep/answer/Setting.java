package org.batchsweep.answer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.batchsweep.optim.OptimizerNames;

/**
 * One setting: the values of the sweep's varying axes, as in the runs table (an empty map when
 * nothing but batch size and seed varies).
 */
public record Setting(LinkedHashMap<String, Object> values) {

  /** The setting of {@code row}: its values of the columns named by {@code axes}, in that order. */
  static Setting of(List<String> axes, Row row) {
    LinkedHashMap<String, Object> values = new LinkedHashMap<>();
    for (String axis : axes) {
      values.put(axis, row.getAs(axis));
    }
    return new Setting(values);
  }

  /**
   * Orders settings axis by axis, each by its natural order (false before true, numbers ascending).
   */
  static final Comparator<Setting> ORDER =
      (a, b) -> {
        List<Object> x = new ArrayList<>(a.values.values());
        List<Object> y = new ArrayList<>(b.values.values());
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
          int c = compare(x.get(i), y.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.size(), y.size());
      };

  /** The canonical text of the fixes table: {@code key=value, key=value}. */
  public String text() {
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + "=" + value(v)));
    return String.join(", ", parts);
  }

  /**
   * How the setting reads in a sentence: {@code adam, lr 0.01, mse, shuffled}; "all runs" when
   * empty.
   */
  public String label() {
    if (values.isEmpty()) {
      return "all runs";
    }
    List<String> parts = new ArrayList<>();
    Object optimizer = values.get("optimizer");
    values.forEach(
        (k, v) -> {
          // Adam-like optimizers have no momentum: "adam, momentum 0" would only confuse.
          boolean noMomentum =
              optimizer != null && !OptimizerNames.takesMomentum(String.valueOf(optimizer));
          if (!(k.equals("momentum") && noMomentum)) {
            parts.add(axisValue(k, v));
          }
        });
    return String.join(", ", parts);
  }

  /** This setting without one axis (for grouping settings that differ only in it). */
  Setting without(String axis) {
    LinkedHashMap<String, Object> rest = new LinkedHashMap<>(values);
    rest.remove(axis);
    return new Setting(rest);
  }

  static String axisValue(String column, Object value) {
    String text = readable(value);
    return switch (column) {
      case "shuffle" -> Boolean.TRUE.equals(value) ? "shuffled" : "fixed order";
      case "epochs" -> text + " epochs";
      case "optimizer", "precision", "loss", "schedule" -> text;
      default -> column.replace('_', ' ') + " " + text;
    };
  }

  /** A value as written in text: numbers without trailing zeros or exponent (0.001, 1, 0.9). */
  static String value(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d)
          ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
          : d.toString();
    }
    if (value instanceof Float f) {
      return value(f.doubleValue());
    }
    return String.valueOf(value);
  }

  /**
   * A value as people read it in a sentence: numbers to 3 significant digits (a logspace lr
   * 0.0018957356524063754 reads 0.0019). Tables, JSON and the canonical setting text keep the exact
   * {@link #value}.
   */
  static String readable(Object value) {
    if (value instanceof Double d && Double.isFinite(d) && d != 0) {
      return BigDecimal.valueOf(d).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
    return value(value);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Comparable x && a.getClass() == b.getClass()) {
      return x.compareTo(b);
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  static Setting of(Map<String, Object> values) {
    return new Setting(new LinkedHashMap<>(values));
  }
}
