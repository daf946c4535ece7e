package org.batchsweep.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * The cluster folder's lock, held while the channel is open, so that two {@code cluster start} or
 * {@code stop} commands on one folder never interleave.
 */
final class FolderLock implements AutoCloseable {

  private final FileChannel channel;

  private FolderLock(FileChannel channel) {
    this.channel = channel;
  }

  /** Takes the lock, or fails at once with a message if another command holds it. */
  static FolderLock take(ClusterLayout layout) {
    try {
      FileChannel channel =
          FileChannel.open(layout.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (channel.tryLock() == null) {
        channel.close();
        throw new ClusterException(
            "another cluster command is working on "
                + layout.dir()
                + "; try again when it is done");
      }
      return new FolderLock(channel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + layout.lock(), e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close(); // releases the lock
    } catch (IOException e) {
      // nothing left to do
    }
  }
}
