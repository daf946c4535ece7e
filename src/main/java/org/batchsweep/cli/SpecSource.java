package org.batchsweep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;

/**
 * Finds the spec a user means: a YAML file, or the name of a spec shipped in {@code conf/sweeps/}
 * (e.g. {@code seed} or {@code large}); with none, {@code conf/sweeps/seed.yaml}. The shipped specs
 * are read from the project folder when ./submit names it, else from the jar.
 */
final class SpecSource {

  static final String DEFAULT_SPEC = "seed";

  private SpecSource() {}

  static SweepSpec load(String spec, List<String> overrides) {
    String name = spec == null ? DEFAULT_SPEC : spec;
    Path file = Path.of(name);
    if (Files.isRegularFile(file)) {
      return SpecLoader.load(file, overrides);
    }
    String bundled = name.endsWith(".yaml") ? name : name + ".yaml";
    if (!bundled.contains("/")) {
      String home = System.getenv("BATCHSWEEP_HOME");
      if (home != null && Files.isRegularFile(Path.of(home, "conf", "sweeps", bundled))) {
        return SpecLoader.load(Path.of(home, "conf", "sweeps", bundled), overrides);
      }
      try (InputStream in = SpecSource.class.getResourceAsStream("/sweeps/" + bundled)) {
        if (in != null) {
          return SpecLoader.loadText(
              new String(in.readAllBytes(), StandardCharsets.UTF_8),
              "conf/sweeps/" + bundled,
              overrides);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new BadInputException(
        "spec " + name + ": no such file; pass a YAML file or a shipped spec name (seed, large)");
  }
}
