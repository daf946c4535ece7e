package org.batchsweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchsweep.BadInputException;

/**
 * Reads a grid axis: a YAML list, a single value, or {@code linspace(start, stop, count)} / {@code
 * logspace(start, stop, count)} with numpy's semantics (integer axes truncate each value like
 * {@code int(numpy.linspace(...))}). Repeated values are kept once, in first-seen order.
 */
final class AxisValues {

  private static final Pattern SPACE =
      Pattern.compile("\\s*(linspace|logspace)\\s*\\(([^,]+),([^,]+),([^,)]+)\\)\\s*");
  private static final int MAX_GENERATED = 10_000_000;

  private AxisValues() {}

  /** The numbers an axis lists or generates, before per-axis checks. */
  static List<Double> numbers(String key, JsonNode node, String accepted) {
    List<Double> values = new ArrayList<>();
    if (node.isTextual()) {
      Matcher m = SPACE.matcher(node.asText());
      if (!m.matches()) {
        throw new BadInputException(
            key
                + ": '"
                + node.asText()
                + "' is not a list of values; accepted: "
                + accepted
                + ", as a list like [1, 2] or linspace(start, stop, count)");
      }
      double start = parse(key, m.group(2));
      double stop = parse(key, m.group(3));
      double countValue = parse(key, m.group(4));
      if (countValue != Math.rint(countValue) || countValue < 1 || countValue > MAX_GENERATED) {
        throw new BadInputException(
            key
                + ": "
                + m.group(1)
                + " count must be a whole number from 1 to "
                + MAX_GENERATED
                + ", got "
                + m.group(4).trim());
      }
      int count = (int) countValue;
      boolean log = m.group(1).equals("logspace");
      for (double v : linspace(start, stop, count)) {
        values.add(log ? Math.pow(10, v) : v);
      }
      return values;
    }
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    } else {
      items.add(node);
    }
    for (JsonNode item : items) {
      if (!item.isNumber()) {
        throw new BadInputException(
            key + ": " + SpecTree.describe(item) + " is not a number; accepted: " + accepted);
      }
      values.add(item.asDouble());
    }
    return values;
  }

  /** The values of a non-numeric axis (strings or booleans), read one by one. */
  static <T> List<T> items(String key, JsonNode node, Function<JsonNode, T> read) {
    List<T> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(item -> values.add(read.apply(item)));
    } else {
      values.add(read.apply(node));
    }
    if (values.isEmpty()) {
      throw new BadInputException(key + ": the axis is empty; give at least one value");
    }
    return distinct(values);
  }

  static <T> List<T> distinct(List<T> values) {
    return List.copyOf(new LinkedHashSet<>(values));
  }

  /** numpy.linspace with endpoint=True: start + i·step, the last value exactly stop. */
  static double[] linspace(double start, double stop, int count) {
    double[] values = new double[count];
    if (count == 1) {
      values[0] = start;
      return values;
    }
    double step = (stop - start) / (count - 1);
    for (int i = 0; i < count; i++) {
      values[i] = start + i * step;
    }
    values[count - 1] = stop;
    return values;
  }

  private static double parse(String key, String text) {
    try {
      double value = Double.parseDouble(text.trim());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(
        key + ": '" + text.trim() + "' is not a finite number in linspace/logspace");
  }
}
