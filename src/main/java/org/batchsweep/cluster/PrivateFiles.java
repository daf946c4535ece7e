package org.batchsweep.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Secrets on disk: generated with SecureRandom, written readable by their owner only. */
final class PrivateFiles {

  private static final SecureRandom RANDOM = new SecureRandom();

  private PrivateFiles() {}

  /** 256 random bits as hex text, the form Spark itself generates for spark.authenticate.secret. */
  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Writes {@code text} to {@code file} with mode 0600. The file is created with that mode (never
   * readable by others, not even for a moment) and moved into place atomically.
   */
  static void write(Path file, String text) {
    try {
      Path tmp;
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        tmp =
            Files.createTempFile(
                file.getParent(),
                ".private",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        tmp = Files.createTempFile(file.getParent(), ".private", ".tmp");
      }
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
