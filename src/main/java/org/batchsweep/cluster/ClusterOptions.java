package org.batchsweep.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.spark.network.util.JavaUtils;
import org.batchsweep.BadInputException;

/**
 * What {@code cluster start} is asked for, and the checks that refuse bad values with one line
 * before anything is written. Port 0 lets the master pick a free port.
 */
public record ClusterOptions(
    int workers, int cores, String memory, int port, int webUiPort, Duration timeout) {

  /** Spark refuses executors with less memory than this (1.5 × 300 MiB reserved, rounded up). */
  static final long MIN_WORKER_MB = 512;

  /** Checks every option that needs no network; returns the memory per worker in MiB. */
  long checkedWorkerMb() {
    if (workers < 1 || workers > 16) {
      throw new BadInputException("--workers " + workers + ": accepted: 1 to 16");
    }
    if (cores < 1 || cores > 64) {
      throw new BadInputException(
          "--cores " + cores + ": accepted: 1 to 64 (cores each worker offers)");
    }
    long mb;
    try {
      mb = JavaUtils.byteStringAsMb(memory);
    } catch (RuntimeException e) {
      throw new BadInputException("--memory " + memory + ": not a size; accepted e.g. 1g, 1536m");
    }
    if (mb < MIN_WORKER_MB) {
      throw new BadInputException(
          "--memory "
              + memory
              + ": at least "
              + MIN_WORKER_MB
              + "m per worker (Spark refuses smaller executors)");
    }
    checkPortRange("--port", port);
    checkPortRange("--webui-port", webUiPort);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new BadInputException("--timeout: must be positive");
    }
    return mb;
  }

  /** Refuses a fixed port that something on this machine already listens on. */
  void checkPortsFree() {
    checkPortFree("--port", port);
    checkPortFree("--webui-port", webUiPort);
  }

  private static void checkPortRange(String option, int port) {
    if (port != 0 && (port < 1024 || port > 65535)) {
      throw new BadInputException(
          option + " " + port + ": accepted: 0 (pick a free port) or 1024 to 65535");
    }
  }

  private static void checkPortFree(String option, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket =
        new ServerSocket(port, 1, InetAddress.getByName(LocalCluster.HOST))) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new BadInputException(
          option
              + " "
              + port
              + ": "
              + LocalCluster.HOST
              + ":"
              + port
              + " is already in use (another cluster?); pass another port, or 0 to pick a free one");
    }
  }
}
