package org.batchsweep.diagnose;

import java.util.Locale;
import org.batchsweep.core.Reference;

/**
 * A model's parameters in the words of a diagnosis: {@code slope S, intercept I} for one feature,
 * {@code weights [w_1, …, w_d], intercept I} for several (the first {@value #LISTED} weights when
 * there are more).
 */
final class ParamWords {

  /** Weights written out in a detail; the rest are in the runs table's arrays. */
  static final int LISTED = 10;

  private ParamWords() {}

  /** {@code params}: the weights, then the bias; {@code number} a format such as {@code %.4f}. */
  static String of(double[] params, String number) {
    int d = params.length - 1;
    if (d == 1) {
      return format("slope " + number + ", intercept " + number, params[0], params[1]);
    }
    StringBuilder words = new StringBuilder("weights [");
    for (int j = 0; j < Math.min(d, LISTED); j++) {
      words.append(j == 0 ? "" : ", ").append(format(number, params[j]));
    }
    if (d > LISTED) {
      words.append(", … (").append(d).append(" in all)");
    }
    return words.append("], intercept ").append(format(number, params[d])).toString();
  }

  /** The reference's weights, then its intercept. */
  static double[] referenceParams(Reference reference) {
    double[] params = java.util.Arrays.copyOf(reference.weights(), reference.features() + 1);
    params[reference.features()] = reference.intercept();
    return params;
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
