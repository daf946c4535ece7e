package org.batchsweep.core;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The closed-form least-squares fit every run is judged against: one weight per feature and the
 * intercept, with its mean squared error on each split (validation NaN when there is none), its r²
 * on the training split, and the condition number of the centred feature covariance (its largest
 * over its smallest eigenvalue; 1 for one feature, infinite when the features are collinear), which
 * says how hard the problem is for gradient descent.
 */
public record Reference(
    String method,
    double[] weights,
    double intercept,
    double trainMse,
    double validationMse,
    double r2,
    double conditionNumber)
    implements Serializable {

  public Reference {
    if (weights.length == 0) {
      throw new IllegalArgumentException("a reference has at least one weight");
    }
    weights = weights.clone();
  }

  /** A one-feature reference: the line {@code slope·x + intercept}. */
  public Reference(
      String method,
      double slope,
      double intercept,
      double trainMse,
      double validationMse,
      double r2) {
    this(method, new double[] {slope}, intercept, trainMse, validationMse, r2, 1.0);
  }

  /** The weights, one per feature (a copy). */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** Weight {@code j}. */
  public double weight(int j) {
    return weights[j];
  }

  /** {@code weights} minus the reference's, weight by weight. */
  public double[] weightErrors(double[] weights) {
    double[] errors = new double[weights.length];
    for (int j = 0; j < weights.length; j++) {
      errors[j] = weights[j] - this.weights[j];
    }
    return errors;
  }

  /** The number of features. */
  public int features() {
    return weights.length;
  }

  /** The first weight: for one feature, the line's slope. */
  public double slope() {
    return weights[0];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reference r
        && method.equals(r.method)
        && Arrays.equals(weights, r.weights)
        && Double.compare(intercept, r.intercept) == 0
        && Double.compare(trainMse, r.trainMse) == 0
        && Double.compare(validationMse, r.validationMse) == 0
        && Double.compare(r2, r.r2) == 0
        && Double.compare(conditionNumber, r.conditionNumber) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * method.hashCode() + Arrays.hashCode(weights) + Double.hashCode(intercept);
  }

  @Override
  public String toString() {
    return "Reference[method="
        + method
        + ", weights="
        + Arrays.toString(weights)
        + ", intercept="
        + intercept
        + ", trainMse="
        + trainMse
        + ", validationMse="
        + validationMse
        + ", r2="
        + r2
        + ", conditionNumber="
        + conditionNumber
        + "]";
  }
}
