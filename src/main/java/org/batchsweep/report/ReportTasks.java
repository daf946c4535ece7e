package org.batchsweep.report;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting on the report's own threads: their aggregates and figures. */
final class ReportTasks {

  private ReportTasks() {}

  /** A task's value; the exception the task threw, as it was thrown. */
  static <T> T join(Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while making the report", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("making the report failed", e.getCause());
    }
  }
}
