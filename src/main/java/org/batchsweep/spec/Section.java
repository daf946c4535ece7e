package org.batchsweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.batchsweep.BadInputException;

/**
 * One mapping of a spec (the root, {@code data}, {@code train}, ...) with typed, validated reads.
 * Every failure names the full dotted key, the value found and what would be accepted.
 */
final class Section {

  private final String prefix;
  private final JsonNode node;

  Section(String prefix, JsonNode node, Set<String> allowedKeys) {
    this.prefix = prefix;
    if (node == null || !node.isObject()) {
      throw new BadInputException(
          (prefix.isEmpty() ? "spec" : prefix)
              + ": expected a map of keys ("
              + String.join(", ", new TreeSet<>(allowedKeys))
              + "), got "
              + SpecTree.describe(node));
    }
    this.node = node;
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowedKeys.contains(name)) {
        throw new BadInputException(
            "unknown key '"
                + key(name)
                + "'; accepted"
                + (prefix.isEmpty() ? "" : " under " + prefix)
                + ": "
                + String.join(", ", new TreeSet<>(allowedKeys)));
      }
    }
  }

  String key(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  JsonNode get(String name) {
    return node.get(name);
  }

  boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  Section section(String name, Set<String> allowedKeys) {
    return new Section(key(name), node.get(name), allowedKeys);
  }

  String text(String name, List<String> accepted) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual() || !accepted.contains(value.asText())) {
      throw fail(name, value, String.join(" | ", accepted));
    }
    return value.asText();
  }

  /** A free-form string, or null when absent. */
  String optionalText(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw fail(name, value, "a non-empty string");
    }
    return value.asText();
  }

  String name(String name) {
    JsonNode value = node.get(name);
    if (value == null || !(value.isTextual() || value.isNumber()) || value.asText().isBlank()) {
      throw fail(name, value, "a non-empty name");
    }
    return value.asText();
  }

  boolean bool(String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isBoolean()) {
      throw fail(name, value, "true or false");
    }
    return value.asBoolean();
  }

  double finite(String name) {
    return number(name, node.get(name), Double.NEGATIVE_INFINITY, false, "a finite number");
  }

  double atLeast(String name, double min, String accepted) {
    return number(name, node.get(name), min, false, accepted);
  }

  double positive(String name, String accepted) {
    return number(name, node.get(name), 0, true, accepted);
  }

  long integer(String name, long min, String accepted) {
    return integer(key(name), node.get(name), min, Long.MAX_VALUE, accepted);
  }

  List<Double> finiteList(String name, int size, String accepted) {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray() || value.size() != size) {
      throw fail(name, value, accepted);
    }
    List<Double> values = new ArrayList<>();
    for (JsonNode item : value) {
      values.add(number(name, item, Double.NEGATIVE_INFINITY, false, accepted));
    }
    return values;
  }

  /** A list of finite numbers of any length (empty included), or a failure naming the key. */
  List<Double> finiteList(String name, String accepted) {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray()) {
      throw fail(name, value, accepted);
    }
    List<Double> values = new ArrayList<>();
    for (JsonNode item : value) {
      values.add(number(name, item, Double.NEGATIVE_INFINITY, false, accepted));
    }
    return values;
  }

  /** A list of non-blank strings of any length (empty included), or a failure naming the key. */
  List<String> textList(String name, String accepted) {
    JsonNode value = node.get(name);
    if (value == null || !value.isArray()) {
      throw fail(name, value, accepted);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw fail(name, value, accepted);
      }
      values.add(item.asText());
    }
    return values;
  }

  BadInputException fail(String name, JsonNode value, String accepted) {
    return failure(key(name), value, accepted);
  }

  static BadInputException failure(String key, JsonNode value, String accepted) {
    String got = value == null ? "nothing (the key is missing)" : SpecTree.describe(value);
    return new BadInputException(key + ": got " + got + "; accepted: " + accepted);
  }

  private double number(String name, JsonNode value, double min, boolean strict, String accepted) {
    if (value == null || !value.isNumber()) {
      throw fail(name, value, accepted);
    }
    double v = value.asDouble();
    if (!Double.isFinite(v) || v < min || (strict && v == min)) {
      throw fail(name, value, accepted);
    }
    return v;
  }

  static long integer(String key, JsonNode value, long min, long max, String accepted) {
    if (value == null || !value.isNumber()) {
      throw failure(key, value, accepted);
    }
    double v = value.asDouble();
    if (!value.isIntegralNumber() && v != Math.rint(v)) {
      throw failure(key, value, accepted);
    }
    if (!Double.isFinite(v) || v < min || v > max) {
      throw failure(key, value, accepted);
    }
    return value.isIntegralNumber() ? value.asLong() : (long) v;
  }
}
