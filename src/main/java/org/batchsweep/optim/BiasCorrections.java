package org.batchsweep.optim;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam's bias corrections {@code 1 − β1^t} and {@code sqrt(1 − β2^t)} by step, computed once per
 * JVM for a pair of betas and then looked up: a step of the O(1) trainer is a few dozen
 * floating-point operations, and two {@code Math.pow} calls would be most of them.
 *
 * <p>The values are exactly those {@code 1.0 - Math.pow(β, t)} and {@code Math.sqrt(...)} give, so
 * looking them up changes no result. {@code Math.pow} is semi-monotonic, so once {@code 1 − β^t}
 * rounds to exactly 1.0 it stays 1.0 for every later step; each table ends there (after ~355 steps
 * for β1 = 0.9 and ~37,400 for β2 = 0.999) and every later step reads 1.0. Betas so close to 1 that
 * this takes more than {@link #MAX_TABLE} steps fall back to {@code Math.pow} past the table.
 */
final class BiasCorrections {

  static final int MAX_TABLE = 1 << 20;

  private static final Map<Betas, BiasCorrections> CACHE = new ConcurrentHashMap<>();

  private record Betas(double beta1, double beta2) {}

  private final double beta1;
  private final double beta2;

  /** {@code correction1[t] = 1 − β1^t} for t below its length. */
  private final double[] correction1;

  private final boolean correction1Saturates;

  /** {@code correction2Sqrt[t] = sqrt(1 − β2^t)} for t below its length. */
  private final double[] correction2Sqrt;

  private final boolean correction2Saturates;

  private BiasCorrections(double beta1, double beta2) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.correction1 = table(beta1, false);
    this.correction1Saturates = saturates(correction1);
    this.correction2Sqrt = table(beta2, true);
    this.correction2Saturates = saturates(correction2Sqrt);
  }

  static BiasCorrections of(double beta1, double beta2) {
    return CACHE.computeIfAbsent(
        new Betas(beta1, beta2), b -> new BiasCorrections(b.beta1, b.beta2));
  }

  /** {@code 1 − β1^t}. */
  double correction1(long t) {
    if (t < correction1.length) {
      return correction1[(int) t];
    }
    return correction1Saturates ? 1.0 : 1.0 - Math.pow(beta1, t);
  }

  /** {@code sqrt(1 − β2^t)}. */
  double correction2Sqrt(long t) {
    if (t < correction2Sqrt.length) {
      return correction2Sqrt[(int) t];
    }
    return correction2Saturates ? 1.0 : Math.sqrt(1.0 - Math.pow(beta2, t));
  }

  /** Entries for t = 0, 1, ... up to and including the first that is exactly 1.0 (or the cap). */
  private static double[] table(double beta, boolean sqrt) {
    double[] values = new double[1024];
    int t = 0;
    while (true) {
      double correction = 1.0 - Math.pow(beta, t);
      if (sqrt) {
        correction = Math.sqrt(correction);
      }
      if (t == values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      values[t] = correction;
      t++;
      if ((correction == 1.0 && t > 1) || t == MAX_TABLE) {
        return Arrays.copyOf(values, t);
      }
    }
  }

  private static boolean saturates(double[] table) {
    return table.length > 1 && table[table.length - 1] == 1.0;
  }
}
