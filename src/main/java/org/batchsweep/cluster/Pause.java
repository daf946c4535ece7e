package org.batchsweep.cluster;

/** Sleeping between polls of a starting daemon; an interrupt ends the wait as a failure. */
final class Pause {

  private Pause() {}

  static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClusterException("interrupted");
    }
  }
}
