package org.batchsweep.core;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A run's parameters (the weights, then the bias) and training MSE at the end of an epoch (epoch 0:
 * the initial parameters).
 */
public record EpochRecord(int epoch, double[] params, double trainMse) implements Serializable {

  /** One feature's record. */
  public EpochRecord(int epoch, double slope, double intercept, double trainMse) {
    this(epoch, new double[] {slope, intercept}, trainMse);
  }

  /** The first weight (the slope when there is one feature). */
  public double slope() {
    return params[0];
  }

  public double intercept() {
    return params[params.length - 1];
  }

  /** The weights, without the bias. */
  public double[] weights() {
    return Arrays.copyOf(params, params.length - 1);
  }

  // Arrays compare by content, so equal outcomes are equal values.
  @Override
  public boolean equals(Object other) {
    return other instanceof EpochRecord o
        && epoch == o.epoch
        && Arrays.equals(params, o.params)
        && Double.compare(trainMse, o.trainMse) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(epoch, Arrays.hashCode(params), trainMse);
  }

  @Override
  public String toString() {
    return "EpochRecord["
        + "epoch="
        + epoch
        + ", "
        + "params="
        + Arrays.toString(params)
        + ", "
        + "trainMse="
        + trainMse
        + "]";
  }
}
