package org.batchsweep.job;

import java.util.List;
import org.batchsweep.store.BatchScalingRow;
import org.batchsweep.store.NoiseScaleRow;

/**
 * The batch-size science rows a sweep just wrote: its {@code batch_scaling} rows in the order of
 * their settings' labels, and its {@code noise_scale} rows (none for data too wide to compute it).
 */
public record BatchScienceRows(List<BatchScalingRow> scaling, List<NoiseScaleRow> noise) {
  public BatchScienceRows {
    scaling = List.copyOf(scaling);
    noise = List.copyOf(noise);
  }
}
