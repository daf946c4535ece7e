package org.batchsweep.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Spark jars the cluster runs from: the project's Maven dependency class path, which the build
 * writes to {@code target/classpath.txt} (the same jars ./submit runs spark-submit from).
 */
final class SparkJars {

  private SparkJars() {}

  /** The project folder: {@code BATCHSWEEP_HOME} (set by ./submit) or {@code -Dbatchsweep.home}. */
  static Path projectHome() {
    String home = System.getenv("BATCHSWEEP_HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("batchsweep.home");
    }
    if (home == null || home.isBlank()) {
      throw new ClusterException(
          "cannot find the project folder: run this through ./submit (which sets BATCHSWEEP_HOME)");
    }
    return Path.of(home).toAbsolutePath().normalize();
  }

  static List<Path> fromProject(Path home) {
    Path file = home.resolve("target").resolve("classpath.txt");
    if (!Files.isRegularFile(file)) {
      throw new ClusterException(
          file
              + " is missing: build the project first (mvn -DskipTests package, or any ./submit run)");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<Path> jars = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String entry : text.split(java.io.File.pathSeparator, -1)) {
      if (entry.isBlank()) {
        continue;
      }
      Path jar = Path.of(entry).toAbsolutePath();
      if (!Files.isRegularFile(jar)) {
        throw new ClusterException(
            jar
                + " (listed in "
                + file
                + ") is missing: rebuild the project (mvn -DskipTests package)");
      }
      if (!names.add(jar.getFileName().toString())) {
        throw new ClusterException(
            "two jars named "
                + jar.getFileName()
                + " on the class path in "
                + file
                + "; a SPARK_HOME/jars folder cannot hold both");
      }
      jars.add(jar);
    }
    if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("spark-core_"))) {
      throw new ClusterException(
          file + " lists no spark-core jar; rebuild the project (mvn -DskipTests package)");
    }
    return jars;
  }
}
