package org.batchsweep.optim;

/** Range checks shared by the optimizer configs; each failure names the value and the range. */
final class Checks {

  private Checks() {}

  static void positiveFinite(String what, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          what + " must be a finite number > 0, cannot be: " + value);
    }
  }

  static void nonNegativeFinite(String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          what + " must be a finite number ≥ 0, cannot be: " + value);
    }
  }

  /** In [0, 1). */
  static void unitInterval(String what, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(what + " must be in [0, 1), cannot be: " + value);
    }
  }

  /** A {@code ;key=value} pair for a run id when {@code value} differs from the old default. */
  static String extra(String key, double value, double oldDefault) {
    return value == oldDefault ? "" : ";" + key + "=" + value;
  }

  static String extra(String key, boolean value) {
    return value ? ";" + key + "=true" : "";
  }
}
