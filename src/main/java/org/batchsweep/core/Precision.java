package org.batchsweep.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The floating-point precision a run trains in: parameters, moments and every update step.
 *
 * <p>All arithmetic is written in {@code double} and passed through {@link #round(double)} after
 * each elementary operation. For {@code +, -, *, /} and {@code sqrt}, rounding the exact double
 * result to float gives the correctly rounded float result (double carries more than 2·24+2 bits),
 * so FLOAT32 reproduces IEEE single-precision arithmetic operation by operation, as PyTorch does on
 * float32 tensors, without a second copy of every formula. The optimizers, whose update is the
 * trainers' hot loop, are written in {@code float} and {@code double} instead (Java's {@code float}
 * operations are those same correctly rounded single-precision operations, and much cheaper than a
 * round trip through double per operation); the per-sample trainer's batch arithmetic uses {@link
 * #round}.
 */
public enum Precision {
  FLOAT32("float32") {
    @Override
    public double round(double value) {
      return (float) value;
    }
  },
  FLOAT64("float64") {
    @Override
    public double round(double value) {
      return value;
    }
  };

  private final String label;

  Precision(String label) {
    this.label = label;
  }

  /** Rounds an intermediate result to this precision. */
  public abstract double round(double value);

  /** The spec and table spelling: {@code float32} or {@code float64}. */
  public String label() {
    return label;
  }

  public static Precision fromLabel(String label) {
    for (Precision precision : values()) {
      if (precision.label.equals(label)) {
        return precision;
      }
    }
    throw new IllegalArgumentException("unknown precision '" + label + "'; accepted: " + labels());
  }

  public static String labels() {
    return Arrays.stream(values()).map(Precision::label).collect(Collectors.joining(", "));
  }
}
