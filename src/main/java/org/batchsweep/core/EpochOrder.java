package org.batchsweep.core;

import java.util.SplittableRandom;

/**
 * The order in which an epoch visits the training points: the data order, or a fresh uniform random
 * permutation per epoch (PyTorch's {@code shuffle=True}). A permutation depends only on the run's
 * seed and the epoch number, so runs with the same seed see the same orders (common random numbers)
 * and any epoch can be rebuilt on its own.
 */
public final class EpochOrder {

  private EpochOrder() {}

  /** The permutation for {@code epoch} (counted from 1), written into {@code order}. */
  public static void shuffled(long seed, int epoch, int[] order) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = Seeds.random(seed, Seeds.SHUFFLE, epoch);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  public static int[] shuffled(long seed, int epoch, int n) {
    int[] order = new int[n];
    shuffled(seed, epoch, order);
    return order;
  }

  /** Steps in one epoch: {@code ceil(n / batchSize)}, the last batch being the remainder. */
  public static int stepsPerEpoch(int n, int batchSize) {
    return (n + batchSize - 1) / batchSize;
  }
}
