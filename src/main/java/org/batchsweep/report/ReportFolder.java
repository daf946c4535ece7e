package org.batchsweep.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code <out>/report/<sweep_id>/}, written through Hadoop's file system so the report lands next
 * to the tables wherever they are (a local folder, HDFS, an object store).
 */
final class ReportFolder {

  private final Path folder;
  private final FileSystem fs;

  ReportFolder(Configuration hadoop, String outUri, String sweepId) {
    this.folder = new Path(new Path(outUri, "report"), sweepId);
    try {
      FileSystem fileSystem = folder.getFileSystem(hadoop);
      // The local file system would add a .crc file beside each file; a web page needs none.
      this.fs =
          fileSystem instanceof ChecksumFileSystem checked
              ? checked.getRawFileSystem()
              : fileSystem;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + folder, e);
    }
  }

  /** Removes an earlier report of this sweep, so no stale figure survives a rebuild. */
  void clear() {
    try {
      fs.delete(folder, true);
      fs.mkdirs(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + folder, e);
    }
  }

  void write(String file, byte[] bytes) {
    Path path = new Path(folder, file);
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Where a file of the report is, as a local path when it is local, else as a URI. */
  String location(String file) {
    Path path = fs.makeQualified(new Path(folder, file));
    return "file".equals(path.toUri().getScheme())
        ? Paths.get(path.toUri()).toString()
        : path.toString();
  }
}
