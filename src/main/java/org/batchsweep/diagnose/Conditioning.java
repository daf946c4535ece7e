package org.batchsweep.diagnose;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.batchsweep.core.Points;

/**
 * Whether the features are ill-conditioned for gradient descent, and why. With d features the
 * squared loss's curvature 2·E[(x,1)(x,1)ᵀ] has eigenvalues from λ_min to λ_max: SGD is stable only
 * for lr below about 2/λ_max, and at such an lr the error along the flattest direction shrinks by
 * only lr·λ_min per step, so it needs about κ = λ_max/λ_min steps per e-fold. Features in raw units
 * whose scales differ by orders of magnitude make κ huge; standardizing them (scale: standardize)
 * brings it near 1. One feature is never called ill-conditioned here: its curvature is described by
 * the step model alone.
 */
record Conditioning(
    int features,
    double conditionNumber,
    double lambdaMin,
    double lambdaMax,
    int smallest,
    double smallestStd,
    int largest,
    double largestStd,
    String smallestName,
    String largestName)
    implements Serializable {

  /** {@code names}: one per feature. */
  static Conditioning of(Points train, Curvature curvature, List<String> names) {
    int d = train.features();
    int smallest = 0;
    int largest = 0;
    for (int j = 1; j < d; j++) {
      if (train.cov(j, j) < train.cov(smallest, smallest)) {
        smallest = j;
      }
      if (train.cov(j, j) > train.cov(largest, largest)) {
        largest = j;
      }
    }
    return new Conditioning(
        d,
        curvature.conditionNumber(),
        curvature.lambdaMin(),
        curvature.lambdaMax(),
        smallest,
        Math.sqrt(train.cov(smallest, smallest)),
        largest,
        Math.sqrt(train.cov(largest, largest)),
        names.get(smallest),
        names.get(largest));
  }

  boolean illConditioned() {
    return features > 1 && conditionNumber >= Curvature.ILL_CONDITIONED;
  }

  /** Why an SGD run crawls, for a step-budget detail ("" when the features are not the cause). */
  String crawlWords() {
    if (!illConditioned()) {
      return "";
    }
    return format(
        "; the features are ill-conditioned: the loss's curvature spans λ %.3g to %.3g (condition"
            + " number %.3g)%s, so an lr stable along the steepest direction crawls along the"
            + " flattest: scale: standardize fixes it",
        lambdaMin, lambdaMax, conditionNumber, scales());
  }

  /** Which feature sets SGD's stability limit, for a run bouncing above it. */
  String steepestWords() {
    if (!illConditioned()) {
      return "";
    }
    return format(
        "; the features are ill-conditioned (condition number %.3g)%s, and the largest sets λ_max:"
            + " scale: standardize lets a far larger lr be stable",
        conditionNumber, scales());
  }

  private String scales() {
    if (!(largestStd > 10 * smallestStd)) {
      return "";
    }
    return format(
        " because the feature scales differ: standard deviation %.3g for %s against %.3g for %s",
        largestStd, largestName, smallestStd, smallestName);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
