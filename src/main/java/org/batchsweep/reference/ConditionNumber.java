package org.batchsweep.reference;

import org.batchsweep.core.SymmetricEigenvalues;

/**
 * The condition number of a feature covariance matrix: its largest eigenvalue over its smallest. It
 * bounds how differently gradient descent moves along the directions of the loss surface (the
 * Hessian of the MSE is twice the centred covariance), so it says how hard the features are for an
 * optimizer that does not standardize them. Infinite when the smallest eigenvalue is not positive
 * (collinear or constant features).
 */
public final class ConditionNumber {

  private ConditionNumber() {}

  /** {@code λ_max / λ_min} of the symmetric positive semi-definite {@code covariance}. */
  public static double of(double[][] covariance) {
    if (covariance.length == 1) {
      return covariance[0][0] > 0 ? 1.0 : Double.POSITIVE_INFINITY;
    }
    double[] eigen = SymmetricEigenvalues.of(covariance);
    double largest = eigen[eigen.length - 1];
    double smallest = eigen[0];
    // Eigenvalues below rounding of the largest are zero: the features are collinear.
    if (!(smallest > largest * 1e-15 * covariance.length)) {
      return Double.POSITIVE_INFINITY;
    }
    return largest / smallest;
  }
}
