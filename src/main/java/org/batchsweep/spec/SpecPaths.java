package org.batchsweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * File paths in a spec become absolute as soon as they are read: a relative {@code data.path} or
 * {@code data.validation_path} written in a spec file means a file next to the spec (as an include
 * in any config file does), one given with {@code --set} a file relative to the current folder. The
 * stored spec then names the file a resumed sweep must read, and every error names the absolute
 * path that was looked at. URIs with a scheme (hdfs://, s3a://, file:) stay as written.
 */
final class SpecPaths {

  static final List<String> PATH_KEYS = List.of("path", "validation_path");

  private SpecPaths() {}

  /** Makes the data section's relative paths absolute against {@code base}. */
  static void resolve(ObjectNode root, Path base) {
    JsonNode data = root.get("data");
    if (!(data instanceof ObjectNode section)) {
      return;
    }
    for (String key : PATH_KEYS) {
      JsonNode value = section.get(key);
      if (value != null && value.isTextual() && isRelativeLocalPath(value.asText())) {
        try {
          section.put(key, base.resolve(value.asText()).toAbsolutePath().normalize().toString());
        } catch (InvalidPathException e) {
          // left as written: the loader reports the file as missing, naming it
        }
      }
    }
  }

  private static boolean isRelativeLocalPath(String text) {
    if (text.isBlank() || text.contains("://") || text.startsWith("file:")) {
      return false;
    }
    try {
      return !Path.of(text).isAbsolute();
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
