package org.batchsweep.answer;

import java.util.List;

/** Stored batch-size science rows for tests: a fitted setting and one with too few points. */
public final class BatchScalingSamples {

  private static final List<Integer> SIZES = List.of(1, 10, 100, 1000);

  public static BatchScaling.Setting fitted() {
    List<Double> steps = SIZES.stream().map(b -> 40.0 * (1 + 24.0 / b)).toList();
    return new BatchScaling.Setting(
        "optimizer=sgd",
        40.0,
        960.0,
        24.0,
        0.4368,
        0.994,
        SIZES,
        steps,
        List.of(0.03, 0.3, 0.5, 0.5),
        4,
        "fitted on 4 of 4 batch sizes",
        17);
  }

  public static BatchScaling.Setting tooFew() {
    return new BatchScaling.Setting(
        "optimizer=adam",
        Double.NaN,
        Double.NaN,
        Double.NaN,
        0.4368,
        Double.NaN,
        List.of(10, 20),
        List.of(500.0, 300.0),
        List.of(0.01, 0.01),
        12,
        "too few converged batch sizes to fit: 2 of 12 (a fit needs 3)",
        17);
  }

  public static BatchScaling scaling() {
    return new BatchScaling(List.of(tooFew(), fitted()), 0.4342, 0.4361, 1000);
  }

  private BatchScalingSamples() {}
}
