package org.batchsweep.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a run sees the features: as they are ({@link #NONE}), or standardized ({@link #STANDARDIZE}:
 * each feature minus its training mean, over its training population standard deviation, as
 * scikit-learn's StandardScaler does). A standardized run's weights and bias are mapped back to the
 * original units (see {@link Standardization}), so every run compares with the same reference.
 */
public enum Scale {
  NONE("none"),
  STANDARDIZE("standardize");

  private final String label;

  Scale(String label) {
    this.label = label;
  }

  /** The spec and table spelling. */
  public String label() {
    return label;
  }

  public static Scale fromLabel(String label) {
    for (Scale scale : values()) {
      if (scale.label.equals(label)) {
        return scale;
      }
    }
    throw new IllegalArgumentException("unknown scale '" + label + "'; accepted: " + labels());
  }

  public static boolean isLabel(String label) {
    return Arrays.stream(values()).anyMatch(s -> s.label.equals(label));
  }

  /** {@code none, standardize}, for messages. */
  public static String labels() {
    return Arrays.stream(values()).map(Scale::label).collect(Collectors.joining(", "));
  }
}
