package org.batchsweep.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A daemon's log file, read while it starts: the lines Spark prints once it listens tell its URL
 * and ports, so a port picked by the daemon (port 0) is known without racing for it.
 */
record DaemonLog(String name, Path file) {

  static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
  static final Pattern MASTER_UI = Pattern.compile("'MasterUI' on port (\\d+)");
  static final Pattern WORKER_ADDRESS = Pattern.compile("Starting Spark worker (\\S+:\\d+) with");

  /**
   * Waits until the log has a line matching {@code pattern} and returns its first group; fails with
   * the end of the log if the process exits or the deadline ({@link System#nanoTime}) passes.
   */
  String await(Process process, Pattern pattern, long deadline) {
    while (true) {
      Matcher m = pattern.matcher(ClusterFiles.readQuietly(file));
      if (m.find()) {
        return m.group(1);
      }
      if (!process.isAlive()) {
        throw new ClusterException(
            "the "
                + name
                + " exited while starting (exit status "
                + process.exitValue()
                + "); the end of "
                + file
                + ":\n"
                + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException(
            "the " + name + " did not start in time; the end of " + file + ":\n" + tail());
      }
      Pause.millis(250);
    }
  }

  /** The last 15 lines of the log, stack frames left out, indented for an error message. */
  String tail() {
    int lines = 15;
    List<String> all =
        ClusterFiles.readQuietly(file).lines().filter(l -> !l.startsWith("\tat ")).toList();
    return all.subList(Math.max(0, all.size() - lines), all.size()).stream()
        .map(l -> "  " + l)
        .collect(Collectors.joining("\n"));
  }
}
