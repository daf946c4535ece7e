package org.batchsweep.core;

import java.util.Arrays;

/** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations (exact to rounding). */
public final class SymmetricEigenvalues {

  private static final int MAX_SWEEPS = 100;

  private SymmetricEigenvalues() {}

  /** The eigenvalues of symmetric {@code matrix}, ascending; the argument is not changed. */
  public static double[] of(double[][] matrix) {
    int m = matrix.length;
    double[][] a = new double[m][];
    for (int i = 0; i < m; i++) {
      a[i] = matrix[i].clone();
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < m; p++) {
        for (int q = p + 1; q < m; q++) {
          off += a[p][q] * a[p][q];
        }
      }
      if (off == 0) {
        break;
      }
      for (int p = 0; p < m; p++) {
        for (int q = p + 1; q < m; q++) {
          if (a[p][q] != 0) {
            rotate(a, p, q);
          }
        }
      }
    }
    double[] eigen = new double[m];
    for (int i = 0; i < m; i++) {
      eigen[i] = a[i][i];
    }
    Arrays.sort(eigen);
    return eigen;
  }

  /** Zeroes a[p][q] by a rotation in the (p, q) plane (Golub and Van Loan, Algorithm 8.4.1). */
  private static void rotate(double[][] a, int p, int q) {
    double tau = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = Math.signum(tau == 0 ? 1 : tau) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
    double c = 1 / Math.sqrt(1 + t * t);
    double s = t * c;
    int m = a.length;
    for (int k = 0; k < m; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < m; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
  }
}
