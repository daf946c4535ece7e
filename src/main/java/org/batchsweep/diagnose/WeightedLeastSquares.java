package org.batchsweep.diagnose;

import java.util.Arrays;
import org.batchsweep.core.Points;

/**
 * Weighted least squares with d features and a bias: minimises {@code Σ_i u_i (wᵀx_i + b − t_i)²}
 * by the normal equations on centred data (centring keeps them as well conditioned as the features
 * allow), solved by Gaussian elimination with partial pivoting.
 */
final class WeightedLeastSquares {

  private WeightedLeastSquares() {}

  /** {w_1..w_d, b} for the given per-point weights {@code u} and targets {@code t}. */
  static double[] solve(Points points, double[] u, double[] t) {
    int d = points.features();
    int n = points.size();
    double sw = 0;
    double[] mx = new double[d];
    double mt = 0;
    for (int i = 0; i < n; i++) {
      sw += u[i];
      for (int j = 0; j < d; j++) {
        mx[j] += u[i] * points.x(i, j);
      }
      mt += u[i] * t[i];
    }
    for (int j = 0; j < d; j++) {
      mx[j] /= sw;
    }
    mt /= sw;
    double[][] a = new double[d][d + 1];
    double[] dx = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        dx[j] = points.x(i, j) - mx[j];
      }
      double dt = t[i] - mt;
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          a[j][k] += u[i] * dx[j] * dx[k];
        }
        a[j][d] += u[i] * dx[j] * dt;
      }
    }
    double[] w = solve(a);
    double b = mt;
    for (int j = 0; j < d; j++) {
      b -= w[j] * mx[j];
    }
    double[] params = new double[d + 1];
    System.arraycopy(w, 0, params, 0, d);
    params[d] = b;
    return params;
  }

  /** Solves the augmented system {@code a = [A | r]} in place; NaN when A is singular. */
  static double[] solve(double[][] a) {
    int d = a.length;
    for (int col = 0; col < d; col++) {
      int pivot = col;
      for (int row = col + 1; row < d; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      if (a[col][col] == 0) {
        double[] nan = new double[d];
        Arrays.fill(nan, Double.NaN);
        return nan;
      }
      for (int row = col + 1; row < d; row++) {
        double factor = a[row][col] / a[col][col];
        for (int k = col; k <= d; k++) {
          a[row][k] -= factor * a[col][k];
        }
      }
    }
    double[] x = new double[d];
    for (int row = d - 1; row >= 0; row--) {
      double s = a[row][d];
      for (int k = row + 1; k < d; k++) {
        s -= a[row][k] * x[k];
      }
      x[row] = s / a[row][row];
    }
    return x;
  }

  /**
   * Ridge on the same weighted sums, bias penalised too: {@code (X̃ᵀUX̃ + penalty·I)θ = X̃ᵀUt} with
   * X̃ = [x, 1] uncentred (centring would move the penalty off the bias).
   */
  static double[] solveRidge(Points points, double[] u, double[] t, double penalty) {
    int d = points.features();
    int m = d + 1;
    double[][] a = new double[m][m + 1];
    double[] row = new double[m];
    for (int i = 0; i < points.size(); i++) {
      for (int j = 0; j < d; j++) {
        row[j] = points.x(i, j);
      }
      row[d] = 1;
      for (int j = 0; j < m; j++) {
        for (int k = 0; k < m; k++) {
          a[j][k] += u[i] * row[j] * row[k];
        }
        a[j][m] += u[i] * row[j] * t[i];
      }
    }
    for (int j = 0; j < m; j++) {
      a[j][j] += penalty;
    }
    return solve(a);
  }
}
