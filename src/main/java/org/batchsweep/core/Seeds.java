package org.batchsweep.core;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from a user's seed, so that every random draw depends only on
 * what it is for (a run's init, an epoch's shuffle, a data point's noise) and never on the order in
 * which tasks, partitions or retries happen to run.
 */
public final class Seeds {

  public static final long INIT = 1;
  public static final long SHUFFLE = 2;
  public static final long NOISE = 3;

  private Seeds() {}

  /** A generator for the stream named by {@code parts} (e.g. seed, {@link #SHUFFLE}, epoch). */
  public static SplittableRandom random(long... parts) {
    return new SplittableRandom(derive(parts));
  }

  /** Combines the parts with the SplitMix64 finaliser, a bijective 64-bit mixer. */
  public static long derive(long... parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (long part : parts) {
      h = mix(h ^ mix(part + 0x632BE59BD9B4E019L));
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
