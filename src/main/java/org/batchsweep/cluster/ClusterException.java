package org.batchsweep.cluster;

/** A cluster command could not do what was asked; the message says why and what to do. */
public class ClusterException extends RuntimeException {

  public ClusterException(String message) {
    super(message);
  }

  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
