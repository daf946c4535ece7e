package org.batchsweep.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.batchsweep.spec.DataSpec.DataKind;

/**
 * The spec as stored with a sweep says what the sweep did, and only that: file data keeps no line
 * parameters (slope, n, weights, ...) and says {@code validation: none} when it has no validation
 * file (a fresh draw exists only for generated data); generated data keeps no file paths or
 * columns, a line no weights and linear data no slope.
 */
final class StoredSpec {

  /** Keys of {@code data} that describe the generated line and mean nothing for file data. */
  static final List<String> LINE_KEYS =
      List.of("slope", "intercept", "n", "x_range", "noise", "seed");

  /** Keys of {@code data} that only {@code linear} data uses. */
  static final List<String> LINEAR_KEYS = List.of("weights", "feature_scales");

  /** Keys of {@code data} that only file data uses, besides the paths. */
  static final List<String> FILE_KEYS = List.of("features", "label");

  private StoredSpec() {}

  /** Rewrites {@code root}'s data section to what {@code data} (already validated) does. */
  static void normalize(ObjectNode root, DataSpec data) {
    ObjectNode section = (ObjectNode) root.get("data");
    if (data.isGenerated()) {
      section.remove(SpecPaths.PATH_KEYS);
      section.remove(FILE_KEYS);
      if (data.kind() == DataKind.LINE) {
        section.remove(LINEAR_KEYS);
      } else {
        section.remove("slope"); // linear data: the weights replace it
      }
      return;
    }
    section.remove(LINE_KEYS);
    section.remove(LINEAR_KEYS);
    if (data.validationPath() == null) {
      section.remove("validation_path");
      section.put("validation", "none");
    }
  }
}
