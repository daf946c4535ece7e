package org.batchsweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchsweep.BadInputException;

/**
 * The {@code --out} folder. Local folders are checked (and created) before Spark starts, so an
 * unwritable one fails at once with one line rather than after training; URIs with a scheme
 * (hdfs://, s3a://, ...) are passed to Hadoop as they are.
 */
final class OutputDir {

  /** Where tables, reports and the one-machine cluster go when no {@code --out} is given. */
  static final String DEFAULT = "results";

  private OutputDir() {}

  static boolean isLocal(String out) {
    return !out.contains("://") || out.startsWith("file:");
  }

  /** A writable output folder, created if needed, as a URI for Spark. */
  static String prepareForWriting(String out) {
    if (!isLocal(out)) {
      return out;
    }
    Path dir = localPath(out);
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new BadInputException(
          "--out "
              + out
              + ": cannot create the folder ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); pass a writable folder");
    }
    // A probe file of this process's own: two commands given the same --out at once must not
    // delete or trip over each other's probe and take the race for an unwritable folder.
    try {
      Files.delete(Files.createTempFile(dir, ".batchsweep-write-check-", ""));
    } catch (IOException | SecurityException e) {
      throw new BadInputException(
          "--out " + out + ": the folder is not writable; pass a writable folder");
    }
    return dir.toUri().toString();
  }

  /** An existing output folder for reading, as a URI for Spark. */
  static String forReading(String out) {
    if (!isLocal(out)) {
      return out;
    }
    Path dir = localPath(out);
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(
          "--out "
              + out
              + ": no such folder; run ./submit run first, or pass the --out it wrote to");
    }
    return dir.toUri().toString();
  }

  static Path localPath(String out) {
    return (out.startsWith("file:") ? Path.of(java.net.URI.create(out)) : Path.of(out))
        .toAbsolutePath()
        .normalize();
  }
}
