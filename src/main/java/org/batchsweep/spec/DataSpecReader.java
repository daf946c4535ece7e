package org.batchsweep.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.batchsweep.BadInputException;
import org.batchsweep.spec.DataSpec.DataKind;

/**
 * Reads and checks the {@code data} section. Keys that belong to another kind of data (a path for a
 * generated line, true weights for a file, feature columns for generated points) are refused, so
 * nothing a spec asks for is ignored.
 */
final class DataSpecReader {

  private static final String WEIGHTS_ACCEPTED =
      "null or a list of finite numbers, one per feature";
  private static final String SCALES_ACCEPTED =
      "null or a list of numbers > 0, one per weight of data.weights";
  private static final String FEATURES_ACCEPTED =
      "null (every column but the label) or a list of distinct column names";

  /** The most feature values one Java array holds (n·d). */
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private DataSpecReader() {}

  static DataSpec read(Section s, int maxFeatures) {
    DataKind kind =
        DataKind.valueOf(
            s.text("kind", List.of("line", "linear", "csv", "parquet")).toUpperCase(Locale.ROOT));
    boolean fresh = s.text("validation", List.of("fresh", "none")).equals("fresh");
    String path = s.optionalText("path");
    String validationPath = s.optionalText("validation_path");
    String label = s.optionalText("label");
    if (label == null) {
      throw s.fail("label", s.get("label"), "a column name (default y)");
    }
    boolean generated = kind == DataKind.LINE || kind == DataKind.LINEAR;
    if (generated) {
      if (path != null || validationPath != null) {
        throw new BadInputException(
            s.key(path != null ? "path" : "validation_path")
                + " is set but data.kind is "
                + kind.label()
                + "; set data.kind to csv or parquet to read a file");
      }
      if (s.has("features")) {
        throw new BadInputException(
            s.key("features")
                + " is set but data.kind is "
                + kind.label()
                + "; feature columns are read from csv or parquet files");
      }
      if (!label.equals(DataSpec.DEFAULT_LABEL)) {
        throw new BadInputException(
            s.key("label")
                + " is '"
                + label
                + "' but data.kind is "
                + kind.label()
                + "; a label column is read from csv or parquet files");
      }
    } else if (path == null) {
      throw new BadInputException(
          s.key("path")
              + ": data.kind "
              + kind.label()
              + " needs a file with a label column and feature columns (x,y for one feature); set "
              + s.key("path")
              + "=FILE");
    }
    List<Double> weights = weights(s, kind, maxFeatures);
    List<Double> scales = featureScales(s, kind, weights);
    List<String> features = generated ? null : features(s, label, maxFeatures);
    List<Double> range = s.finiteList("x_range", 2, "[min, max] with min < max");
    if (!(range.get(0) < range.get(1))) {
      throw s.fail("x_range", s.get("x_range"), "[min, max] with min < max");
    }
    int n = (int) s.integer("n", 2, "an integer from 2 to " + Integer.MAX_VALUE);
    if (weights != null && n < weights.size() + 2) {
      throw new BadInputException(
          s.key("n")
              + ": "
              + n
              + " points for "
              + weights.size()
              + " weights; accepted: at least features + 2 = "
              + (weights.size() + 2)
              + " points, so the fit has a residual");
    }
    if (weights != null && (long) n * weights.size() > MAX_VALUES) {
      throw new BadInputException(
          s.key("n")
              + ": "
              + n
              + " points of "
              + weights.size()
              + " features are more values than one array holds; accepted: n·d ≤ "
              + MAX_VALUES);
    }
    return new DataSpec(
        kind,
        s.finite("slope"),
        s.finite("intercept"),
        n,
        range.get(0),
        range.get(1),
        s.atLeast("noise", 0, "a number ≥ 0"),
        s.integer("seed", Long.MIN_VALUE, "an integer"),
        path,
        fresh,
        validationPath,
        weights,
        scales,
        features,
        label,
        maxFeatures);
  }

  private static List<Double> weights(Section s, DataKind kind, int maxFeatures) {
    if (kind != DataKind.LINEAR) {
      if (s.has("weights")) {
        throw new BadInputException(
            s.key("weights")
                + " is set but data.kind is "
                + kind.label()
                + "; set data.kind=linear to draw points from y = wᵀx + intercept");
      }
      return null;
    }
    if (!s.has("weights")) {
      throw new BadInputException(
          s.key("weights")
              + ": data.kind linear needs the true weights, one per feature; set "
              + s.key("weights")
              + "=[W1, W2, ...]");
    }
    List<Double> weights = s.finiteList("weights", WEIGHTS_ACCEPTED);
    if (weights.isEmpty()) {
      throw s.fail("weights", s.get("weights"), WEIGHTS_ACCEPTED);
    }
    if (weights.size() > maxFeatures) {
      throw tooManyFeatures(s.key("weights"), weights.size() + " weights", maxFeatures);
    }
    return weights;
  }

  private static List<Double> featureScales(Section s, DataKind kind, List<Double> weights) {
    if (!s.has("feature_scales")) {
      return weights == null ? null : weights.stream().map(w -> 1.0).toList();
    }
    if (kind != DataKind.LINEAR) {
      throw new BadInputException(
          s.key("feature_scales")
              + " is set but data.kind is "
              + kind.label()
              + "; per-feature scales apply to data.kind linear");
    }
    List<Double> scales = s.finiteList("feature_scales", SCALES_ACCEPTED);
    if (scales.size() != weights.size() || scales.stream().anyMatch(v -> !(v > 0))) {
      throw s.fail("feature_scales", s.get("feature_scales"), SCALES_ACCEPTED);
    }
    return scales;
  }

  private static List<String> features(Section s, String label, int maxFeatures) {
    if (!s.has("features")) {
      return null;
    }
    List<String> features = s.textList("features", FEATURES_ACCEPTED);
    if (features.isEmpty() || new HashSet<>(features).size() != features.size()) {
      throw s.fail("features", s.get("features"), FEATURES_ACCEPTED);
    }
    Set<String> lower = new HashSet<>();
    features.forEach(f -> lower.add(f.toLowerCase(Locale.ROOT)));
    if (lower.size() != features.size() || lower.contains(label.toLowerCase(Locale.ROOT))) {
      throw s.fail(
          "features",
          s.get("features"),
          FEATURES_ACCEPTED + ", none of them the label " + label + " (names match in any case)");
    }
    if (features.size() > maxFeatures) {
      throw tooManyFeatures(s.key("features"), features.size() + " features", maxFeatures);
    }
    return features;
  }

  /** d over {@code limits.max_features}: one line naming both. */
  static BadInputException tooManyFeatures(String where, String what, int maxFeatures) {
    return new BadInputException(
        where
            + ": "
            + what
            + " is more than limits.max_features = "
            + maxFeatures
            + "; use fewer or raise the limit with --set limits.max_features=N");
  }
}
