package org.batchsweep.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.batchsweep.BadInputException;
import org.batchsweep.Messages;

/**
 * A spec as a YAML tree, before validation: the defaults, a spec file merged onto them, and {@code
 * --set key=value} overrides applied with dotted paths.
 */
final class SpecTree {

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .stringQuotingChecker(new KeyQuoting())
              .build());

  /**
   * Keys are always read back as text, so the key {@code n} needs no quotes: YAML 1.1 would read a
   * bare {@code n} value as false, but {@code "n": 1000} looks to a reader like a quoted number.
   */
  private static final class KeyQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteName(String name) {
      return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? false : super.needToQuoteName(name);
    }
  }

  private final ObjectNode root;

  private SpecTree(ObjectNode root) {
    this.root = root;
  }

  static SpecTree defaults() {
    try (InputStream in = SpecTree.class.getResourceAsStream("defaults.yaml")) {
      return new SpecTree((ObjectNode) YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("the built-in spec defaults cannot be read", e);
    }
  }

  /** Merges a spec document onto this tree: maps key by key, anything else replaced. */
  SpecTree merge(String yamlText, String source) {
    JsonNode document;
    try {
      document = YAML.readTree(yamlText);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          source
              + ": not valid YAML ("
              + Messages.firstLine(
                  Objects.requireNonNullElse(e.getOriginalMessage(), "parse error"))
              + lineOf(e)
              + ")");
    }
    if (document == null || document.isMissingNode() || document.isNull()) {
      return this; // an empty file: all defaults
    }
    if (!document.isObject()) {
      throw new BadInputException(
          source
              + ": a spec must be a YAML mapping (name:, data:, train:, grid:, ...), got "
              + describe(document));
    }
    mergeInto(root, (ObjectNode) document);
    return this;
  }

  SpecTree mergeFile(Path file) {
    try {
      return merge(Files.readString(file), file.toString());
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          "spec file " + file + " does not exist; pass a YAML file, e.g. conf/sweeps/seed.yaml");
    } catch (IOException e) {
      throw new BadInputException("spec file " + file + " cannot be read: " + e.getMessage());
    }
  }

  /** Applies {@code key=value}, the value read as YAML (so lists and maps use flow syntax). */
  SpecTree override(String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new BadInputException(
          "--set " + assignment + ": expected key=value, e.g. --set grid.lr=[0.1,0.01]");
    }
    String key = assignment.substring(0, eq).trim();
    String text = assignment.substring(eq + 1).trim();
    JsonNode value;
    try {
      value = text.isEmpty() ? NullNode.getInstance() : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          "--set "
              + key
              + ": the value '"
              + text
              + "' is not valid YAML ("
              + Messages.firstLine(
                  Objects.requireNonNullElse(e.getOriginalMessage(), "parse error"))
              + ")");
    }
    if (value == null || value.isMissingNode()) {
      value = NullNode.getInstance();
    }
    String[] path = key.split("\\.", -1);
    ObjectNode parent = root;
    for (int i = 0; i < path.length - 1; i++) {
      if (path[i].isEmpty()) {
        throw new BadInputException(
            "--set " + key + ": empty key segment; use dotted keys like data.n");
      }
      JsonNode child = parent.get(path[i]);
      if (child == null || !child.isObject()) {
        // e.g. train.init.slope when train.init is the scalar 'kaiming': it becomes a map.
        child = parent.putObject(path[i]);
      }
      parent = (ObjectNode) child;
    }
    String leaf = path[path.length - 1];
    if (leaf.isEmpty()) {
      throw new BadInputException(
          "--set " + key + ": empty key segment; use dotted keys like data.n");
    }
    parent.set(leaf, value);
    return this;
  }

  ObjectNode root() {
    return root;
  }

  String toYaml() {
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mergeInto(ObjectNode target, ObjectNode source) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = target.get(field.getKey());
      if (existing != null && existing.isObject() && field.getValue().isObject()) {
        mergeInto((ObjectNode) existing, (ObjectNode) field.getValue());
      } else {
        target.set(
            field.getKey(),
            field.getValue() == null ? JsonNodeFactory.instance.nullNode() : field.getValue());
      }
    }
  }

  static String describe(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing (null)";
    }
    if (node.isTextual()) {
      return "'" + node.asText() + "'";
    }
    if (node.isObject()) {
      return "a map " + node;
    }
    if (node.isArray()) {
      return "a list " + node;
    }
    return node.asText(); // numbers as written, Infinity and NaN unquoted
  }

  private static String lineOf(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
  }
}
