package org.batchsweep.core;

/**
 * How the learning rate follows the batch size B, relative to the batch size {@code base} at which
 * it was given: {@link #NONE}; {@link #LINEAR}, {@code lr·B/base} (Goyal et al. 2017, "Accurate,
 * Large Minibatch SGD"); {@link #SQRT}, {@code lr·sqrt(B/base)} (the square-root rule usually given
 * for adaptive optimizers, e.g. Malladi et al. 2022, "On the SDEs and Scaling Rules for Adaptive
 * Gradient Algorithms").
 */
public enum LrScaling {
  NONE("none") {
    @Override
    public double scale(double lr, int batchSize, int base) {
      return lr;
    }
  },
  LINEAR("linear") {
    @Override
    public double scale(double lr, int batchSize, int base) {
      return lr * batchSize / base;
    }
  },
  SQRT("sqrt") {
    @Override
    public double scale(double lr, int batchSize, int base) {
      return lr * Math.sqrt((double) batchSize / base);
    }
  };

  private final String label;

  LrScaling(String label) {
    this.label = label;
  }

  /** The learning rate a run at batch size {@code batchSize} uses. */
  public abstract double scale(double lr, int batchSize, int base);

  public String label() {
    return label;
  }

  public static final String ACCEPTED = "none, linear, sqrt";

  public static LrScaling fromLabel(String label) {
    for (LrScaling scaling : values()) {
      if (scaling.label.equals(label)) {
        return scaling;
      }
    }
    throw new IllegalArgumentException("unknown lr_scaling '" + label + "'; accepted: " + ACCEPTED);
  }
}
