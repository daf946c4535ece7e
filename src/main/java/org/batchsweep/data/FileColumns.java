package org.batchsweep.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.batchsweep.BadInputException;
import org.batchsweep.spec.DataSpec;

/**
 * Which columns of a CSV header or Parquet schema are the features and which is the label. Names
 * match trimmed and in any case. Without {@code data.features} the features are every column but
 * the label, except in today's one-feature layout: with the default label {@code y} and a column
 * {@code x}, x is the one feature and other columns are ignored, as they always were.
 */
final class FileColumns {

  /** The one feature of x,y files and of the generated line. */
  static final String X = "x";

  /** The feature columns (as the file spells them) and where they and the label are. */
  record Resolved(List<String> features, int[] featureIndex, int labelIndex) {

    /** The largest column index used, plus one: the fields a CSV row needs. */
    int width() {
      int width = labelIndex + 1;
      for (int i : featureIndex) {
        width = Math.max(width, i + 1);
      }
      return width;
    }

    /** {@code a,b,y}: the columns read, for messages. */
    String describe(String label) {
      return String.join(",", features) + "," + label;
    }
  }

  private FileColumns() {}

  /**
   * @param where the file (and line) that messages start with
   * @param columns the header or schema's column names, in order
   * @param features the feature columns to read, or null for the default
   * @param label the label column
   * @param maxFeatures limits.max_features
   */
  static Resolved resolve(
      String where, List<String> columns, List<String> features, String label, int maxFeatures) {
    int labelIndex = index(where, columns, label, "the label column (data.label)");
    List<String> names = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    if (features != null) {
      for (String feature : features) {
        int i = index(where, columns, feature, "a feature column (data.features)");
        names.add(columns.get(i).trim());
        indices.add(i);
      }
    } else if (label.equals(DataSpec.DEFAULT_LABEL) && find(columns, X) >= 0) {
      int i = index(where, columns, X, "the feature column");
      names.add(columns.get(i).trim());
      indices.add(i);
    } else {
      for (int i = 0; i < columns.size(); i++) {
        if (i != labelIndex) {
          names.add(columns.get(i) == null ? "" : columns.get(i).trim());
          indices.add(i);
        }
      }
      if (names.isEmpty()) {
        throw new BadInputException(
            where
                + " has no column besides the label "
                + label
                + "; expected at least one feature column");
      }
    }
    if (names.size() > maxFeatures) {
      throw new BadInputException(
          where
              + ": "
              + names.size()
              + " feature columns is more than limits.max_features = "
              + maxFeatures
              + "; name fewer in data.features or raise the limit with --set"
              + " limits.max_features=N");
    }
    return new Resolved(
        List.copyOf(names), indices.stream().mapToInt(Integer::intValue).toArray(), labelIndex);
  }

  /** The one index of {@code name}, refused when missing or present more than once. */
  private static int index(String where, List<String> columns, String name, String role) {
    int found = find(columns, name);
    if (found < 0) {
      throw new BadInputException(
          where
              + " has no column "
              + name
              + " (columns: "
              + String.join(", ", columns.stream().map(String::valueOf).toList())
              + "); expected "
              + name
              + " as "
              + role);
    }
    for (int i = found + 1; i < columns.size(); i++) {
      if (matches(columns.get(i), name)) {
        throw new BadInputException(
            where + " has the column " + name + " more than once; expected each name once");
      }
    }
    return found;
  }

  static int find(List<String> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (matches(columns.get(i), name)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(String column, String name) {
    return column != null
        && column.trim().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT));
  }
}
