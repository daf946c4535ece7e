package org.batchsweep.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.batchsweep.BadInputException;

/**
 * One writer per sweep id: {@code run} holds this lock from before it writes anything until it
 * exits. It is an OS file lock ({@link FileChannel#tryLock}) on {@code
 * <out>/locks/<sweep_id>.lock}, which the operating system releases when the process ends in any
 * way, kill -9 included, so a lock left by a killed run is never mistaken for a live one. The file
 * holds the holder's pid, host and start time, so the run that is refused can name it; the file
 * itself stays (empty) when no run holds it, because deleting a lock file races with a process that
 * has just opened it.
 *
 * <p>For an {@code --out} that is not a local folder (hdfs://, s3a://, ...) the lock file lives in
 * this machine's temporary folder: it keeps runs started from this machine apart, not runs started
 * from other machines.
 */
final class SweepLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private static final int HOLDER_WAITS = 20;
  private static final long HOLDER_WAIT_MILLIS = 100;

  private SweepLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code sweepId} under {@code out}, or refuses with one line naming the run
   * that holds it.
   */
  /**
   * Who holds the lock, as its holder wrote it. The holder writes that line right after taking the
   * lock, so a run that lost a race by milliseconds may find the file still empty: it waits a
   * moment for the line before calling the holder unknown.
   */
  private static String holderOf(Path file) throws IOException {
    String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
    for (int wait = 0; holder.isEmpty() && wait < HOLDER_WAITS; wait++) {
      try {
        Thread.sleep(HOLDER_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      holder = Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    return holder;
  }

  static SweepLock acquire(String out, String sweepId) {
    Path file = lockFile(out, sweepId);
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) { // this JVM holds it already
        lock = null;
      }
      if (lock == null) {
        String holder = holderOf(file);
        channel.close();
        throw new BadInputException(
            "--sweep-id "
                + sweepId
                + ": another run is writing this sweep ("
                + (holder.isEmpty() ? "holder unknown" : holder)
                + ", lock "
                + file
                + "); wait for it to finish, or pick another --sweep-id");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder().getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
      return new SweepLock(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new BadInputException(
          "--out "
              + out
              + ": cannot take the lock "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); pass a writable folder");
    }
  }

  /** Where the lock of a sweep id lives for an output folder. */
  static Path lockFile(String out, String sweepId) {
    if (OutputDir.isLocal(out)) {
      return OutputDir.localPath(out).resolve("locks").resolve(sweepId + ".lock");
    }
    String key = Integer.toHexString(out.replaceAll("/+$", "").hashCode());
    return Path.of(
        System.getProperty("java.io.tmpdir"), "batchsweep-locks", key + "-" + sweepId + ".lock");
  }

  private static String holder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    long pid = ProcessHandle.current().pid();
    Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    return "pid " + pid + " on " + host + ", started " + started.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Empties the holder line and releases the lock; the OS releases it anyway if this never runs.
   */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        channel.truncate(0);
        lock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      closeQuietly(channel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing to do: the lock goes with the channel
      }
    }
  }
}
