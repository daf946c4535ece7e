package org.batchsweep.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.batchsweep.spec.DataSpec.DataKind;

/**
 * The spec as stored with a sweep says what the sweep did, and only that: file data keeps no line
 * parameters (slope, n, ...) and says {@code validation: none} when it has no validation file (a
 * fresh draw exists only for generated lines); line data keeps no file paths.
 */
final class StoredSpec {

  /** Keys of {@code data} that describe the generated line and mean nothing for file data. */
  static final List<String> LINE_KEYS =
      List.of("slope", "intercept", "n", "x_range", "noise", "seed");

  private StoredSpec() {}

  /** Rewrites {@code root}'s data section to what {@code data} (already validated) does. */
  static void normalize(ObjectNode root, DataSpec data) {
    ObjectNode section = (ObjectNode) root.get("data");
    if (data.kind() == DataKind.LINE) {
      section.remove(SpecPaths.PATH_KEYS);
      return;
    }
    section.remove(LINE_KEYS);
    if (data.validationPath() == null) {
      section.remove("validation_path");
      section.put("validation", "none");
    }
  }
}
